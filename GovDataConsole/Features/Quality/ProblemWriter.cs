using System.Data.Common;
using GovDataConsole.Features.Catalog;
using GovDataConsole.Quality;

namespace GovDataConsole.Features.Quality;

/// <summary>
/// Inserts a run's problems for one batch outside change tracking, <see cref="RowsPerInsert"/> rows to a statement (one
/// statement per row spent most of SQLite's time on per-statement work, an AUTOINCREMENT sequence update included). Each
/// rule's and column's stored text (name, dimension, severity, item, sensitivity) is worked out once. Rows are buffered:
/// call <see cref="FlushAsync"/> before committing.
/// </summary>
public sealed class ProblemWriter : IAsyncDisposable
{
    /// <summary>Rows per statement: 50 × 11 row parameters stays far below SQL Server's 2,100.</summary>
    public const int RowsPerInsert = 50;

    private readonly ProblemInsert insert;
    private readonly PendingProblem[] pending = new PendingProblem[RowsPerInsert];
    private int buffered;

    public ProblemWriter(DbConnection connection, DbTransaction? tx, CheckRun run, long? chunkId, int batchId, QualityPlan plan,
        IReadOnlyList<string> names, IReadOnlyList<SensitivityKind> sensitivity, DateTime foundUtc)
    {
        insert = ProblemInsert.For(connection, tx, Constants(run, chunkId, batchId, foundUtc), Texts(plan, names, sensitivity));
    }

    /// <summary>The values every row of the writer shares, in <see cref="ProblemInsert"/>'s constant order.</summary>
    internal static object?[] Constants(CheckRun run, long? chunkId, int batchId, DateTime foundUtc) =>
        [run.Id, chunkId, run.DataResourceId, run.DepartmentId, batchId, nameof(ProblemStatus.Open), foundUtc];

    /// <summary>Each rule's and column's stored text, cut to the columns' lengths.</summary>
    internal static ProblemTexts Texts(QualityPlan plan, IReadOnlyList<string> names, IReadOnlyList<SensitivityKind> sensitivity) => new(
        [.. plan.Rules.Select(r => (r.Key, Truncate(r.DisplayName, 200), r.Dimension.ToString(), r.Severity.ToString()))],
        [.. plan.Codes.Select((code, i) => ((string?)code, (string?)(i < names.Count ? Truncate(names[i], 100) : ""),
            (i < sensitivity.Count ? sensitivity[i] : SensitivityKind.None).ToString()))]);

    public DbTransaction? Transaction { set => insert.Transaction = value; }

    /// <summary>Adds a row-level problem; <paramref name="field"/> indexes the plan's columns (-1: no field).</summary>
    public async Task AddAsync(long? recordId, int? rowNumber, int rule, int field, string? value, string message, CancellationToken ct)
    {
        pending[buffered++] = new PendingProblem(recordId, rowNumber, rule, field, value is null ? null : Truncate(value, 500), Truncate(message, 500));
        if (buffered < RowsPerInsert) return;
        await insert.InsertAsync(pending, ct);
        buffered = 0;
    }

    /// <summary>Writes the rows still buffered, one statement each (a statement for every remainder size would be prepared anew for each write).</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        for (var i = 0; i < buffered; i++) await insert.InsertAsync(pending.AsMemory(i, 1), ct);
        buffered = 0;
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    public ValueTask DisposeAsync() => insert.DisposeAsync();
}
