using GovDataConsole.Features.Organization;
using GovDataConsole.Quality;

namespace GovDataConsole.Features.Quality;

/// <summary>
/// One check of a resource's data (a batch, or all its cleansed batches) against the rules it snapshots. Split into chunks any
/// worker can take; the last chunk to finish hands over to the aggregation step, which scores the run.
/// </summary>
public class CheckRun : IDepartmentOwned
{
    public int Id { get; private set; }
    public int DataResourceId { get; private set; }
    public int DepartmentId { get; private set; }

    /// <summary>The batch checked; null for the resource's whole current data.</summary>
    public int? BatchId { get; private set; }
    public CheckTrigger Trigger { get; private set; }
    public CheckRunStatus Status { get; private set; }
    public int RuleSetVersion { get; private set; }
    public string RulesJson { get; private set; } = "[]";
    public int ChunkCount { get; private set; }
    public int ChunksDone { get; private set; }
    public long RowsChecked { get; private set; }
    public long ProblemCount { get; private set; }
    public decimal? Score { get; private set; }
    public string? DimensionScoresJson { get; private set; }
    public string RequestedBy { get; private set; } = "";
    public DateTime QueuedUtc { get; private set; }
    public DateTime? StartedUtc { get; private set; }
    public DateTime? FinishedUtc { get; private set; }
    public DateTime? HeartbeatUtc { get; private set; }
    public string? FailureReason { get; private set; }

    private CheckRun() { }

    public CheckRun(int dataResourceId, int departmentId, int? batchId, CheckTrigger trigger, int ruleSetVersion, string rulesJson, string requestedBy, DateTime utc)
    {
        (DataResourceId, DepartmentId, BatchId, Trigger, RuleSetVersion, RulesJson, RequestedBy, QueuedUtc) =
            (dataResourceId, departmentId, batchId, trigger, ruleSetVersion, rulesJson, requestedBy, utc);
        Status = CheckRunStatus.Queued;
    }

    public bool IsFinished => Status is CheckRunStatus.Completed or CheckRunStatus.Failed or CheckRunStatus.Cancelled;

    public void Complete(long rows, long problems, decimal? score, string dimensionScoresJson, DateTime utc)
    {
        (RowsChecked, ProblemCount, Score, DimensionScoresJson, FinishedUtc, Status) = (rows, problems, score, dimensionScoresJson, utc, CheckRunStatus.Completed);
        FailureReason = null;
    }

    public void Fail(string reason, DateTime utc) => (Status, FailureReason, FinishedUtc) = (CheckRunStatus.Failed, reason, utc);
}

/// <summary>A row range of one batch within a run; done chunks keep their per-rule failure counts.</summary>
public class CheckRunChunk
{
    public long Id { get; private set; }
    public int RunId { get; private set; }
    public int BatchId { get; private set; }

    /// <summary>Rows with FromRow &lt; RowNumber ≤ ToRow.</summary>
    public int FromRow { get; private set; }
    public int ToRow { get; private set; }
    public bool Done { get; private set; }
    public long RowsChecked { get; private set; }

    /// <summary>Failures per rule index of the run's rules (JSON long array).</summary>
    public string? FailuresJson { get; private set; }

    private CheckRunChunk() { }

    public CheckRunChunk(int runId, int batchId, int fromRow, int toRow) => (RunId, BatchId, FromRow, ToRow) = (runId, batchId, fromRow, toRow);
}

/// <summary>How one rule did in a run: checked, failed, rate, passed against its threshold.</summary>
public class CheckRunRule
{
    public long Id { get; private set; }
    public int RunId { get; private set; }
    public string RuleKey { get; private set; } = "";
    public string RuleName { get; private set; } = "";
    public RuleTemplate Template { get; private set; }
    public QualityDimension Dimension { get; private set; }
    public RuleSeverity Severity { get; private set; }
    public decimal Weight { get; private set; }
    public decimal Threshold { get; private set; }
    public long Checked { get; private set; }
    public long Failed { get; private set; }
    public decimal FailureRate { get; private set; }
    public bool Passed { get; private set; }

    private CheckRunRule() { }

    public CheckRunRule(int runId, RuleOutcome outcome)
    {
        RunId = runId;
        RuleKey = outcome.Rule.Key;
        RuleName = outcome.Rule.DisplayName;
        Template = outcome.Rule.Template;
        Dimension = outcome.Rule.Dimension;
        Severity = outcome.Rule.Severity;
        (Weight, Threshold, Checked, Failed, FailureRate, Passed) =
            (outcome.Rule.Weight, outcome.Rule.Threshold, outcome.Checked, outcome.Failed, outcome.FailureRate, outcome.Passed);
    }
}
