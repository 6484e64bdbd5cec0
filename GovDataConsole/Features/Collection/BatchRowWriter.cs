using System.Data;
using System.Data.Common;
using GovDataConsole.Data;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;

namespace GovDataConsole.Features.Collection;

/// <summary>
/// Writes a batch's records and row errors in bulk, bypassing change tracking: prepared inserts in large transactions on
/// SQLite, SqlBulkCopy on SQL Server. Rows stay invisible until the batch is marked imported.
/// </summary>
public sealed class BatchRowWriter : IAsyncDisposable
{
    private const int ChunkSize = 20_000;

    private readonly AppDbContext db;
    private readonly int batchId;
    private readonly List<(int Row, string Json)> records = new(ChunkSize);
    private readonly List<(int Row, int Column, string Item, string? Value, string Message)> errors = [];

    private BatchRowWriter(AppDbContext db, int batchId) => (this.db, this.batchId) = (db, batchId);

    /// <summary>Opens a writer after deleting whatever an earlier, interrupted run of the same batch left behind.</summary>
    public static async Task<BatchRowWriter> OpenAsync(AppDbContext db, int batchId, CancellationToken ct)
    {
        await db.BatchRecords.Where(r => r.BatchId == batchId).ExecuteDeleteAsync(ct);
        await db.BatchRowErrors.Where(e => e.BatchId == batchId).ExecuteDeleteAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        return new BatchRowWriter(db, batchId);
    }

    public async ValueTask AddRecordAsync(int row, string valuesJson, CancellationToken ct)
    {
        records.Add((row, valuesJson));
        if (records.Count >= ChunkSize) await FlushAsync(ct);
    }

    public async ValueTask AddErrorAsync(int row, int column, string item, string? value, string message, CancellationToken ct)
    {
        errors.Add((row, column, item, value is { Length: > 4000 } ? value[..4000] : value, message));
        if (errors.Count >= ChunkSize) await FlushAsync(ct);
    }

    public async Task FlushAsync(CancellationToken ct)
    {
        if (records.Count == 0 && errors.Count == 0) return;
        if (db.Database.IsSqlServer()) await BulkCopyAsync(ct);
        else await InsertAsync(ct);
        records.Clear();
        errors.Clear();
    }

    private async Task InsertAsync(CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (records.Count > 0)
        {
            await using var insert = Command(connection, tx, "INSERT INTO BatchRecords (BatchId, RowNumber, ValuesJson) VALUES (@b, @r, @v)", "@b", "@r", "@v");
            foreach (var (row, json) in records)
            {
                insert.Parameters[1].Value = row;
                insert.Parameters[2].Value = json;
                await insert.ExecuteNonQueryAsync(ct);
            }
        }
        if (errors.Count > 0)
        {
            await using var insert = Command(connection, tx,
                "INSERT INTO BatchRowErrors (BatchId, RowNumber, ColumnNumber, ItemCode, Value, Message) VALUES (@b, @r, @c, @i, @v, @m)",
                "@b", "@r", "@c", "@i", "@v", "@m");
            foreach (var (row, column, item, value, message) in errors)
            {
                insert.Parameters[1].Value = row;
                insert.Parameters[2].Value = column;
                insert.Parameters[3].Value = item;
                insert.Parameters[4].Value = (object?)value ?? DBNull.Value;
                insert.Parameters[5].Value = message;
                await insert.ExecuteNonQueryAsync(ct);
            }
        }
        await tx.CommitAsync(ct);
    }

    private DbCommand Command(DbConnection connection, DbTransaction tx, string sql, params string[] names)
    {
        var command = BulkCommand.Create(connection, tx, sql, names);
        command.Parameters[0].Value = batchId;
        command.Prepare();
        return command;
    }

    private async Task BulkCopyAsync(CancellationToken ct)
    {
        var connection = (SqlConnection)db.Database.GetDbConnection();
        if (records.Count > 0)
        {
            using var table = new DataTable();
            table.Columns.Add("BatchId", typeof(int));
            table.Columns.Add("RowNumber", typeof(int));
            table.Columns.Add("ValuesJson", typeof(string));
            foreach (var (row, json) in records) table.Rows.Add(batchId, row, json);
            await CopyAsync(connection, "BatchRecords", table, ct);
        }
        if (errors.Count > 0)
        {
            using var table = new DataTable();
            table.Columns.Add("BatchId", typeof(int));
            table.Columns.Add("RowNumber", typeof(int));
            table.Columns.Add("ColumnNumber", typeof(int));
            table.Columns.Add("ItemCode", typeof(string));
            table.Columns.Add("Value", typeof(string));
            table.Columns.Add("Message", typeof(string));
            foreach (var (row, column, item, value, message) in errors) table.Rows.Add(batchId, row, column, item, value, message);
            await CopyAsync(connection, "BatchRowErrors", table, ct);
        }
    }

    private static async Task CopyAsync(SqlConnection connection, string destination, DataTable table, CancellationToken ct)
    {
        using var copy = new SqlBulkCopy(connection) { DestinationTableName = destination, BatchSize = ChunkSize };
        foreach (DataColumn column in table.Columns) copy.ColumnMappings.Add(column.ColumnName, column.ColumnName);
        await copy.WriteToServerAsync(table, ct);
    }

    public async ValueTask DisposeAsync() => await db.Database.CloseConnectionAsync();
}
