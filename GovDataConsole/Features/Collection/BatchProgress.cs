using GovDataConsole.Features.Shared;

namespace GovDataConsole.Features.Collection;

/// <summary>A batch's live counters, pushed from the import job to the pages that show that batch.</summary>
public sealed record BatchProgressUpdate(int BatchId, BatchStatus Status, int RowsRead, int RowsAccepted, int RowsRejected, int Percent);

/// <summary>Live batch progress from the import and cleansing jobs.</summary>
public sealed class BatchProgress : LiveUpdates<BatchProgressUpdate>;
