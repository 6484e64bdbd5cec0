using GovDataConsole.Scoring;

namespace GovDataConsole.Features.Scoring;

/// <summary>One version of the scoring model of a period type (考核评分模型). Saving creates the next version; new computations use the latest.</summary>
public class ScoringModel
{
    public int Id { get; private set; }
    public ScorePeriodType PeriodType { get; private set; }
    public int Version { get; private set; }
    public ScoringParameters Parameters { get; private set; } = new();
    public string? Note { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedUtc { get; private set; }

    private ScoringModel() { }

    public ScoringModel(ScorePeriodType periodType, int version, ScoringParameters parameters, string? note, string createdBy, DateTime utc)
    {
        (PeriodType, Version, Parameters, CreatedBy, CreatedUtc) = (periodType, version, parameters.Copy(), createdBy, utc);
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }
}
