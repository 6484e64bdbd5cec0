using GovDataConsole.Features.Organization;
using GovDataConsole.Scoring;

namespace GovDataConsole.Features.Scoring;

/// <summary>
/// One computation of a period's scores (考核结果). A draft is replaced when recomputed; a published sheet is frozen, and
/// recomputing its period creates the next version (with the reason), so history is never rewritten.
/// </summary>
public class ScoreSheet
{
    public int Id { get; private set; }
    public string PeriodKey { get; private set; } = "";
    public ScorePeriodType PeriodType { get; private set; }
    public int Version { get; private set; }
    public ScoreSheetStatus Status { get; private set; }
    public int ModelId { get; private set; }
    public int ModelVersion { get; private set; }
    public DateTime ComputedUtc { get; private set; }
    public string ComputedBy { get; private set; } = "";
    public string? Reason { get; private set; }
    public DateTime? PublishedUtc { get; private set; }
    public string? PublishedBy { get; private set; }

    private ScoreSheet() { }

    public ScoreSheet(ScorePeriod period, int version) => (PeriodKey, PeriodType, Version, Status) = (period.Key, period.Type, version, ScoreSheetStatus.Draft);

    public bool IsPublished => Status == ScoreSheetStatus.Published;

    internal void Computed(ScoringModel model, DateTime utc, string by, string? reason) =>
        (ModelId, ModelVersion, ComputedUtc, ComputedBy, Reason) = (model.Id, model.Version, utc, by, string.IsNullOrWhiteSpace(reason) ? Reason : reason.Trim());

    internal void Publish(DateTime utc, string by) => (Status, PublishedUtc, PublishedBy) = (ScoreSheetStatus.Published, utc, by);
}

/// <summary>A department's line of a sheet: its total, grade and rank.</summary>
public class DepartmentScore : IDepartmentOwned
{
    public long Id { get; private set; }
    public int SheetId { get; private set; }
    public int DepartmentId { get; private set; }
    public string DepartmentName { get; private set; } = "";
    public decimal Total { get; private set; }
    public ScoreGrade Grade { get; private set; }
    public int Rank { get; private set; }

    private DepartmentScore() { }

    public DepartmentScore(int sheetId, int departmentId, string departmentName, decimal total, ScoreGrade grade, int rank) =>
        (SheetId, DepartmentId, DepartmentName, Total, Grade, Rank) = (sheetId, departmentId, departmentName, total, grade, rank);
}

/// <summary>One indicator of a department in a sheet: the inputs behind it (JSON, see <see cref="ScoreInputs"/>), its value and points.</summary>
public class ScoreIndicatorValue : IDepartmentOwned
{
    public long Id { get; private set; }
    public int SheetId { get; private set; }
    public int DepartmentId { get; private set; }
    public ScoreIndicator Indicator { get; private set; }
    public decimal Weight { get; private set; }
    public decimal Value { get; private set; }
    public decimal Points { get; private set; }
    public string InputsJson { get; private set; } = "{}";

    private ScoreIndicatorValue() { }

    public ScoreIndicatorValue(int sheetId, int departmentId, ScoreIndicator indicator, decimal weight, decimal value, decimal points, string inputsJson) =>
        (SheetId, DepartmentId, Indicator, Weight, Value, Points, InputsJson) = (sheetId, departmentId, indicator, weight, value, points, inputsJson);
}
