using System.Buffers;
using System.Data.Common;
using System.Text;
using System.Threading.Channels;
using GovDataConsole.Cleansing;
using GovDataConsole.Data;
using GovDataConsole.Features.Collection;
using GovDataConsole.Features.Quality;
using Hangfire;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;
using SQLitePCL;
using static GovDataConsole.Data.SqliteRaw;
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
    /// <summary>A page's JSON buffer to start with (about 250 bytes a record; grown when a page needs more).</summary>
    private const int PageBytes = 4 << 20;
    /// <summary>The range of a NULL column.</summary>
    private static readonly (int Start, int Length) None = (0, -1);

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

        // Three stages overlap: read (own connection), parse + cleanse + serialise, then write (this connection) in row order.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var read = Channel.CreateBounded<RawPage>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        var cleansed = Channel.CreateBounded<CleansedPage>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        var reading = Task.Run(() => ReadAsync(batchId, read.Writer, stop.Token), stop.Token);
        var cleansing = Task.Run(() => CleanseStageAsync(plan, dedup, counts, read.Reader, cleansed.Writer, stop.Token), stop.Token);
        long? restoreSynchronous = null;
        try
        {
            await db.Database.OpenConnectionAsync(ct);
            var connection = db.Database.GetDbConnection();
            restoreSynchronous = await SqliteSync.RelaxAsync(connection, ct);
            await using var update = connection is SqliteConnection ? null : BulkCommand.Create(connection, null,
                "UPDATE BatchRecords SET CleansedJson = @c, DuplicateOfRow = NULL WHERE Id = @id", "@c", "@id");
            using var sqliteUpdate = connection is SqliteConnection sqlite ? Prepare(sqlite, "UPDATE BatchRecords SET CleansedJson = ?1, DuplicateOfRow = NULL WHERE Id = ?2") : null;
            var done = 0;
            await foreach (var page in cleansed.Reader.ReadAllAsync(ct))
            {
                // The rows and the heartbeat in one transaction (BEGIN IMMEDIATE on SQLite, so the raw statement holds the write lock).
                await using (var tx = await db.Database.BeginTransactionAsync(ct))
                {
                    if (sqliteUpdate is not null) WriteSqlite((SqliteConnection)connection, sqliteUpdate, page);
                    else await WriteAsync(update!, tx.GetDbTransaction(), page, ct);
                    await db.DataBatches.Where(b => b.Id == batchId).ExecuteUpdateAsync(s => s.SetProperty(b => b.HeartbeatUtc, DateTime.UtcNow), ct);
                    await tx.CommitAsync(ct);
                }
                ArrayPool<Write>.Shared.Return(page.Writes);
                ArrayPool<byte>.Shared.Return(page.Json);
                done += page.RowCount;
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
            // Back to the usual level before the final commit, which then makes every earlier page durable with it.
            if (restoreSynchronous is long level) await SqliteSync.RestoreAsync(db.Database.GetDbConnection(), level);
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

    /// <summary>
    /// The first <see cref="Count"/> of <see cref="Rows"/>, their JSON back to back in <see cref="Json"/> (UTF-8). Page arrays are
    /// pooled and given back by the stage that consumes them; a page holds no object per row, so rows waiting in the
    /// pipeline cost the GC nothing and the values parsed from them die young.
    /// </summary>
    private sealed record RawPage(RawRow[] Rows, int Count, byte[] Json);

    /// <summary>Ranges of the page's JSON: the raw values, and the cleansed values an earlier run stored (negative length: none).</summary>
    private readonly record struct RawRow(long Id, int RowNumber, int ValuesStart, int ValuesLength, int StoredStart, int StoredLength, bool StoredDuplicate);

    /// <summary>
    /// A page of <see cref="RowCount"/> rows, of which only those whose stored state must change are listed (the first
    /// <see cref="WriteCount"/> of <see cref="Writes"/>): each with its new cleansed JSON as a range of <see cref="Json"/>
    /// (UTF-8), or a negative length for none (the values did not change).
    /// </summary>
    private sealed record CleansedPage(int RowCount, Write[] Writes, int WriteCount, byte[] Json);

    private readonly record struct Write(long Id, int Start, int Length);

    /// <summary>Pages of the batch in row order (keyset on RowNumber).</summary>
    private async Task ReadAsync(int batchId, ChannelWriter<RawPage> output, CancellationToken ct)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await db.Database.OpenConnectionAsync(ct);
            var connection = db.Database.GetDbConnection();
            var afterRow = 0;
            if (connection is SqliteConnection sqlite)
            {
                // Raw statement: the JSON is copied straight from SQLite's UTF-8, never materialised as a string.
                using var query = Prepare(sqlite, "SELECT Id, RowNumber, ValuesJson, CleansedJson, DuplicateOfRow FROM BatchRecords WHERE BatchId = ?1 AND RowNumber > ?2 ORDER BY RowNumber LIMIT ?3");
                Check(sqlite, raw.sqlite3_bind_int(query, 1, batchId));
                Check(sqlite, raw.sqlite3_bind_int(query, 3, PageSize));
                while (true)
                {
                    var rows = ArrayPool<RawRow>.Shared.Rent(PageSize);
                    var json = ArrayPool<byte>.Shared.Rent(PageBytes);
                    var count = ReadPage(sqlite, query, afterRow, rows, ref json, ct);
                    if (count == 0) break;
                    afterRow = rows[count - 1].RowNumber;
                    await output.WriteAsync(new RawPage(rows, count, json), ct);
                }
            }
            else
            {
                await using var query = BulkCommand.Create(connection, null,
                    "SELECT TOP (@n) Id, RowNumber, ValuesJson, CleansedJson, DuplicateOfRow FROM BatchRecords WHERE BatchId = @b AND RowNumber > @r ORDER BY RowNumber",
                    "@n", "@b", "@r");
                query.Parameters[0].Value = PageSize;
                query.Parameters[1].Value = batchId;
                while (true)
                {
                    query.Parameters[2].Value = afterRow;
                    var rows = ArrayPool<RawRow>.Shared.Rent(PageSize);
                    var json = ArrayPool<byte>.Shared.Rent(PageBytes);
                    int count = 0, used = 0;
                    await using (var reader = await query.ExecuteReaderAsync(ct))
                        while (await reader.ReadAsync(ct))
                        {
                            var values = Append(ref json, ref used, Encoding.UTF8.GetBytes(reader.GetString(2)));
                            var stored = reader.IsDBNull(3) ? None : Append(ref json, ref used, Encoding.UTF8.GetBytes(reader.GetString(3)));
                            rows[count++] = new RawRow(reader.GetInt64(0), reader.GetInt32(1), values.Start, values.Length, stored.Start, stored.Length, !reader.IsDBNull(4));
                        }
                    if (count == 0) break;
                    afterRow = rows[count - 1].RowNumber;
                    await output.WriteAsync(new RawPage(rows, count, json), ct);
                }
            }
            output.Complete();
        }
        catch (Exception ex)
        {
            output.Complete(ex);
        }
    }

    /// <summary>Reads the page after <paramref name="afterRow"/> into <paramref name="rows"/> and <paramref name="json"/>; returns how many rows it read.</summary>
    private static int ReadPage(SqliteConnection connection, sqlite3_stmt query, int afterRow, RawRow[] rows, ref byte[] json, CancellationToken ct)
    {
        int count = 0, used = 0;
        try
        {
            Check(connection, raw.sqlite3_bind_int(query, 2, afterRow));
            while (true)
            {
                var rc = raw.sqlite3_step(query);
                if (rc is raw.SQLITE_BUSY or raw.SQLITE_LOCKED && count == 0)
                {
                    // Only the first step takes the read lock (WAL): wait like the provider's own commands do.
                    ct.ThrowIfCancellationRequested();
                    raw.sqlite3_reset(query);
                    Thread.Sleep(10);
                    continue;
                }
                if (rc != raw.SQLITE_ROW)
                {
                    Check(connection, rc);
                    return count;
                }
                var values = Append(ref json, ref used, raw.sqlite3_column_blob(query, 2));
                var stored = raw.sqlite3_column_type(query, 3) == raw.SQLITE_NULL ? None : Append(ref json, ref used, raw.sqlite3_column_blob(query, 3));
                rows[count++] = new RawRow(raw.sqlite3_column_int64(query, 0), raw.sqlite3_column_int(query, 1), values.Start, values.Length,
                    stored.Start, stored.Length, raw.sqlite3_column_type(query, 4) != raw.SQLITE_NULL);
            }
        }
        finally
        {
            raw.sqlite3_reset(query);
        }
    }

    private static void WriteSqlite(SqliteConnection connection, sqlite3_stmt update, CleansedPage page)
    {
        try
        {
            foreach (var (id, start, length) in page.Writes.AsSpan(0, page.WriteCount))
            {
                Check(connection, length < 0 ? raw.sqlite3_bind_null(update, 1) : raw.sqlite3_bind_text(update, 1, page.Json.AsSpan(start, length)));
                Check(connection, raw.sqlite3_bind_int64(update, 2, id));
                Check(connection, raw.sqlite3_step(update));
                raw.sqlite3_reset(update);
            }
        }
        finally
        {
            raw.sqlite3_reset(update);
        }
    }

    private static async Task WriteAsync(DbCommand update, DbTransaction tx, CleansedPage page, CancellationToken ct)
    {
        update.Transaction = tx;
        foreach (var (id, start, length) in page.Writes[..page.WriteCount])
        {
            update.Parameters[0].Value = length < 0 ? DBNull.Value : Encoding.UTF8.GetString(page.Json, start, length);
            update.Parameters[1].Value = id;
            await update.ExecuteNonQueryAsync(ct);
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
                var result = CleansePage(plan, dedup, counts, page, cleansed, json);
                ArrayPool<RawRow>.Shared.Return(page.Rows);
                ArrayPool<byte>.Shared.Return(page.Json);
                await output.WriteAsync(result, ct);
            }
            output.Complete();
        }
        catch (Exception ex)
        {
            output.Complete(ex);
        }
    }

    private static CleansedPage CleansePage(CleansingPlan plan, Deduplicator? dedup, long[] counts, RawPage page, string[] cleansed, RecordJson json)
    {
        var writes = ArrayPool<Write>.Shared.Rent(page.Count);
        var writeCount = 0;
        var bytes = ArrayPool<byte>.Shared.Rent(PageBytes / 4);
        var used = 0;
        foreach (var raw in page.Rows.AsSpan(0, page.Count))
        {
            var values = RecordJson.Parse(page.Json.AsSpan(raw.ValuesStart, raw.ValuesLength), plan.Width);
            plan.Pipeline.Apply(values, cleansed, counts);
            // De-duplicated here, in row order, so the writer only writes.
            dedup?.Add(raw.RowNumber, plan.KeyValues(cleansed));
            var changed = !values.AsSpan().SequenceEqual(cleansed);
            var row = changed ? json.Serialize(cleansed) : default;
            // Only rows whose stored state differs are written: a first run writes the changed rows, a re-run the differences.
            var same = changed ? raw.StoredLength >= 0 && row.SequenceEqual(page.Json.AsSpan(raw.StoredStart, raw.StoredLength)) : raw.StoredLength < 0;
            if (same && !raw.StoredDuplicate) continue;
            var start = Append(ref bytes, ref used, row).Start;
            writes[writeCount++] = new Write(raw.Id, start, changed ? row.Length : -1);
        }
        return new CleansedPage(page.Count, writes, writeCount, bytes);
    }

    /// <summary>Appends <paramref name="text"/> to a pooled buffer, moved to a bigger pooled array when full; returns where it went.</summary>
    private static (int Start, int Length) Append(ref byte[] buffer, ref int used, ReadOnlySpan<byte> text)
    {
        if (used + text.Length > buffer.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(buffer.Length * 2, used + text.Length));
            buffer.AsSpan(0, used).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = bigger;
        }
        text.CopyTo(buffer.AsSpan(used));
        used += text.Length;
        return (used - text.Length, text.Length);
    }
}
