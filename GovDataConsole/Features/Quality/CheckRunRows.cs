using GovDataConsole.Features.Shared;
using GovDataConsole.Quality;

namespace GovDataConsole.Features.Quality;

/// <summary>A check run as lists and the detail header show it.</summary>
public sealed record RunRow(
    int Id, int ResourceId, string ResourceCode, string ResourceName, string DepartmentName, int? BatchId, CheckTrigger Trigger,
    CheckRunStatus Status, int RuleSetVersion, int ChunksDone, int ChunkCount, long RowsChecked, long ProblemCount, decimal? Score,
    string RequestedBy, DateTime QueuedUtc, DateTime? StartedUtc, DateTime? FinishedUtc, string? FailureReason, int DepartmentId)
{
    public bool IsActive => Status is CheckRunStatus.Queued or CheckRunStatus.Running or CheckRunStatus.Aggregating;
}

public sealed record RunQuery : GridRequest
{
    public int? ResourceId { get; set; }
    public CheckRunStatus? Status { get; set; }
    public CheckTrigger? Trigger { get; set; }
}

/// <summary>How one rule did in a run, as stored.</summary>
public sealed record RuleOutcomeRow(
    string RuleKey, string RuleName, RuleTemplate Template, QualityDimension Dimension, RuleSeverity Severity, decimal Weight,
    decimal Threshold, long Checked, long Failed, decimal FailureRate, bool Passed);

/// <summary>
/// A run with its scope batch, dimension scores, per-rule outcomes, and the earlier completed run of the same resource whose
/// scope overlaps it (for "compare with the previous run").
/// </summary>
public sealed record RunDetail(
    RunRow Run, string? BatchLabel, IReadOnlyDictionary<QualityDimension, decimal> Dimensions, IReadOnlyList<RuleOutcomeRow> Rules,
    int? PreviousRunId);

/// <summary>A completed run of a resource: a point of its score trend, and a choice when comparing runs.</summary>
public sealed record TrendPoint(
    int RunId, DateTime FinishedUtc, int? BatchId, long ProblemCount, decimal? Score, IReadOnlyDictionary<QualityDimension, decimal> Dimensions);

/// <summary>A resource that has check runs, for filters and pickers.</summary>
public sealed record RunResource(int Id, string Code, string Name);

/// <summary>Where a problem stands between run A (earlier) and run B (later).</summary>
public enum ComparisonCategory { New, Fixed, Remaining }

/// <summary>
/// Run A against run B of one resource, over the batches both covered: problems only in B (new), only in A (fixed), in both
/// (remaining, counted on B's side), and 数据修补率 = fixed ÷ A's problems in that scope (null when A had none).
/// </summary>
public sealed record RunComparison(
    RunRow A, RunRow B, IReadOnlyList<int> SharedBatches, IReadOnlyList<int> OnlyInA, IReadOnlyList<int> OnlyInB,
    int ProblemsInA, int ProblemsInB, int New, int Fixed, int Remaining, decimal? FixRate);

/// <summary>A problem in a comparison list, its value masked by sensitivity.</summary>
public sealed record ComparedProblemRow(
    long Id, int BatchId, int? RowNumber, string RuleKey, string RuleName, QualityDimension Dimension, RuleSeverity Severity, string? ItemName,
    string? Value, string Message);
