using System.Data.Common;
using GovDataConsole.Data;
using GovDataConsole.Features.Catalog;
using GovDataConsole.Quality;

namespace GovDataConsole.Features.Quality;

/// <summary>Inserts a run's problems for one batch with one prepared statement, outside change tracking.</summary>
public sealed class ProblemWriter : IAsyncDisposable
{
    private readonly DbCommand insert;
    private readonly IReadOnlyList<QualityRule> rules;
    private readonly IReadOnlyList<string> codes;
    private readonly IReadOnlyList<string> names;
    private readonly IReadOnlyList<SensitivityKind> sensitivity;

    public ProblemWriter(DbConnection connection, DbTransaction? tx, CheckRun run, long? chunkId, int batchId, QualityPlan plan,
        IReadOnlyList<string> names, IReadOnlyList<SensitivityKind> sensitivity, DateTime foundUtc)
    {
        (rules, codes, this.names, this.sensitivity) = (plan.Rules, plan.Codes, names, sensitivity);
        insert = BulkCommand.Create(connection, tx,
            "INSERT INTO Problems (RunId, ChunkId, DataResourceId, DepartmentId, BatchId, RecordId, RowNumber, RuleKey, RuleName, Dimension, Severity, " +
            "ItemCode, ItemName, Sensitivity, Value, Message, Status, FoundUtc) VALUES (@run, @chunk, @res, @dept, @batch, @rec, @row, @key, @name, @dim, @sev, " +
            "@item, @itemName, @sens, @value, @msg, @status, @found)",
            "@run", "@chunk", "@res", "@dept", "@batch", "@rec", "@row", "@key", "@name", "@dim", "@sev", "@item", "@itemName", "@sens", "@value", "@msg", "@status", "@found");
        Set("@run", run.Id);
        Set("@chunk", chunkId);
        Set("@res", run.DataResourceId);
        Set("@dept", run.DepartmentId);
        Set("@batch", batchId);
        Set("@status", nameof(ProblemStatus.Open));
        Set("@found", foundUtc);
    }

    public DbTransaction? Transaction { set => insert.Transaction = value; }

    /// <summary>A row-level problem; <paramref name="field"/> indexes the plan's columns (-1: no field).</summary>
    public Task AddAsync(long? recordId, int? rowNumber, int rule, int field, string? value, string message, CancellationToken ct)
    {
        var r = rules[rule];
        Set("@rec", recordId);
        Set("@row", rowNumber);
        Set("@key", r.Key);
        Set("@name", Truncate(r.DisplayName, 200));
        Set("@dim", r.Dimension.ToString());
        Set("@sev", r.Severity.ToString());
        Set("@item", field < 0 ? null : codes[field]);
        Set("@itemName", field < 0 ? null : Truncate(names[field], 100));
        Set("@sens", (field < 0 || field >= sensitivity.Count ? SensitivityKind.None : sensitivity[field]).ToString());
        Set("@value", value is null ? null : Truncate(value, 500));
        Set("@msg", Truncate(message, 500));
        return insert.ExecuteNonQueryAsync(ct);
    }

    private void Set(string name, object? value) => insert.Parameters[name].Value = value ?? DBNull.Value;

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    public ValueTask DisposeAsync() => insert.DisposeAsync();
}
