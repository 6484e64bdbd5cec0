using System.Text.Json;
using GovDataConsole.Cleansing;
using GovDataConsole.Data;
using GovDataConsole.Features.Collection;
using Hangfire;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Features.Cleansing;

/// <summary>
/// Cleanses an imported batch with its resource's current rule set: raw values stay, cleansed values are stored beside
/// them, each rule's change count is kept, and duplicates by business key are marked. Idempotent (a re-run recomputes
/// everything from the raw values) and cancellable; claims the batch atomically like the import.
/// </summary>
public sealed class BatchCleansingJob(IDbContextFactory<AppDbContext> dbFactory, BatchProgress progress, CollectionOptions options, ILogger<BatchCleansingJob> log)
{
    private const int PageSize = 5_000;

    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(int batchId, CancellationToken ct)
    {
        if (!await ClaimAsync(batchId, ct)) return;
        try
        {
            await CleanseAsync(batchId, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            log.LogError(ex, "Cleansing batch {BatchId} failed", batchId);
            await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
            var batch = await db.DataBatches.SingleAsync(b => b.Id == batchId, CancellationToken.None);
            batch.FailCleansing(ex is InvalidCleansingRuleException ? ex.Message : T.Cleansing_UnexpectedFailure);
            await db.SaveChangesAsync(CancellationToken.None);
            await progress.PublishAsync(new(batchId, batch.Status, batch.RowsRead, batch.RowsAccepted, batch.RowsRejected, 100));
        }
    }

    private async Task<bool> ClaimAsync(int batchId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = DateTime.UtcNow;
        var stale = now.AddSeconds(-options.StaleAfterSeconds);
        return await db.DataBatches
            .Where(b => b.Id == batchId && (b.Status == BatchStatus.Imported || b.Status == BatchStatus.Cleansed
                || (b.Status == BatchStatus.Cleansing && (b.HeartbeatUtc == null || b.HeartbeatUtc < stale))))
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BatchStatus.Cleansing).SetProperty(b => b.HeartbeatUtc, now)
                .SetProperty(b => b.FailureReason, (string?)null), ct) == 1;
    }

    private async Task CleanseAsync(int batchId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var batch = await db.DataBatches.SingleAsync(b => b.Id == batchId, ct);
        var plan = await CleansingPlan.LoadAsync(db, batch, ct);
        var counts = new long[plan.Pipeline.Steps.Count];
        var dedup = plan.CreateDeduplicator();

        await db.BatchRecords.Where(r => r.BatchId == batchId && (r.CleansedJson != null || r.DuplicateOfRow != null))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.CleansedJson, (string?)null).SetProperty(r => r.DuplicateOfRow, (int?)null), ct);
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        var cleansed = new string[plan.Width];
        int done = 0, lastRow = 0;
        while (true)
        {
            var page = await db.BatchRecords.AsNoTracking().Where(r => r.BatchId == batchId && r.RowNumber > lastRow)
                .OrderBy(r => r.RowNumber).Take(PageSize).Select(r => new { r.Id, r.RowNumber, r.ValuesJson }).ToListAsync(ct);
            if (page.Count == 0) break;
            await using (var tx = await connection.BeginTransactionAsync(ct))
            await using (var update = BulkCommand.Create(connection, tx, "UPDATE BatchRecords SET CleansedJson = @c WHERE Id = @id", "@c", "@id"))
            {
                foreach (var record in page)
                {
                    var raw = JsonSerializer.Deserialize<string[]>(record.ValuesJson) ?? [];
                    var values = raw.Length >= plan.Width ? raw : [.. raw, .. Enumerable.Repeat("", plan.Width - raw.Length)];
                    plan.Pipeline.Apply(values, cleansed, counts);
                    dedup?.Add(record.RowNumber, plan.KeyValues(cleansed));
                    if (!values.AsSpan().SequenceEqual(cleansed))
                    {
                        update.Parameters[0].Value = JsonSerializer.Serialize(cleansed);
                        update.Parameters[1].Value = record.Id;
                        await update.ExecuteNonQueryAsync(ct);
                    }
                }
                await tx.CommitAsync(ct);
            }
            done += page.Count;
            lastRow = page[^1].RowNumber;
            await db.DataBatches.Where(b => b.Id == batchId).ExecuteUpdateAsync(s => s.SetProperty(b => b.HeartbeatUtc, DateTime.UtcNow), ct);
            await progress.PublishAsync(new(batchId, BatchStatus.Cleansing, batch.RowsRead, batch.RowsAccepted, batch.RowsRejected,
                (int)(99L * done / Math.Max(1, batch.RowsAccepted))));
            ct.ThrowIfCancellationRequested();
        }

        await using var finish = await db.Database.BeginTransactionAsync(ct);
        if (dedup is not null)
        {
            var dbTx = finish.GetDbTransaction();
            await using var mark = BulkCommand.Create(connection, dbTx, "UPDATE BatchRecords SET DuplicateOfRow = @k WHERE BatchId = @b AND RowNumber = @r", "@k", "@b", "@r");
            foreach (var dropped in dedup.DroppedRows())
            {
                mark.Parameters[0].Value = (int)dropped.KeptRow;
                mark.Parameters[1].Value = batchId;
                mark.Parameters[2].Value = (int)dropped.RowNumber;
                await mark.ExecuteNonQueryAsync(ct);
            }
        }
        await db.BatchCleansingCounts.Where(c => c.BatchId == batchId).ExecuteDeleteAsync(ct);
        db.BatchCleansingCounts.AddRange(plan.Pipeline.Steps.Select((step, i) =>
            new BatchCleansingCount(batchId, plan.Codes[step.Column], step.Position, step.Rule.Kind, counts[i])));
        batch.CompleteCleansing(plan.Version, DateTime.UtcNow);
        await db.SaveChangesAsync(ct);
        await finish.CommitAsync(ct);
        await progress.PublishAsync(new(batchId, BatchStatus.Cleansed, batch.RowsRead, batch.RowsAccepted, batch.RowsRejected, 100));
    }
}
