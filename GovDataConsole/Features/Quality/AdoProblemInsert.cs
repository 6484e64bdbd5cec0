using System.Data.Common;
using GovDataConsole.Data;

namespace GovDataConsole.Features.Quality;

/// <summary><see cref="ProblemInsert"/> through the provider's commands with named parameters (SQL Server), a command per row count.</summary>
internal sealed class AdoProblemInsert(DbConnection connection, DbTransaction? tx, object?[] constants, ProblemTexts texts) : ProblemInsert
{
    private static readonly string[] Constants = ["@run", "@chunk", "@res", "@dept", "@batch", "@status", "@found"];
    private static readonly string[] RowNames = ["@rec", "@row", "@key", "@name", "@dim", "@sev", "@item", "@itemName", "@sens", "@value", "@msg"];

    private readonly Dictionary<int, DbCommand> commands = [];
    private DbTransaction? transaction = tx;

    public override DbTransaction? Transaction
    {
        set
        {
            transaction = value;
            foreach (var command in commands.Values) command.Transaction = value;
        }
    }

    public override async Task InsertAsync(ReadOnlyMemory<PendingProblem> rows, CancellationToken ct)
    {
        if (!commands.TryGetValue(rows.Length, out var command)) commands[rows.Length] = command = Create(rows.Length);
        var index = ConstantCount;
        for (var i = 0; i < rows.Length; i++)
        {
            var p = rows.Span[i];
            var (key, name, dimension, severity) = texts.Rules[p.Rule];
            var (code, itemName, sensitivity) = texts.Column(p.Field);
            foreach (var value in new object?[] { p.RecordId, p.RowNumber, key, name, dimension, severity, code, itemName, sensitivity, p.Value, p.Message })
                command.Parameters[index++].Value = value ?? DBNull.Value;
        }
        await command.ExecuteNonQueryAsync(ct);
    }

    private DbCommand Create(int rows)
    {
        var command = BulkCommand.Create(connection, transaction, Sql(rows, c => Constants[c], (row, p) => $"{RowNames[p]}{row}"),
            [.. Constants, .. Enumerable.Range(0, rows).SelectMany(row => RowNames.Select(n => $"{n}{row}"))]);
        for (var i = 0; i < constants.Length; i++) command.Parameters[i].Value = constants[i] ?? DBNull.Value;
        return command;
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var command in commands.Values) await command.DisposeAsync();
    }
}
