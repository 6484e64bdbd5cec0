using GovDataConsole.Features.Catalog;
using GovDataConsole.Features.Organization;
using GovDataConsole.Quality;

namespace GovDataConsole.Features.Quality;

/// <summary>
/// One failing row × rule found by a run (问题数据): where (batch row, field), what value, why. A batch's current problems
/// are those of the run its <c>CheckRunId</c> points at; older runs' problems stay for run comparison.
/// Batch-level rules leave RecordId and RowNumber empty.
/// </summary>
public class Problem : IDepartmentOwned
{
    public long Id { get; private set; }
    public int RunId { get; private set; }

    /// <summary>The chunk that found it (null: found by the aggregation step), so a re-run chunk replaces exactly its own.</summary>
    public long? ChunkId { get; private set; }
    public int DataResourceId { get; private set; }
    public int DepartmentId { get; private set; }
    public int BatchId { get; private set; }
    public long? RecordId { get; private set; }
    public int? RowNumber { get; private set; }
    public string RuleKey { get; private set; } = "";
    public string RuleName { get; private set; } = "";
    public QualityDimension Dimension { get; private set; }
    public RuleSeverity Severity { get; private set; }
    public string? ItemCode { get; private set; }
    public string? ItemName { get; private set; }
    public SensitivityKind Sensitivity { get; private set; }
    public string? Value { get; private set; }
    public string Message { get; private set; } = "";
    public ProblemStatus Status { get; private set; }
    public DateTime FoundUtc { get; private set; }

    private Problem() { }

    internal void SetStatus(ProblemStatus status) => Status = status;
}

/// <summary>
/// A record × rule the steward judged an exception or false positive (例外/误报), with the reason. While active, later runs
/// neither count nor report it; revoking puts it back under the rule.
/// </summary>
public class QualityException : IDepartmentOwned
{
    public int Id { get; private set; }
    public int DataResourceId { get; private set; }
    public int DepartmentId { get; private set; }
    public int BatchId { get; private set; }
    public long RecordId { get; private set; }
    public int RowNumber { get; private set; }
    public string RuleKey { get; private set; } = "";
    public string RuleName { get; private set; } = "";
    public string? ItemCode { get; private set; }
    public string? ItemName { get; private set; }
    public SensitivityKind Sensitivity { get; private set; }
    public string? Value { get; private set; }
    public string Reason { get; private set; } = "";
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedUtc { get; private set; }
    public string? RevokedBy { get; private set; }
    public DateTime? RevokedUtc { get; private set; }

    private QualityException() { }

    public QualityException(Problem problem, string reason, string by, DateTime utc)
    {
        (DataResourceId, DepartmentId, BatchId, RecordId, RowNumber) =
            (problem.DataResourceId, problem.DepartmentId, problem.BatchId, problem.RecordId!.Value, problem.RowNumber!.Value);
        (RuleKey, RuleName, ItemCode, ItemName, Sensitivity, Value) =
            (problem.RuleKey, problem.RuleName, problem.ItemCode, problem.ItemName, problem.Sensitivity, problem.Value);
        (Reason, CreatedBy, CreatedUtc) = (reason, by, utc);
    }

    public bool IsActive => RevokedUtc is null;

    public void Revoke(string by, DateTime utc) => (RevokedBy, RevokedUtc) = (by, utc);
}
