using GovDataConsole.Features.Catalog;
using GovDataConsole.Features.Shared;
using GovDataConsole.Ingest;

namespace GovDataConsole.Features.Collection;

public sealed record BatchRow(
    int Id, int ResourceId, string ResourceCode, string ResourceName, string DepartmentName, string PeriodKey, string FileName,
    BatchFormat Format, BatchStatus Status, string? FailureReason, int RowsRead, int RowsAccepted, int RowsRejected,
    string UploadedBy, DateTime UploadedUtc, DateTime? FinishedUtc, string? Encoding, int DepartmentId, int? CleansedVersion = null);

public sealed record BatchQuery : GridRequest
{
    public int? ResourceId { get; set; }
    public BatchStatus? Status { get; set; }
    public string? PeriodKey { get; set; }
}

public sealed record RowErrorRow(int RowNumber, string ItemCode, string? ItemName, string? Value, string Message);

/// <summary>One stored record for display: its values in item order (masked unless revealed), whether cleansing changed it, and the row it duplicates.</summary>
public sealed record RecordRow(int RowNumber, IReadOnlyList<string> Values, bool Changed = false, int? DuplicateOfRow = null);

public sealed record ItemColumn(string Code, string Name, SensitivityKind Sensitivity);

/// <summary>An uploaded file waiting for the user's go-ahead: where it is, what its header looks like, whether it was sent before.</summary>
public sealed record BatchDraft(
    int ResourceId, string PeriodKey, string FileName, string StoredFile, string Sha256, long Size, BatchFormat Format,
    HeaderDetection Detection, int? DuplicateOfBatchId);

/// <summary>A resource the user may upload to, with the periods it has tasks for (open ones first).</summary>
public sealed record UploadTarget(int ResourceId, string Code, string Name, UpdateCycle Cycle, IReadOnlyList<string> OpenPeriods, string CurrentPeriod);
