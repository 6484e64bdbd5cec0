using GovDataConsole.Features.Quality;
using GovDataConsole.Tests.Collection;
using GovDataConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GovDataConsole.Tests.Cleansing.CleansingKit;
using static GovDataConsole.Tests.Quality.Runs.RunKit;

namespace GovDataConsole.Tests.Quality.Runs;

/// <summary>The app with Quality:ChunkRows = 2, so the six-row messy batch is split into chunks (rows 2 | 3–4 | 5–6 | 7).</summary>
public sealed class ChunkedAppFixture() : IAsyncDisposable
{
    public CollectionAppFactory App { get; } = new(new Dictionary<string, string> { ["Quality:ChunkRows"] = "2" });

    public ValueTask DisposeAsync() => App.DisposeAsync();
}

public sealed class ChunkedRunTests(ChunkedAppFixture fixture) : IClassFixture<ChunkedAppFixture>
{
    private IServiceProvider Services => fixture.App.Services;

    [Fact]
    public async Task A_run_split_into_two_row_chunks_finds_exactly_what_a_single_chunk_run_finds()
    {
        var options = Services.GetRequiredService<QualityOptions>();
        Assert.Equal(2, options.ChunkRows);
        var (resource, batch) = await CleansedBatchAsync(Services);

        var chunked = await RunAsync(Services, resource, batch);
        options.ChunkRows = 250_000;
        int single;
        try
        {
            single = await RunAsync(Services, resource, batch);
        }
        finally
        {
            options.ChunkRows = 2;
        }

        await using var db = ActAs.Db(Services);
        Assert.Equal([(0, 2), (2, 4), (4, 6), (6, 7)], await db.CheckRunChunks.Where(c => c.RunId == chunked).OrderBy(c => c.FromRow)
            .Select(c => new ValueTuple<int, int>(c.FromRow, c.ToRow)).ToListAsync(Ct));
        Assert.Equal(1, await db.CheckRunChunks.CountAsync(c => c.RunId == single, Ct));
        var (a, b) = (await AsAsync(Services, "steward", s => s.GetAsync(chunked, Ct)), await AsAsync(Services, "steward", s => s.GetAsync(single, Ct)));
        Assert.Equal(Outcomes, a.Rules.Select(r => (r.RuleKey, r.Checked, r.Failed, r.FailureRate, r.Passed)));
        Assert.Equal(a.Rules, b.Rules);
        Assert.Equal((6L, 13L, Score), (a.Run.RowsChecked, a.Run.ProblemCount, a.Run.Score));
        Assert.Equal((a.Run.RowsChecked, a.Run.ProblemCount, a.Run.Score), (b.Run.RowsChecked, b.Run.ProblemCount, b.Run.Score));
        Assert.Equal(a.Dimensions, b.Dimensions);
        var problems = await ProblemsAsync(Services, chunked);
        Assert.Equal(Problems, problems.Select(p => (p.Row!.Value, p.Rule)));
        Assert.Equal(problems, await ProblemsAsync(Services, single));

        // Matched record by record, the two runs differ in nothing.
        var comparison = await AsAsync(Services, "steward", s => s.CompareAsync(chunked, single, Ct));
        Assert.Equal((0, 0, 13, 0m), (comparison.New, comparison.Fixed, comparison.Remaining, comparison.FixRate));
    }

    [Fact]
    public async Task Cancelling_a_run_lets_go_of_the_uniqueness_keys_its_done_chunks_hold()
    {
        var (resource, batch) = await CleansedBatchAsync(Services);
        var run = await QueueAsync(Services, resource, batch);
        var job = Services.GetRequiredService<QualityCheckJob>();
        var held = Services.GetRequiredService<HeldChunkKeys>();
        await job.StartAsync(run, Ct);
        await using var db = ActAs.Db(Services);
        var chunks = await db.CheckRunChunks.Where(c => c.RunId == run).OrderBy(c => c.FromRow).Select(c => c.Id).ToListAsync(Ct);
        foreach (var chunk in chunks[..3]) await job.RunChunkAsync(chunk, Ct);
        Assert.NotNull(held.Take(chunks[2]));

        await AsAsync(Services, "steward", s => s.CancelAsync(run, Ct));

        Assert.Null(held.Take(chunks[0]));
        Assert.Null(held.Take(chunks[1]));
        // A chunk taken after the cancel stops before checking and holds nothing.
        await job.RunChunkAsync(chunks[3], Ct);
        Assert.Null(held.Take(chunks[3]));
    }
}
