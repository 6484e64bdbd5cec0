using System.Data.Common;
using GovDataConsole.Data;
using GovDataConsole.Features.Catalog;
using GovDataConsole.Quality;

namespace GovDataConsole.Features.Quality;

/// <summary>
/// Inserts a run's problems for one batch with one prepared statement, outside change tracking. Each rule's and column's
/// stored text (name, dimension, severity, item, sensitivity) is worked out once; parameters are set by position.
/// </summary>
public sealed class ProblemWriter : IAsyncDisposable
{
    private readonly DbCommand insert;
    private readonly DbParameter record, row, key, name, dimension, severity, item, itemName, itemSensitivity, value, message;
    private readonly (string Key, string Name, string Dimension, string Severity)[] rules;
    private readonly (string Code, string Name, string Sensitivity)[] columns;

    public ProblemWriter(DbConnection connection, DbTransaction? tx, CheckRun run, long? chunkId, int batchId, QualityPlan plan,
        IReadOnlyList<string> names, IReadOnlyList<SensitivityKind> sensitivity, DateTime foundUtc)
    {
        rules = [.. plan.Rules.Select(r => (r.Key, Truncate(r.DisplayName, 200), r.Dimension.ToString(), r.Severity.ToString()))];
        columns = [.. plan.Codes.Select((code, i) => (code, i < names.Count ? Truncate(names[i], 100) : "",
            (i < sensitivity.Count ? sensitivity[i] : SensitivityKind.None).ToString()))];
        insert = BulkCommand.Create(connection, tx,
            "INSERT INTO Problems (RunId, ChunkId, DataResourceId, DepartmentId, BatchId, RecordId, RowNumber, RuleKey, RuleName, Dimension, Severity, " +
            "ItemCode, ItemName, Sensitivity, Value, Message, Status, FoundUtc) VALUES (@run, @chunk, @res, @dept, @batch, @rec, @row, @key, @name, @dim, @sev, " +
            "@item, @itemName, @sens, @value, @msg, @status, @found)",
            "@run", "@chunk", "@res", "@dept", "@batch", "@rec", "@row", "@key", "@name", "@dim", "@sev", "@item", "@itemName", "@sens", "@value", "@msg", "@status", "@found");
        var p = insert.Parameters;
        Set(p[0], run.Id);
        Set(p[1], chunkId);
        Set(p[2], run.DataResourceId);
        Set(p[3], run.DepartmentId);
        Set(p[4], batchId);
        (record, row, key, name, dimension, severity, item, itemName, itemSensitivity, value, message) = (p[5], p[6], p[7], p[8], p[9], p[10], p[11], p[12], p[13], p[14], p[15]);
        Set(p[16], nameof(ProblemStatus.Open));
        Set(p[17], foundUtc);
    }

    public DbTransaction? Transaction { set => insert.Transaction = value; }

    /// <summary>A row-level problem; <paramref name="field"/> indexes the plan's columns (-1: no field).</summary>
    public Task AddAsync(long? recordId, int? rowNumber, int rule, int field, string? value, string message, CancellationToken ct)
    {
        var r = rules[rule];
        Set(record, recordId);
        Set(row, rowNumber);
        (key.Value, name.Value, dimension.Value, severity.Value) = (r.Key, r.Name, r.Dimension, r.Severity);
        var column = field < 0 ? default : columns[field];
        Set(item, column.Code);
        Set(itemName, column.Name);
        itemSensitivity.Value = column.Sensitivity ?? nameof(SensitivityKind.None);
        Set(this.value, value is null ? null : Truncate(value, 500));
        this.message.Value = Truncate(message, 500);
        return insert.ExecuteNonQueryAsync(ct);
    }

    private static void Set(DbParameter parameter, object? value) => parameter.Value = value ?? DBNull.Value;

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    public ValueTask DisposeAsync() => insert.DisposeAsync();
}
