namespace GovDataConsole.Features.Collection;

// Stored as their names; Chinese labels come from resources (EnumLabels).

public enum CollectionTaskStatus { Pending, Submitted, SubmittedLate, Missing }

/// <summary>Imported batches move on through cleansing (清洗中 → 已清洗); later steps extend this.</summary>
public enum BatchStatus { Queued, Parsing, Imported, Failed, Cleansing, Cleansed }

public enum BatchFormat { Xlsx, Csv }

public static class BatchStatusExtensions
{
    /// <summary>From 已入库 on, a batch's records are complete and visible.</summary>
    public static bool HasRecords(this BatchStatus status) => status is BatchStatus.Imported or BatchStatus.Cleansing or BatchStatus.Cleansed;
}
