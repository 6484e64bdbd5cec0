using GovDataConsole.Features.Catalog;
using GovDataConsole.Features.Organization;

namespace GovDataConsole.Features.Collection;

/// <summary>
/// One uploaded file of data for a resource and period (数据批次): 排队中 → 解析中 → 已入库, or 失败 with a reason.
/// Its records are visible only once it is imported, so a batch is seen whole or not at all.
/// </summary>
public class DataBatch : IDepartmentOwned
{
    public int Id { get; private set; }
    public int DataResourceId { get; private set; }
    public DataResource? DataResource { get; private set; }
    public int DepartmentId { get; private set; }
    public int? TaskId { get; private set; }
    public string PeriodKey { get; private set; } = "";
    public string FileName { get; private set; } = "";
    public string StoredFile { get; private set; } = "";
    public string FileHash { get; private set; } = "";
    public long FileSize { get; private set; }
    public BatchFormat Format { get; private set; }
    public string? MappingJson { get; private set; }
    public int ResourceVersion { get; private set; }
    public BatchStatus Status { get; private set; } = BatchStatus.Queued;
    public string? FailureReason { get; private set; }
    public string? Encoding { get; private set; }
    public int RowsRead { get; private set; }
    public int RowsAccepted { get; private set; }
    public int RowsRejected { get; private set; }
    public int Attempts { get; private set; }
    public string UploadedBy { get; private set; } = "";
    public DateTime UploadedUtc { get; private set; }
    public DateTime? StartedUtc { get; private set; }
    public DateTime? HeartbeatUtc { get; private set; }
    public DateTime? FinishedUtc { get; private set; }

    /// <summary>The cleansing rule-set version the cleansed values came from (0: no rules yet).</summary>
    public int? CleansedVersion { get; private set; }
    public DateTime? CleansedUtc { get; private set; }

    /// <summary>The latest completed check run covering this batch: its problems are the batch's current ones.</summary>
    public int? CheckRunId { get; private set; }

    private DataBatch() { }

    public DataBatch(DataResource resource, int? taskId, string periodKey, string fileName, string storedFile, string fileHash, long fileSize,
        BatchFormat format, string? mappingJson, string uploadedBy, DateTime uploadedUtc)
    {
        UploadedUtc = uploadedUtc;
        DataResourceId = resource.Id;
        DepartmentId = resource.DepartmentId;
        ResourceVersion = resource.Version;
        TaskId = taskId;
        PeriodKey = periodKey;
        FileName = fileName;
        StoredFile = storedFile;
        FileHash = fileHash;
        FileSize = fileSize;
        Format = format;
        MappingJson = mappingJson;
        UploadedBy = uploadedBy;
    }

    public void Progress(int read, int accepted, int rejected, DateTime utcNow)
    {
        (RowsRead, RowsAccepted, RowsRejected) = (read, accepted, rejected);
        HeartbeatUtc = utcNow;
    }

    /// <summary>Imported under <paramref name="resourceVersion"/>: the version whose item order the records follow.</summary>
    public void Complete(string? encoding, int resourceVersion, DateTime utcNow)
    {
        Status = BatchStatus.Imported;
        ResourceVersion = resourceVersion;
        Encoding = encoding;
        FinishedUtc = HeartbeatUtc = utcNow;
    }

    public void CompleteCleansing(int version, DateTime utcNow)
    {
        Status = BatchStatus.Cleansed;
        CleansedVersion = version;
        CleansedUtc = HeartbeatUtc = utcNow;
    }

    /// <summary>Cleansing failed: the imported records stand, the reason is shown, and cleansing can be run again.</summary>
    public void FailCleansing(string reason)
    {
        Status = BatchStatus.Imported;
        FailureReason = reason.Length > 500 ? reason[..500] : reason;
    }

    public void Fail(string reason, DateTime utcNow)
    {
        Status = BatchStatus.Failed;
        FailureReason = reason.Length > 500 ? reason[..500] : reason;
        FinishedUtc = utcNow;
    }

    /// <summary>A failed batch goes back to the queue on the user's request.</summary>
    public void Requeue()
    {
        if (Status != BatchStatus.Failed) throw new Shared.BusinessRuleException(Resources.UiText.Batch_RetryOnlyFailed);
        Status = BatchStatus.Queued;
        FailureReason = null;
    }
}
