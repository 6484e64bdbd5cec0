using System.Text.Json;
using GovDataConsole.Data;
using GovDataConsole.Features.Shared;
using GovDataConsole.Ingest;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Features.Collection;

/// <summary>
/// Parses a stored batch file streaming, checks every value against the catalog schema, bulk-writes accepted rows and row
/// errors, then flips the batch to 已入库 in one transaction. Safe to run twice or after a crash: a run first claims the
/// batch atomically (only a queued batch, or one whose last run stopped beating, can be claimed) and clears leftovers.
/// </summary>
public sealed class BatchImportJob(
    IDbContextFactory<AppDbContext> dbFactory, FileStore files, BatchProgress progress, CollectionOptions options, IBackgroundJobClient jobs,
    ILogger<BatchImportJob> log)
{
    private const int ProgressEvery = 5_000;

    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(int batchId, CancellationToken ct)
    {
        if (!await ClaimAsync(batchId, ct)) return;
        try
        {
            await ImportAsync(batchId, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw; // Shutdown: the heartbeat goes stale and the batch is re-run after restart.
        }
        catch (Exception ex)
        {
            var reason = ex is BatchFileException or BusinessRuleException ? ex.Message : T.Batch_UnexpectedFailure;
            if (reason == T.Batch_UnexpectedFailure) log.LogError(ex, "Batch {BatchId} failed", batchId);
            await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
            var batch = await db.DataBatches.SingleAsync(b => b.Id == batchId, CancellationToken.None);
            batch.Fail(reason, DateTime.UtcNow);
            await db.SaveChangesAsync(CancellationToken.None);
            await progress.PublishAsync(new(batchId, BatchStatus.Failed, batch.RowsRead, batch.RowsAccepted, batch.RowsRejected, 100));
        }
    }

    private async Task<bool> ClaimAsync(int batchId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = DateTime.UtcNow;
        var stale = now.AddSeconds(-options.StaleAfterSeconds);
        var claimed = await db.DataBatches
            .Where(b => b.Id == batchId && (b.Status == BatchStatus.Queued || (b.Status == BatchStatus.Parsing && (b.HeartbeatUtc == null || b.HeartbeatUtc < stale))))
            .ExecuteUpdateAsync(s => s
                .SetProperty(b => b.Status, BatchStatus.Parsing)
                .SetProperty(b => b.Attempts, b => b.Attempts + 1)
                .SetProperty(b => b.StartedUtc, now)
                .SetProperty(b => b.HeartbeatUtc, now)
                .SetProperty(b => b.FailureReason, (string?)null)
                .SetProperty(b => b.RowsRead, 0)
                .SetProperty(b => b.RowsAccepted, 0)
                .SetProperty(b => b.RowsRejected, 0), ct);
        return claimed == 1;
    }

    private async Task ImportAsync(int batchId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var batch = await db.DataBatches.SingleAsync(b => b.Id == batchId, ct);
        var resourceVersion = await db.DataResources.Where(r => r.Id == batch.DataResourceId).Select(r => r.Version).SingleAsync(ct);
        var items = await db.InfoItems.AsNoTracking().Where(i => i.DataResourceId == batch.DataResourceId).OrderBy(i => i.SortOrder).ToListAsync(ct);
        var mapping = JsonSerializer.Deserialize<ColumnMapping>(batch.MappingJson ?? "null") ?? throw new BusinessRuleException(T.Batch_NoMapping);
        var codes = items.Select(i => i.Code).ToList();
        int read = 0, accepted = 0, rejected = 0;
        string? encoding;

        var path = files.FullPath(batch.StoredFile);
        if (!File.Exists(path)) throw new BusinessRuleException(T.Batch_FileMissing);
        await using (var file = File.OpenRead(path))
        using (var source = BatchFiles.Open(file, batch.Format))
        await using (var writer = await BatchRowWriter.OpenAsync(db, batchId, ct))
        {
            encoding = (source as CsvRowSource)?.EncodingLabel;
            await progress.PublishAsync(new(batchId, BatchStatus.Parsing, 0, 0, 0, 0));
            foreach (var row in MappedRows.Read(source, mapping, codes))
            {
                ct.ThrowIfCancellationRequested();
                read++;
                var ok = true;
                for (var i = 0; i < items.Count; i++)
                {
                    if (SchemaCheck.Check(items[i], row.Cells[i]) is not { } error) continue;
                    ok = false;
                    var column = mapping.Columns.TryGetValue(codes[i], out var c) ? c + 1 : 0;
                    await writer.AddErrorAsync(row.Number, column, codes[i], row.Cells[i], error, ct);
                }
                if (ok)
                {
                    accepted++;
                    await writer.AddRecordAsync(row.Number, JsonSerializer.Serialize(row.Cells), ct);
                }
                else rejected++;

                if (read % ProgressEvery == 0)
                    await ReportAsync(db, batchId, read, accepted, rejected, (int)(100 * file.Position / Math.Max(1, file.Length)), ct);
            }
            await writer.FlushAsync(ct);
        }

        var now = DateTime.UtcNow;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        batch.Progress(read, accepted, rejected, now);
        batch.Complete(encoding, resourceVersion, now);
        if (batch.TaskId is int taskId && await db.CollectionTasks.FindAsync([taskId], ct) is { } task) task.Fulfil(batch.Id, batch.UploadedUtc);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await progress.PublishAsync(new(batchId, BatchStatus.Imported, read, accepted, rejected, 100));
        jobs.Enqueue<Cleansing.BatchCleansingJob>(j => j.RunAsync(batchId, CancellationToken.None));
    }

    private async Task ReportAsync(AppDbContext db, int batchId, int read, int accepted, int rejected, int percent, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        await db.DataBatches.Where(b => b.Id == batchId).ExecuteUpdateAsync(s => s
            .SetProperty(b => b.RowsRead, read).SetProperty(b => b.RowsAccepted, accepted).SetProperty(b => b.RowsRejected, rejected)
            .SetProperty(b => b.HeartbeatUtc, now), ct);
        await progress.PublishAsync(new(batchId, BatchStatus.Parsing, read, accepted, rejected, Math.Min(99, percent)));
    }
}
