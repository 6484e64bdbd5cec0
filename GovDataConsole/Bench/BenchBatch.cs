using System.Text.Json;
using GovDataConsole.Data;
using GovDataConsole.Features.Catalog;
using GovDataConsole.Features.Collection;
using Microsoft.EntityFrameworkCore;

namespace GovDataConsole.Bench;

/// <summary>Bench data written straight to the database: a batch of records (JSON as the import job writes it) in one transaction.</summary>
public static class BenchBatch
{
    /// <summary>Adds a batch of <paramref name="rows"/> to <paramref name="resource"/> and leaves it in <paramref name="status"/>; returns its id.</summary>
    public static async Task<int> InsertAsync(AppDbContext db, DataResource resource, int seed, IEnumerable<string[]> rows, BatchStatus status, CancellationToken ct)
    {
        var batch = new DataBatch(resource, null, $"2026-{seed:D2}", $"bench-{seed}.csv", "bench", "", 0, BatchFormat.Csv, null, "bench", DateTime.UtcNow);
        db.DataBatches.Add(batch);
        await db.SaveChangesAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        var count = 0;
        await using (var tx = await connection.BeginTransactionAsync(ct))
        await using (var insert = BulkCommand.Create(connection, tx, "INSERT INTO BatchRecords (BatchId, RowNumber, ValuesJson) VALUES (@b, @r, @v)", "@b", "@r", "@v"))
        {
            insert.Parameters[0].Value = batch.Id;
            foreach (var values in rows)
            {
                insert.Parameters[1].Value = ++count + 1;
                insert.Parameters[2].Value = JsonSerializer.Serialize(values);
                await insert.ExecuteNonQueryAsync(ct);
            }
            await tx.CommitAsync(ct);
        }
        await db.DataBatches.Where(b => b.Id == batch.Id).ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, status)
            .SetProperty(b => b.RowsRead, count).SetProperty(b => b.RowsAccepted, count).SetProperty(b => b.FinishedUtc, DateTime.UtcNow), ct);
        return batch.Id;
    }
}
