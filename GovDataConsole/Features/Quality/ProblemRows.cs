using GovDataConsole.Features.Shared;
using GovDataConsole.Quality;

namespace GovDataConsole.Features.Quality;

/// <summary>A resource the problem filters offer.</summary>
public sealed record ProblemResource(int Id, string Code, string Name, int DepartmentId, string DepartmentName);

/// <summary>The problem browser's filters; every one optional.</summary>
public sealed record ProblemQuery : GridRequest
{
    public int? DepartmentId { get; set; }
    public int? ResourceId { get; set; }
    public int? BatchId { get; set; }
    public string? RuleKey { get; set; }
    public QualityDimension? Dimension { get; set; }
    public RuleSeverity? Severity { get; set; }
    public ProblemStatus? Status { get; set; }

    /// <summary>Found on or after this day (China time).</summary>
    public DateOnly? FoundFrom { get; set; }

    /// <summary>Found on or before this day (China time).</summary>
    public DateOnly? FoundTo { get; set; }

    /// <summary>Part of the message or the rule name.</summary>
    public string? Text { get; set; }

    /// <summary>Filters that need each problem row (not only its batch): with any of them the count is capped.</summary>
    public bool FiltersRows => RuleKey is not null || Dimension is not null || Severity is not null || Status is not null
        || FoundFrom is not null || FoundTo is not null || !string.IsNullOrWhiteSpace(Text);
}

/// <summary>One current problem as the browser lists it; <see cref="Value"/> masked unless revealed.</summary>
public sealed record ProblemRow(long Id, int BatchId, int? RowNumber, long? RecordId, int ResourceId, string ResourceCode, string ResourceName,
    string DepartmentName, string RuleKey, string RuleName, QualityDimension Dimension, RuleSeverity Severity, string? ItemName, string? Value,
    string Message, ProblemStatus Status, DateTime FoundUtc);

/// <summary>A page of problems. <see cref="Capped"/>: more than <see cref="GridPage{T}.TotalCount"/> match (the count stopped there).</summary>
public sealed record ProblemPage(IReadOnlyList<ProblemRow> Items, int TotalCount, bool Capped);

/// <summary>A field of a failing record: its current value and, when it failed, the messages of every rule it failed in that run.</summary>
public sealed record RecordField(string Code, string Name, string Value, IReadOnlyList<string> Messages)
{
    public bool Failing => Messages.Count > 0;
}

/// <summary>The record behind a problem with every problem that run found in it (batch-level problems have no fields).</summary>
public sealed record ProblemRecord(long ProblemId, int BatchId, int? RowNumber, string ResourceName, IReadOnlyList<RecordField> Fields,
    IReadOnlyList<ProblemRow> Problems);

/// <summary>What a triage action did: problems changed, skipped (no longer open or not current) and batch-level ones left out.</summary>
public sealed record TriageResult(int Changed, int Skipped, int BatchLevel);

/// <summary>Exceptions list filters: resource, and active (true) or revoked (false).</summary>
public sealed record ExceptionQuery : GridRequest
{
    public int? ResourceId { get; set; }
    public bool? Active { get; set; }
}

public sealed record ExceptionRow(int Id, int ResourceId, string ResourceCode, string ResourceName, string DepartmentName, int BatchId, int RowNumber,
    string RuleKey, string RuleName, string? ItemName, string? Value, string Reason, string CreatedBy, DateTime CreatedUtc, string? RevokedBy,
    DateTime? RevokedUtc)
{
    public bool IsActive => RevokedUtc is null;
}
