using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using GovDataConsole.Data;
using GovDataConsole.Features.Cleansing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GovDataConsole.Features.Quality;

/// <summary>A record as checks see it: its current values (corrected, else cleansed, else raw), padded to the plan's width.</summary>
public readonly record struct CheckedRecord(long Id, int RowNumber, string[] Values);

/// <summary>
/// Reads a batch's kept records (not dropped by de-duplication) in row order, in pages, on its own connection: keyset on
/// RowNumber within (fromRow, toRow].
/// </summary>
public static class RecordPages
{
    /// <summary>
    /// 2,000 records: a page's arrays (48 KB) stay off the large object heap. Pages of 10,000 put two 240 KB arrays per page
    /// there, and the full collections those caused were about a third of a bare read (1,000,000 records: 1.30 → 0.81 s).
    /// </summary>
    public const int PageSize = 2_000;

    private const string Columns = "Id, RowNumber, COALESCE(CorrectedJson, CleansedJson, ValuesJson)";

    /// <param name="reads">The columns to decode (<see cref="RecordJson.Parse(ReadOnlySpan{byte}, int, bool[])"/>); null: all.</param>
    public static async IAsyncEnumerable<CheckedRecord[]> ReadAsync(AppDbContext db, int batchId, int fromRow, int toRow, int width,
        [EnumeratorCancellation] CancellationToken ct, bool[]? reads = null)
    {
        await db.Database.OpenConnectionAsync(ct);
        await using var query = db.Database.GetDbConnection().CreateCommand();
        query.CommandText = db.Database.IsSqlServer()
            ? $"SELECT TOP (@n) {Columns} FROM BatchRecords WHERE BatchId = @b AND RowNumber > @r AND RowNumber <= @to AND DuplicateOfRow IS NULL ORDER BY RowNumber"
            : $"SELECT {Columns} FROM BatchRecords WHERE BatchId = @b AND RowNumber > @r AND RowNumber <= @to AND DuplicateOfRow IS NULL ORDER BY RowNumber LIMIT @n";
        Add(query, "@n", PageSize);
        Add(query, "@b", batchId);
        var after = Add(query, "@r", fromRow);
        Add(query, "@to", toRow);
        while (true)
        {
            var rows = await ReadAllAsync(query, width, reads, ct);
            if (rows.Count == 0) yield break;
            yield return [.. rows];
            if (rows.Count < PageSize) yield break;
            after.Value = rows[^1].RowNumber;
        }
    }

    /// <summary>
    /// The batch's records at these row numbers (at most <see cref="PageSize"/>, as one JSON array parameter: as many named
    /// parameters would cost Microsoft.Data.Sqlite a lookup each that grows with their count).
    /// </summary>
    public static async Task<List<CheckedRecord>> ReadRowsAsync(AppDbContext db, int batchId, IReadOnlyCollection<int> rowNumbers, int width, bool[]? reads,
        CancellationToken ct)
    {
        if (rowNumbers.Count > PageSize) throw new ArgumentOutOfRangeException(nameof(rowNumbers), rowNumbers.Count, $"At most {PageSize} rows at a time.");
        await db.Database.OpenConnectionAsync(ct);
        await using var query = db.Database.GetDbConnection().CreateCommand();
        query.CommandText = $"SELECT {Columns} FROM BatchRecords WHERE BatchId = @b AND RowNumber IN "
            + (db.Database.IsSqlServer() ? "(SELECT value FROM OPENJSON(@rows) WITH (value int '$'))" : "(SELECT value FROM json_each(@rows))");
        Add(query, "@b", batchId);
        Add(query, "@rows", JsonSerializer.Serialize(rowNumbers));
        return await ReadAllAsync(query, width, reads, ct);
    }

    private static async Task<List<CheckedRecord>> ReadAllAsync(DbCommand query, int width, bool[]? reads, CancellationToken ct)
    {
        var rows = new List<CheckedRecord>(PageSize);
        await using var reader = await query.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            rows.Add(new CheckedRecord(reader.GetInt64(0), reader.GetInt32(1), RecordJson.Parse(Utf8(reader, 2), width, reads)));
        return rows;
    }

    /// <summary>The JSON as stored, in UTF-8: SQLite hands over its text bytes without a string in between.</summary>
    private static byte[] Utf8(DbDataReader reader, int ordinal) =>
        reader is SqliteDataReader ? reader.GetFieldValue<byte[]>(ordinal) : Encoding.UTF8.GetBytes(reader.GetString(ordinal));

    private static DbParameter Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
