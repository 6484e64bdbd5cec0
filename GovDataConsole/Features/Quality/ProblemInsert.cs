using System.Data.Common;
using GovDataConsole.Features.Catalog;
using Microsoft.Data.Sqlite;

namespace GovDataConsole.Features.Quality;

/// <summary>A problem waiting in <see cref="ProblemWriter"/>'s buffer; rule and field index the writer's worked-out texts.</summary>
internal readonly record struct PendingProblem(long? RecordId, int? RowNumber, int Rule, int Field, string? Value, string Message);

/// <summary>The stored text of a rule and of a column (worked out once per writer).</summary>
internal sealed record ProblemTexts((string Key, string Name, string Dimension, string Severity)[] Rules, (string? Code, string? Name, string Sensitivity)[] Columns)
{
    /// <summary>A field's column, or no item for -1 (batch-level problems).</summary>
    public (string? Code, string? Name, string Sensitivity) Column(int field) => field < 0 ? (null, null, nameof(SensitivityKind.None)) : Columns[field];
}

/// <summary>
/// Multi-row INSERTs into Problems: the run's constants first (bound once per statement), then per row the record, rule and
/// column columns. <see cref="For"/> picks the raw statement on SQLite and a provider command elsewhere.
/// </summary>
internal abstract class ProblemInsert : IAsyncDisposable
{
    public const int ConstantCount = 7, RowParameterCount = 11;

    private const string Head = "INSERT INTO Problems (RunId, ChunkId, DataResourceId, DepartmentId, BatchId, Status, FoundUtc, " +
        "RecordId, RowNumber, RuleKey, RuleName, Dimension, Severity, ItemCode, ItemName, Sensitivity, Value, Message) VALUES ";

    public static ProblemInsert For(DbConnection connection, DbTransaction? tx, object?[] constants, ProblemTexts texts) =>
        connection is SqliteConnection sqlite ? new SqliteProblemInsert(sqlite, constants, texts) : new AdoProblemInsert(connection, tx, constants, texts);

    public abstract DbTransaction? Transaction { set; }

    public abstract Task InsertAsync(ReadOnlyMemory<PendingProblem> rows, CancellationToken ct);

    public abstract ValueTask DisposeAsync();

    /// <summary>The statement for <paramref name="rows"/> rows, given how to name a constant and a row's parameter.</summary>
    protected static string Sql(int rows, Func<int, string> constant, Func<int, int, string> parameter)
    {
        var constants = string.Join(", ", Enumerable.Range(0, ConstantCount).Select(constant));
        return Head + string.Join(", ", Enumerable.Range(0, rows).Select(row =>
            $"({constants}, {string.Join(", ", Enumerable.Range(0, RowParameterCount).Select(p => parameter(row, p)))})"));
    }
}
