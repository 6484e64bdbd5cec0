using GovDataConsole.Features.Cleansing;
using GovDataConsole.Features.Quality;
using GovDataConsole.Quality;
using GovDataConsole.Tests.Cleansing;
using GovDataConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GovDataConsole.Tests.Cleansing.CleansingKit;

namespace GovDataConsole.Tests.Quality.Integration;

/// <summary>A real check run over the cleansed messy batch: every problem, every rule outcome and the scores, computed by hand.</summary>
[Collection(CleansingAppCollection.Name)]
public sealed class CheckRunIntegrationTests(DemoAppFixture app)
{
    private static QualityRule Rule(string key, RuleTemplate template, string[] fields, RuleSeverity severity, decimal weight, decimal threshold) =>
        new(key, template, fields, new Dictionary<string, string>(), severity, weight, threshold);

    /// <summary>
    /// Cleansed rows 2–7 (no de-duplication): IDs …1237 (bad check), …221X (bad check), …1231, …1237 again, …1231 again, …1234 (bad check);
    /// 户籍地址 blank in rows 2, 3, 6, 7; every birth date 2026-01-05 against IDs born in 1980–1999; rows 3, 6 and 7 give a
    /// gender their ID's odd 17th digit contradicts (2, 2, 9).
    /// </summary>
    private static readonly QualityRule[] Rules =
    [
        Rule("R1", RuleTemplate.NotBlank, ["HJDZ"], RuleSeverity.Major, 1, 10),
        Rule("R2", RuleTemplate.ResidentId, ["SFZH"], RuleSeverity.Critical, 2, 0),
        Rule("R3", RuleTemplate.Unique, ["SFZH"], RuleSeverity.Critical, 1, 0),
        Rule("R4", RuleTemplate.BirthDateMatchesId, ["SFZH", "CSRQ"], RuleSeverity.Major, 1, 5),
        Rule("R5", RuleTemplate.GenderMatchesId, ["SFZH", "XB"], RuleSeverity.Minor, 1, 50),
    ];

    [Fact]
    public async Task A_run_finds_every_failing_row_scores_the_resource_and_a_re_run_replaces_its_results()
    {
        var (resource, batchId) = await CleansedBatchAsync();
        var runId = await RunAsync(resource, batchId);

        await using var db = ActAs.Db(app.Services);
        var problems = await ProblemsAsync(runId);
        Assert.Equal([(2, "R1"), (2, "R2"), (2, "R4"), (3, "R1"), (3, "R2"), (3, "R4"), (3, "R5"), (4, "R4"), (5, "R2"), (5, "R3"), (5, "R4"),
            (6, "R1"), (6, "R3"), (6, "R4"), (6, "R5"), (7, "R1"), (7, "R2"), (7, "R4"), (7, "R5")], problems.Select(p => (p.RowNumber!.Value, p.RuleKey)));
        var run = await db.CheckRuns.AsNoTracking().SingleAsync(r => r.Id == runId, Ct);
        Assert.Equal((CheckRunStatus.Completed, 6L, 19L, 36.11m), (run.Status, run.RowsChecked, run.ProblemCount, run.Score));
        var outcomes = await db.CheckRunRules.AsNoTracking().Where(r => r.RunId == runId).OrderBy(r => r.RuleKey)
            .Select(r => new { r.RuleKey, r.Failed, r.FailureRate, r.Passed }).ToListAsync(Ct);
        Assert.Equal([("R1", 4L, 66.6667m, false), ("R2", 4L, 66.6667m, false), ("R3", 2L, 33.3333m, false), ("R4", 6L, 100m, false), ("R5", 3L, 50m, true)],
            outcomes.Select(o => (o.RuleKey, o.Failed, o.FailureRate, o.Passed)));
        Assert.Equal("{\"Completeness\":33.33,\"Conformity\":33.33,\"Accuracy\":25,\"Uniqueness\":66.67}", run.DimensionScoresJson);

        var duplicate = problems.Single(p => p.RowNumber == 5 && p.RuleKey == "R3");
        Assert.Equal(("SFZH", "330102198001051237", "公民身份号码重复：与本批第 2 行相同"), (duplicate.ItemCode, duplicate.Value, duplicate.Message));
        Assert.Equal("性别与公民身份号码中的性别不一致", problems.Single(p => p.RowNumber == 6 && p.RuleKey == "R5").Message);
        Assert.Equal(runId, (await BatchAsync(app.Services, batchId)).CheckRunId);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<CheckRunQueue>().RequeueAsync(runId, Ct));
            await scope.ServiceProvider.GetRequiredService<QualityCheckJob>().RunInlineAsync(runId, 2, Ct);
        }
        Assert.Equal(problems.Select(p => (p.RowNumber, p.RuleKey, p.Message)), (await ProblemsAsync(runId)).Select(p => (p.RowNumber, p.RuleKey, p.Message)));
        Assert.Equal(5, await db.CheckRunRules.CountAsync(r => r.RunId == runId, Ct));
    }

    [Fact]
    public async Task An_exception_is_neither_counted_nor_reported_by_later_runs()
    {
        var (resource, batchId) = await CleansedBatchAsync();
        var first = await RunAsync(resource, batchId);
        await using (var db = ActAs.Db(app.Services))
        {
            var problem = await db.Problems.SingleAsync(p => p.RunId == first && p.RowNumber == 7 && p.RuleKey == "R5", Ct);
            db.QualityExceptions.Add(new QualityException(problem, "钱七性别未说明，经核实无误", "steward", DateTime.UtcNow));
            await db.SaveChangesAsync(Ct);
        }

        var second = await RunAsync(resource, batchId);

        var problems = await ProblemsAsync(second);
        Assert.DoesNotContain(problems, p => p.RowNumber == 7 && p.RuleKey == "R5");
        Assert.Equal(18, problems.Count);
        await using var check = ActAs.Db(app.Services);
        Assert.Equal(2, await check.CheckRunRules.Where(r => r.RunId == second && r.RuleKey == "R5").Select(r => r.Failed).SingleAsync(Ct));
        Assert.Equal(second, (await BatchAsync(app.Services, batchId)).CheckRunId);
    }

    private async Task<(int Resource, int Batch)> CleansedBatchAsync()
    {
        var resource = await PublishResourceAsync(app.Services);
        var batchId = await ImportAsync(app.Services, resource);
        await SaveAsync(app.Services, resource, MessyRules(), DedupMode.None);
        await CleanseAsync(app.Services, batchId);
        await using var db = ActAs.Db(app.Services);
        db.QualityRuleSets.Add(new QualityRuleSet(resource, 1, Rules, "steward", DateTime.UtcNow));
        await db.SaveChangesAsync(Ct);
        return (resource, batchId);
    }

    private async Task<int> RunAsync(int resource, int batchId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var runId = await scope.ServiceProvider.GetRequiredService<CheckRunQueue>().QueueAsync(resource, batchId, CheckTrigger.Manual, "steward", Ct);
        Assert.NotNull(runId);
        await scope.ServiceProvider.GetRequiredService<QualityCheckJob>().RunInlineAsync(runId.Value, 2, Ct);
        return runId.Value;
    }

    private async Task<List<Problem>> ProblemsAsync(int runId)
    {
        await using var db = ActAs.Db(app.Services);
        return await db.Problems.AsNoTracking().Where(p => p.RunId == runId).OrderBy(p => p.RowNumber).ThenBy(p => p.RuleKey).ToListAsync(Ct);
    }
}
