using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace GovDataConsole.Data;

/// <summary>
/// Relaxes SQLite's synchronous level for a bulk write. In WAL mode synchronous=NORMAL is safe against corruption and only
/// risks the last commits on power loss; restoring the old level before the final commit makes that commit, and every
/// earlier one in the WAL with it, durable again.
/// </summary>
public static class SqliteSync
{
    /// <summary>Sets synchronous=NORMAL on a WAL SQLite connection above it; returns the level to restore, or null when nothing changed.</summary>
    public static async Task<long?> RelaxAsync(DbConnection connection, CancellationToken ct)
    {
        if (connection is not SqliteConnection) return null;
        if (!string.Equals((await ScalarAsync(connection, "PRAGMA journal_mode;", ct))?.ToString(), "wal", StringComparison.OrdinalIgnoreCase)) return null;
        var level = Convert.ToInt64(await ScalarAsync(connection, "PRAGMA synchronous;", ct), System.Globalization.CultureInfo.InvariantCulture);
        if (level <= 1) return null;
        await ScalarAsync(connection, "PRAGMA synchronous=NORMAL;", ct);
        return level;
    }

    public static Task RestoreAsync(DbConnection connection, long level) => ScalarAsync(connection, $"PRAGMA synchronous={level};", CancellationToken.None);

    /// <summary>Runs one statement on the connection (PRAGMAs take no parameters) and returns its first value.</summary>
    internal static async Task<object?> ScalarAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(ct);
    }
}
