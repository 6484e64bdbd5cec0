using System.Data;
using System.Data.Common;
using System.Text;
using GovDataConsole.Data;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SQLitePCL;

namespace GovDataConsole.Features.Collection;

/// <summary>
/// Writes a batch's records and row errors in bulk, bypassing change tracking: on SQLite one statement prepared once and
/// reused across chunks, fed UTF-8 straight from a reused buffer, in one transaction per chunk; SqlBulkCopy on SQL Server.
/// Rows stay invisible until the batch is marked imported.
/// </summary>
public sealed class BatchRowWriter : IAsyncDisposable
{
    private const int ChunkSize = 20_000;
    private const int ChunkBytes = 8 << 20;

    private readonly AppDbContext db;
    private readonly int batchId;
    private readonly bool sqlServer;
    // Records of the current chunk: their UTF-8 JSON back to back in one buffer reused across chunks (no string per row).
    private readonly List<(int Row, int Start, int Length)> records = new(ChunkSize);
    private byte[] recordBytes = new byte[64 * 1024];
    private int recordLength;
    private readonly List<(int Row, int Column, string Item, string? Value, string Message)> errors = [];
    private sqlite3_stmt? insertRecord;
    private DbCommand? insertError;
    private long? restoreSynchronous;

    private BatchRowWriter(AppDbContext db, int batchId) => (this.db, this.batchId, sqlServer) = (db, batchId, db.Database.IsSqlServer());

    /// <summary>Opens a writer after deleting whatever an earlier, interrupted run of the same batch left behind.</summary>
    public static async Task<BatchRowWriter> OpenAsync(AppDbContext db, int batchId, CancellationToken ct)
    {
        await db.BatchRecords.Where(r => r.BatchId == batchId).ExecuteDeleteAsync(ct);
        await db.BatchRowErrors.Where(e => e.BatchId == batchId).ExecuteDeleteAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        var writer = new BatchRowWriter(db, batchId);
        // The chunks are invisible until the batch's final commit, which runs after DisposeAsync restores the old level.
        writer.restoreSynchronous = await SqliteSync.RelaxAsync(db.Database.GetDbConnection(), ct);
        return writer;
    }

    public ValueTask AddRecordAsync(int row, string valuesJson, CancellationToken ct)
    {
        var length = Encoding.UTF8.GetByteCount(valuesJson);
        Reserve(length);
        Encoding.UTF8.GetBytes(valuesJson, recordBytes.AsSpan(recordLength));
        return Added(row, length, ct);
    }

    /// <summary>Adds an accepted row given as UTF-8 JSON; the bytes are copied before this returns, so the caller may reuse its buffer.</summary>
    public ValueTask AddRecordUtf8Async(int row, ReadOnlySpan<byte> valuesJson, CancellationToken ct)
    {
        Reserve(valuesJson.Length);
        valuesJson.CopyTo(recordBytes.AsSpan(recordLength));
        return Added(row, valuesJson.Length, ct);
    }

    public async ValueTask AddErrorAsync(int row, int column, string item, string? value, string message, CancellationToken ct)
    {
        errors.Add((row, column, item, value is { Length: > 4000 } ? value[..4000] : value, message));
        if (errors.Count >= ChunkSize) await FlushAsync(ct);
    }

    public async Task FlushAsync(CancellationToken ct)
    {
        if (records.Count == 0 && errors.Count == 0) return;
        if (sqlServer) await BulkCopyAsync(ct);
        else await InsertAsync(ct);
        records.Clear();
        recordLength = 0;
        errors.Clear();
    }

    /// <summary>Grows the buffer by doubling up to a little past <see cref="ChunkBytes"/> (the chunk is written once it passes that), beyond only for a huge row.</summary>
    private void Reserve(int bytes)
    {
        if (recordLength + bytes > recordBytes.Length)
            Array.Resize(ref recordBytes, Math.Max(Math.Min(recordBytes.Length * 2, ChunkBytes + (64 << 10)), recordLength + bytes));
    }

    private ValueTask Added(int row, int length, CancellationToken ct)
    {
        records.Add((row, recordLength, length));
        recordLength += length;
        return records.Count >= ChunkSize || recordLength >= ChunkBytes ? new ValueTask(FlushAsync(ct)) : ValueTask.CompletedTask;
    }

    private async Task InsertAsync(CancellationToken ct)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        // BEGIN IMMEDIATE through the provider, which waits out a busy database; the raw statements then hold the write lock.
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (records.Count > 0) InsertRecords(connection.Handle!, ct);
        if (errors.Count > 0)
        {
            insertError ??= PrepareError(connection);
            insertError.Transaction = tx;
            foreach (var (row, column, item, value, message) in errors)
            {
                insertError.Parameters[1].Value = row;
                insertError.Parameters[2].Value = column;
                insertError.Parameters[3].Value = item;
                insertError.Parameters[4].Value = (object?)value ?? DBNull.Value;
                insertError.Parameters[5].Value = message;
                await insertError.ExecuteNonQueryAsync(ct);
            }
        }
        await tx.CommitAsync(ct);
    }

    private void InsertRecords(sqlite3 handle, CancellationToken ct)
    {
        if (insertRecord is null)
            Check(handle, raw.sqlite3_prepare_v2(handle, "INSERT INTO BatchRecords (BatchId, RowNumber, ValuesJson) VALUES (?1, ?2, ?3)", out insertRecord));
        var statement = insertRecord;
        try
        {
            Check(handle, raw.sqlite3_bind_int(statement, 1, batchId));
            foreach (var (row, start, length) in records)
            {
                if ((row & 0x3FF) == 0) ct.ThrowIfCancellationRequested();
                Check(handle, raw.sqlite3_bind_int(statement, 2, row));
                // An empty span would bind NULL; bind "" as text like the string path did.
                Check(handle, length == 0 ? raw.sqlite3_bind_text(statement, 3, string.Empty) : raw.sqlite3_bind_text(statement, 3, recordBytes.AsSpan(start, length)));
                var rc = raw.sqlite3_step(statement);
                if (rc != raw.SQLITE_DONE) Check(handle, rc);
                raw.sqlite3_reset(statement);
            }
        }
        finally
        {
            raw.sqlite3_reset(statement);
        }
    }

    private static void Check(sqlite3 handle, int rc)
    {
        if (rc != raw.SQLITE_OK && rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW)
            throw new SqliteException(raw.sqlite3_errmsg(handle).utf8_to_string(), rc, raw.sqlite3_extended_errcode(handle));
    }

    private DbCommand PrepareError(DbConnection connection)
    {
        var command = BulkCommand.Create(connection, null,
            "INSERT INTO BatchRowErrors (BatchId, RowNumber, ColumnNumber, ItemCode, Value, Message) VALUES (@b, @r, @c, @i, @v, @m)",
            "@b", "@r", "@c", "@i", "@v", "@m");
        command.Parameters[0].Value = batchId;
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
            foreach (var (row, start, length) in records) table.Rows.Add(batchId, row, Encoding.UTF8.GetString(recordBytes, start, length));
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

    public async ValueTask DisposeAsync()
    {
        insertRecord?.Dispose();
        insertRecord = null;
        if (insertError is not null) await insertError.DisposeAsync();
        if (restoreSynchronous is long level)
            await SqliteSync.RestoreAsync(db.Database.GetDbConnection(), level);
        await db.Database.CloseConnectionAsync();
    }
}
