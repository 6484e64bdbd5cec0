using System.Data.Common;

namespace GovDataConsole.Data;

/// <summary>
/// One prepared INSERT into a table, run row by row inside the caller's transaction (see <see cref="BulkCommand"/>). Values
/// are stored as EF stores them: enums by name, and on SQLite a Guid as upper-case text. Names are quoted (a column may be
/// a keyword, e.g. Trigger). With <c>explicitIds</c> the first column is the identity, written as given (SQL Server allows
/// that with IDENTITY_INSERT, which is on while this is open).
/// </summary>
public sealed class TableInsert : IAsyncDisposable
{
    private readonly DbCommand insert;
    private readonly DbConnection connection;
    private readonly DbTransaction tx;
    private readonly string? identityOff;
    private readonly bool sqlServer;

    private TableInsert(DbConnection connection, DbTransaction tx, bool sqlServer, string table, bool explicitIds, string[] columns)
    {
        (this.connection, this.tx, this.sqlServer) = (connection, tx, sqlServer);
        var names = columns.Select((_, i) => $"@p{i}").ToArray();
        insert = BulkCommand.Create(connection, tx,
            $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", names)})", names);
        if (sqlServer && explicitIds) identityOff = $"SET IDENTITY_INSERT \"{table}\" OFF";
    }

    public static async Task<TableInsert> OpenAsync(DbConnection connection, DbTransaction tx, bool sqlServer, string table, bool explicitIds,
        CancellationToken ct, params string[] columns)
    {
        var insert = new TableInsert(connection, tx, sqlServer, table, explicitIds, columns);
        if (insert.identityOff is not null) await insert.ExecuteAsync($"SET IDENTITY_INSERT \"{table}\" ON", ct);
        return insert;
    }

    public long Rows { get; private set; }

    /// <summary>Inserts one row: one value per column, in the column order given.</summary>
    public Task AddAsync(CancellationToken ct, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) insert.Parameters[i].Value = Stored(values[i]);
        Rows++;
        return insert.ExecuteNonQueryAsync(ct);
    }

    private object Stored(object? value) => value switch
    {
        null => DBNull.Value,
        Enum e => e.ToString(),
        Guid g when !sqlServer => g.ToString().ToUpperInvariant(),
        _ => value,
    };

    private async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var command = BulkCommand.Create(connection, tx, sql);
        await command.ExecuteNonQueryAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (identityOff is not null) await ExecuteAsync(identityOff, CancellationToken.None);
        await insert.DisposeAsync();
    }
}
