using Microsoft.EntityFrameworkCore;

namespace GovDataConsole.Data;

/// <summary>
/// SQLite settings for a bulk writer on a context's connection, put back on dispose, before the pooled connection serves
/// anyone else. No-op on other providers.
/// <list type="bullet">
/// <item>Statement journals in memory. Inside a transaction SQLite copies every page a multi-row INSERT touches to a
/// statement journal (so it can undo that one statement); in the default temp file that was most of a check run's write
/// system calls (540 MB written for 125,000 problems, 111 MB without). A journal lives for one statement, so memory stays
/// bounded by the pages one batch of rows touches.</item>
/// <item>synchronous=NORMAL (<see cref="SqliteSync"/>): the writer's many short transactions skip their WAL fsync; the
/// caller's next commit after dispose runs at the old level and makes them durable with it.</item>
/// </list>
/// </summary>
public sealed class SqliteBulkWrite : IAsyncDisposable
{
    private readonly AppDbContext? db;
    private readonly long? synchronous;

    private SqliteBulkWrite(AppDbContext? db, long? synchronous) => (this.db, this.synchronous) = (db, synchronous);

    /// <summary>Opens the context's connection (it stays open until the context is disposed) and applies the settings.</summary>
    public static async Task<SqliteBulkWrite> StartAsync(AppDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite()) return new SqliteBulkWrite(null, null);
        await db.Database.OpenConnectionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA temp_store = MEMORY", ct);
        return new SqliteBulkWrite(db, await SqliteSync.RelaxAsync(db.Database.GetDbConnection(), ct));
    }

    public async ValueTask DisposeAsync()
    {
        if (db is null) return;
        await db.Database.ExecuteSqlRawAsync("PRAGMA temp_store = DEFAULT");
        if (synchronous is long level) await SqliteSync.RestoreAsync(db.Database.GetDbConnection(), level);
    }
}
