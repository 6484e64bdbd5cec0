using GovDataConsole.Features.Organization;

namespace GovDataConsole.Features.Scoring;

/// <summary>A manual bonus (positive) or deduction (negative) item of a department in a period (加分/扣分), with its reason and optional evidence.</summary>
public class ScoreAdjustment : IDepartmentOwned
{
    public int Id { get; private set; }
    public int DepartmentId { get; private set; }
    public string PeriodKey { get; private set; } = "";
    public decimal Points { get; private set; }
    public string Reason { get; private set; } = "";
    public string? EvidenceName { get; private set; }
    public string? EvidencePath { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedUtc { get; private set; }

    private ScoreAdjustment() { }

    public ScoreAdjustment(int departmentId, string periodKey, decimal points, string reason, string? evidenceName, string? evidencePath, string createdBy, DateTime utc)
    {
        (DepartmentId, PeriodKey, Points, Reason) = (departmentId, periodKey, points, reason.Trim());
        (EvidenceName, EvidencePath, CreatedBy, CreatedUtc) = (evidenceName, evidencePath, createdBy, utc);
    }
}
