using System.Threading.Channels;
using GovDataConsole.Cleansing;
using GovDataConsole.Data;
using GovDataConsole.Features.Collection;
using GovDataConsole.Features.Quality;
using Hangfire;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Features.Cleansing;

/// <summary>
/// Cleanses an imported batch with its resource's current rule set: raw values stay, cleansed values are stored beside
/// them, each rule's change count is kept, and duplicates by business key are marked. Idempotent (a re-run recomputes
/// everything from the raw values) and cancellable; claims the batch atomically like the import. A cleansed batch is queued for checking.
/// </summary>
public sealed class BatchCleansingJob(IDbContextFactory<AppDbContext> dbFactory, BatchProgress progress, CollectionOptions options, CheckRunQueue checks,
    ILogger<BatchCleansingJob> log)
{
    private const int PageSize = 10_000;

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

        // Three stages overlap: read + parse (own connection), cleanse + serialise, then write (this connection) in row order.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var read = Channel.CreateBounded<RawPage>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        var cleansed = Channel.CreateBounded<CleansedPage>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        var reading = Task.Run(() => ReadAsync(batchId, plan.Width, read.Writer, stop.Token), stop.Token);
        var cleansing = Task.Run(() => CleanseStageAsync(plan, dedup, counts, read.Reader, cleansed.Writer, stop.Token), stop.Token);
        try
        {
            await db.Database.OpenConnectionAsync(ct);
            var connection = db.Database.GetDbConnection();
            var done = 0;
            await foreach (var page in cleansed.Reader.ReadAllAsync(ct))
            {
                await using (var tx = await connection.BeginTransactionAsync(ct))
                await using (var update = BulkCommand.Create(connection, tx,
                    "UPDATE BatchRecords SET CleansedJson = @c, DuplicateOfRow = NULL WHERE Id = @id", "@c", "@id"))
                {
                    foreach (var row in page.Rows)
                    {
                        // Only rows whose stored state differs are written: a first run writes the changed rows, a re-run the differences.
                        if (row.Json == row.StoredJson && !row.StoredDuplicate) continue;
                        update.Parameters[0].Value = (object?)row.Json ?? DBNull.Value;
                        update.Parameters[1].Value = row.Id;
                        await update.ExecuteNonQueryAsync(ct);
                    }
                    await tx.CommitAsync(ct);
                }
                done += page.Rows.Length;
                await db.DataBatches.Where(b => b.Id == batchId).ExecuteUpdateAsync(s => s.SetProperty(b => b.HeartbeatUtc, DateTime.UtcNow), ct);
                await progress.PublishAsync(new(batchId, BatchStatus.Cleansing, batch.RowsRead, batch.RowsAccepted, batch.RowsRejected,
                    (int)Math.Min(99, 99L * done / Math.Max(1, batch.RowsAccepted))));
                ct.ThrowIfCancellationRequested();
            }
            await Task.WhenAll(reading, cleansing);
        }
        finally
        {
            await stop.CancelAsync();
            try { await Task.WhenAll(reading, cleansing); }
            catch (Exception) { /* already surfaced through the channel, or cancelled by the stop above */ }
        }

        var connectionForMarks = db.Database.GetDbConnection();
        await using var finish = await db.Database.BeginTransactionAsync(ct);
        if (dedup is not null)
        {
            await using var mark = BulkCommand.Create(connectionForMarks, finish.GetDbTransaction(),
                "UPDATE BatchRecords SET DuplicateOfRow = @k WHERE BatchId = @b AND RowNumber = @r", "@k", "@b", "@r");
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
        await checks.QueueAfterCleansingAsync(batchId, ct);
    }

    private sealed record RawPage(RawRow[] Rows);

    private readonly record struct RawRow(long Id, int RowNumber, string[] Values, string? StoredJson, bool StoredDuplicate);

    private sealed record CleansedPage(CleansedRow[] Rows);

    /// <summary>Json: the cleansed values when they differ from the raw ones, else null.</summary>
    private readonly record struct CleansedRow(long Id, int RowNumber, string? Json, string? StoredJson, bool StoredDuplicate);

    /// <summary>Pages of the batch in row order (keyset on RowNumber), values parsed and padded to the plan's width.</summary>
    private async Task ReadAsync(int batchId, int width, ChannelWriter<RawPage> output, CancellationToken ct)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await db.Database.OpenConnectionAsync(ct);
            await using var query = db.Database.GetDbConnection().CreateCommand();
            query.CommandText = db.Database.IsSqlServer()
                ? "SELECT TOP (@n) Id, RowNumber, ValuesJson, CleansedJson, DuplicateOfRow FROM BatchRecords WHERE BatchId = @b AND RowNumber > @r ORDER BY RowNumber"
                : "SELECT Id, RowNumber, ValuesJson, CleansedJson, DuplicateOfRow FROM BatchRecords WHERE BatchId = @b AND RowNumber > @r ORDER BY RowNumber LIMIT @n";
            foreach (var (name, value) in new (string, object)[] { ("@n", PageSize), ("@b", batchId), ("@r", 0) })
            {
                var parameter = query.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                query.Parameters.Add(parameter);
            }
            while (true)
            {
                var rows = new List<RawRow>(PageSize);
                await using (var reader = await query.ExecuteReaderAsync(ct))
                    while (await reader.ReadAsync(ct))
                        rows.Add(new RawRow(reader.GetInt64(0), reader.GetInt32(1), RecordJson.Parse(reader.GetString(2), width),
                            reader.IsDBNull(3) ? null : reader.GetString(3), !reader.IsDBNull(4)));
                if (rows.Count == 0) break;
                await output.WriteAsync(new RawPage([.. rows]), ct);
                query.Parameters[2].Value = rows[^1].RowNumber;
            }
            output.Complete();
        }
        catch (Exception ex)
        {
            output.Complete(ex);
        }
    }

    private static async Task CleanseStageAsync(CleansingPlan plan, Deduplicator? dedup, long[] counts, ChannelReader<RawPage> input, ChannelWriter<CleansedPage> output, CancellationToken ct)
    {
        try
        {
            var cleansed = new string[plan.Width];
            var json = new RecordJson();
            await foreach (var page in input.ReadAllAsync(ct))
            {
                var rows = new CleansedRow[page.Rows.Length];
                for (var i = 0; i < rows.Length; i++)
                {
                    var raw = page.Rows[i];
                    plan.Pipeline.Apply(raw.Values, cleansed, counts);
                    var changed = !raw.Values.AsSpan().SequenceEqual(cleansed);
                    // De-duplicated here, in row order, so the writer only writes.
                    dedup?.Add(raw.RowNumber, plan.KeyValues(cleansed));
                    rows[i] = new CleansedRow(raw.Id, raw.RowNumber, changed ? json.Serialize(cleansed) : null,
                        raw.StoredJson, raw.StoredDuplicate);
                }
                await output.WriteAsync(new CleansedPage(rows), ct);
            }
            output.Complete();
        }
        catch (Exception ex)
        {
            output.Complete(ex);
        }
    }
}
