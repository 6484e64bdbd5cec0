using Microsoft.EntityFrameworkCore;

namespace GovDataConsole.Data;

/// <summary>
/// Keeps SQLite's statement journals in memory while a bulk writer uses the context's connection. Inside a transaction
/// SQLite copies every page a multi-row INSERT touches to a statement journal (so it can undo that one statement); in the
/// default temp file that was most of a check run's write system calls (540 MB written for 125,000 problems, 111 MB
/// without). A journal lives for one statement, so memory stays bounded by the pages one batch of rows touches. The
/// setting is put back on dispose, before the pooled connection serves anyone else. No-op on other providers.
/// </summary>
public sealed class SqliteStatementJournal : IAsyncDisposable
{
    private readonly AppDbContext? db;

    private SqliteStatementJournal(AppDbContext? db) => this.db = db;

    /// <summary>Opens the context's connection (it stays open until the context is disposed) and sets the journal in memory.</summary>
    public static async Task<SqliteStatementJournal> InMemoryAsync(AppDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite()) return new SqliteStatementJournal(null);
        await db.Database.OpenConnectionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA temp_store = MEMORY", ct);
        return new SqliteStatementJournal(db);
    }

    public async ValueTask DisposeAsync()
    {
        if (db is not null) await db.Database.ExecuteSqlRawAsync("PRAGMA temp_store = DEFAULT");
    }
}
