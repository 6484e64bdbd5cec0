using GovDataConsole.Data;
using GovDataConsole.Features.Catalog;
using GovDataConsole.Features.Quality;
using GovDataConsole.Quality;
using GovDataConsole.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace GovDataConsole.Tests.Quality.Runs;

/// <summary>
/// The problem writer on the demo's SQLite file: SQLite's own statements (bound by position) and the provider commands
/// used on SQL Server store the same rows, full statements and the buffered rest alike; and the bulk write settings
/// (statement journal, page cache, synchronous) are put back before the connection goes back to the pool.
/// </summary>
public sealed class ProblemWriterTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    /// <summary>Both inserts, <paramref name="count"/> problems each under their own chunk id; the rows each stored, in id order.</summary>
    private async Task<(List<Problem> Raw, List<Problem> Provider)> WriteBothAsync(int count)
    {
        var (resource, batchId) = await RunKit.CleansedBatchAsync(app.Services);
        var runId = await RunKit.RunAsync(app.Services, resource, batchId);
        await using var db = ActAs.Db(app.Services);
        var run = await db.CheckRuns.AsNoTracking().SingleAsync(r => r.Id == runId, Ct);
        var batch = await db.DataBatches.AsNoTracking().SingleAsync(b => b.Id == batchId, Ct);
        var plan = await QualityRules.PlanForBatchAsync(db, batch, QualityRule.ListFromJson(run.RulesJson), Ct);
        var names = plan.Codes.Select((c, i) => i == 0 ? "" : $"项{c}").ToList();
        var sensitivity = plan.Codes.Select((_, i) => i == 0 ? SensitivityKind.ResidentId : SensitivityKind.None).ToList();
        var found = new DateTime(2026, 11, 27, 3, 4, 5, 678, DateTimeKind.Utc).AddTicks(9);
        var chunks = (Raw: -9_000L - count, Provider: -8_000L - count);
        await db.Database.OpenConnectionAsync(Ct);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await using (var tx = await db.Database.BeginTransactionAsync(Ct))
        {
            await using (var raw = new ProblemWriter(connection, tx.GetDbTransaction(), run, chunks.Raw, batch.Id, plan, names, sensitivity, found))
                await WriteAsync(raw.AddAsync, raw.FlushAsync);
            await using (var provider = new AdoProblemInsert(connection, tx.GetDbTransaction(), ProblemWriter.Constants(run, chunks.Provider, batch.Id, found),
                ProblemWriter.Texts(plan, names, sensitivity)))
            {
                var rows = Enumerable.Range(0, count).Select(Row).ToArray();
                foreach (var part in rows.Chunk(ProblemWriter.RowsPerInsert)) await provider.InsertAsync(part, Ct);
            }
            await tx.CommitAsync(Ct);
        }
        var stored = await db.Problems.AsNoTracking().Where(p => p.ChunkId == chunks.Raw || p.ChunkId == chunks.Provider).OrderBy(p => p.Id).ToListAsync(Ct);
        Assert.All(stored, p => Assert.Equal(found, p.FoundUtc));
        return (stored.Where(p => p.ChunkId == chunks.Raw).ToList(), stored.Where(p => p.ChunkId == chunks.Provider).ToList());

        PendingProblem Row(int i) => new(i % 7 == 0 ? null : 1_000 + i, i % 7 == 0 ? null : i + 2, i % plan.Rules.Count, i % 5 == 0 ? -1 : i % plan.Width,
            i % 3 == 0 ? null : i % 3 == 1 ? "" : $"值{i}'); DROP TABLE Problems; --", $"第 {i} 个问题");

        async Task WriteAsync(Func<long?, int?, int, int, string?, string, CancellationToken, Task> add, Func<CancellationToken, Task> flush)
        {
            for (var i = 0; i < count; i++)
            {
                var p = Row(i);
                await add(p.RecordId, p.RowNumber, p.Rule, p.Field, p.Value, p.Message, Ct);
            }
            await flush(Ct);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(ProblemWriter.RowsPerInsert)]
    [InlineData(2 * ProblemWriter.RowsPerInsert + 17)]
    public async Task Sqlite_statements_and_provider_commands_store_the_same_rows(int count)
    {
        var (raw, provider) = await WriteBothAsync(count);

        Assert.Equal(count, raw.Count);
        Assert.Equal(Shape(provider), Shape(raw));
        Assert.Equal(Enumerable.Range(0, count).Select(i => $"第 {i} 个问题"), raw.Select(p => p.Message));
        // Null and empty stay apart; values are stored as given, never read as SQL.
        Assert.Equal(Enumerable.Range(0, count).Select(i => i % 3 == 0 ? null : i % 3 == 1 ? "" : $"值{i}'); DROP TABLE Problems; --"), raw.Select(p => p.Value));
        Assert.All(raw.Where((_, i) => i % 5 == 0), p => Assert.Equal((null, null, SensitivityKind.None), (p.ItemCode, p.ItemName, p.Sensitivity)));
        // The first column's name is empty (stored as "", not NULL); row 0 has no column, the larger cases reach it.
        if (count > 1) Assert.Contains(raw, p => p.ItemCode is not null && p.ItemName == "");
        Assert.All(raw, p => Assert.Equal(ProblemStatus.Open, p.Status));
    }

    private static List<string> Shape(List<Problem> rows) =>
        [.. rows.Select(p => string.Join("|", p.RunId, p.DataResourceId, p.DepartmentId, p.BatchId, p.RecordId, p.RowNumber, p.RuleKey, p.RuleName,
            p.Dimension, p.Severity, p.ItemCode ?? "<null>", p.ItemName ?? "<null>", p.Sensitivity, p.Value ?? "<null>", p.Message, p.Status, p.FoundUtc.Ticks))];

    [Fact]
    public async Task Bulk_write_settings_hold_only_while_the_writer_holds_the_connection()
    {
        await using var db = ActAs.Db(app.Services);
        await db.Database.OpenConnectionAsync(Ct);
        var before = (await PragmaAsync(db, "temp_store"), await PragmaAsync(db, "synchronous"), await PragmaAsync(db, "cache_size"));

        await using (await SqliteBulkWrite.StartAsync(db, Ct))
            Assert.Equal((2L, 1L, -(long)SqliteBulkWrite.CacheKib),
                (await PragmaAsync(db, "temp_store"), await PragmaAsync(db, "synchronous"), await PragmaAsync(db, "cache_size")));

        Assert.Equal((0L, 2L, -2000L), before);
        Assert.Equal(before, (await PragmaAsync(db, "temp_store"), await PragmaAsync(db, "synchronous"), await PragmaAsync(db, "cache_size")));
    }

    private static async Task<long> PragmaAsync(AppDbContext db, string name)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }
}
