namespace GovDataConsole.Features.Collection;

/// <summary>A record's values before a correction replaced them (from a rectification order's corrected workbook).</summary>
public class BatchRecordHistory
{
    public long Id { get; private set; }
    public long RecordId { get; private set; }
    public int BatchId { get; private set; }
    public string PreviousJson { get; private set; } = "";
    public string CurrentJson { get; private set; } = "";
    public int? OrderId { get; private set; }
    public string ChangedBy { get; private set; } = "";
    public DateTime ChangedUtc { get; private set; }

    private BatchRecordHistory() { }

    public BatchRecordHistory(long recordId, int batchId, string previousJson, string currentJson, int? orderId, string changedBy, DateTime utc) =>
        (RecordId, BatchId, PreviousJson, CurrentJson, OrderId, ChangedBy, ChangedUtc) = (recordId, batchId, previousJson, currentJson, orderId, changedBy, utc);
}
