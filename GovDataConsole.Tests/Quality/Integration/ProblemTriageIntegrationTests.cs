using GovDataConsole.Features.Audit;
using GovDataConsole.Features.Quality;
using GovDataConsole.Features.Shared;
using GovDataConsole.Quality;
using GovDataConsole.Tests.Cleansing;
using GovDataConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static GovDataConsole.Tests.Quality.ProblemKit;

namespace GovDataConsole.Tests.Quality;

/// <summary>Triage: exceptions leave later runs and come back when revoked; hand-over into work orders; who may do it; bad input refused.</summary>
[Collection(ProblemAppCollection.Name)]
public sealed class ProblemTriageIntegrationTests(DemoAppFixture app)
{
    private async Task<ProblemRow> ProblemAsync(int resource, string rule, int row) =>
        (await ListAsync(app.Services, "steward", new ProblemQuery { ResourceId = resource, RuleKey = rule })).Items.Single(p => p.RowNumber == row);

    [Fact]
    public async Task An_exception_is_left_out_of_the_next_run_and_revoking_it_brings_the_problem_back()
    {
        var (resource, batch, first) = await CheckedBatchAsync(app.Services);
        var problem = await ProblemAsync(resource, Blank, 2);

        var result = await AsAsync(app.Services, "steward", s => s.MarkExceptionAsync([problem.Id], "  该户为集体户，地址另行登记 ", Ct));

        Assert.Equal(new TriageResult(1, 0, 0), result);
        Assert.Equal(ProblemStatus.Exception, (await ProblemAsync(resource, Blank, 2)).Status);
        var exception = (await AsAsync(app.Services, "gongan", s => s.ExceptionsAsync(new ExceptionQuery { ResourceId = resource, Active = true }, Ct))).Items.Single();
        Assert.Equal(("该户为集体户，地址另行登记", 2, Blank, "steward"), (exception.Reason, exception.RowNumber, exception.RuleKey, exception.CreatedBy));

        var second = await RunAsync(app.Services, resource, batch);
        Assert.Equal(Total - 1, (await CheckRunAsync(app.Services, second)).ProblemCount);
        Assert.Equal(Total - 1, (await ListAsync(app.Services, "steward", new ProblemQuery { ResourceId = resource })).TotalCount);
        Assert.DoesNotContain((await ListAsync(app.Services, "steward", new ProblemQuery { ResourceId = resource, RuleKey = Blank })).Items, p => p.RowNumber == 2);
        Assert.True((await CheckRunAsync(app.Services, second)).Score > (await CheckRunAsync(app.Services, first)).Score);

        await AsAsync(app.Services, "admin", async s => { await s.RevokeAsync(exception.Id, Ct); return 0; });
        var revoked = (await AsAsync(app.Services, "steward", s => s.ExceptionsAsync(new ExceptionQuery { ResourceId = resource, Active = false }, Ct))).Items.Single();
        Assert.Equal("admin", revoked.RevokedBy);
        Assert.Equal("该例外已撤销", await RefusalAsync(() => AsAsync(app.Services, "steward", async s => { await s.RevokeAsync(exception.Id, Ct); return 0; })));

        var third = await RunAsync(app.Services, resource, batch);
        Assert.Equal(Total, (await CheckRunAsync(app.Services, third)).ProblemCount);
        Assert.Equal(ProblemStatus.Open, (await ProblemAsync(resource, Blank, 2)).Status);
        await using var db = ActAs.Db(app.Services);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Category == AuditActions.QualityCategory && e.Action == AuditActions.ProblemsExcepted
            && e.UserName == "steward" && e.Detail!.Contains("该户为集体户"), Ct));
        var revokeDetail = $"例外 #{exception.Id}（";
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.ExceptionRevoked && e.UserName == "admin" && e.Detail!.StartsWith(revokeDetail), Ct));
    }

    [Fact]
    public async Task Revoking_before_the_next_run_opens_the_current_problem_again()
    {
        var (resource, _, _) = await CheckedBatchAsync(app.Services);
        var problem = await ProblemAsync(resource, Id, 8);
        await AsAsync(app.Services, "steward", s => s.MarkExceptionAsync([problem.Id], "测试号码", Ct));
        var exception = (await AsAsync(app.Services, "steward", s => s.ExceptionsAsync(new ExceptionQuery { ResourceId = resource }, Ct))).Items.Single();

        await AsAsync(app.Services, "steward", async s => { await s.RevokeAsync(exception.Id, Ct); return 0; });

        Assert.Equal(ProblemStatus.Open, (await ProblemAsync(resource, Id, 8)).Status);
    }

    [Fact]
    public async Task Hand_over_by_filter_puts_only_the_open_problems_of_the_filter_into_work_orders()
    {
        var (resource, _, _) = await CheckedBatchAsync(app.Services);
        await AsAsync(app.Services, "steward", async s => await s.MarkExceptionAsync([(await ProblemAsync(resource, Unique, 5)).Id], "同一人", Ct));

        var result = await AsAsync(app.Services, "steward", s => s.HandOverByFilterAsync(new ProblemQuery { ResourceId = resource, Dimension = QualityDimension.Uniqueness }, Ct));

        Assert.Equal(new TriageResult(1, 0, 0), result);
        var handedOver = await ProblemAsync(resource, Unique, 6);
        Assert.Equal(ProblemStatus.HandedOver, handedOver.Status);
        await using (var db = ActAs.Db(app.Services))
            Assert.True(await db.WorkOrderItems.AnyAsync(i => i.ProblemId == handedOver.Id, Ct));
        Assert.Equal(ProblemStatus.Exception, (await ProblemAsync(resource, Unique, 5)).Status);
        Assert.Equal(Total - 2, (await ListAsync(app.Services, "steward", new ProblemQuery { ResourceId = resource, Status = ProblemStatus.Open })).TotalCount);

        // Selected ids that are no longer open are skipped, not changed again.
        long[] ids = [(await ProblemAsync(resource, Unique, 6)).Id, (await ProblemAsync(resource, Blank, 3)).Id];
        var again = await AsAsync(app.Services, "steward", s => s.HandOverAsync(ids, Ct));
        Assert.Equal(new TriageResult(1, 1, 0), again);
        Assert.Equal("当前筛选下没有待处理的问题", await RefusalAsync(() =>
            AsAsync(app.Services, "steward", s => s.HandOverByFilterAsync(new ProblemQuery { ResourceId = resource, Dimension = QualityDimension.Uniqueness }, Ct))));
        Assert.Equal("只能处理“待处理”的问题，请把状态筛选设为待处理或清空", await RefusalAsync(() =>
            AsAsync(app.Services, "steward", s => s.HandOverByFilterAsync(new ProblemQuery { ResourceId = resource, Status = ProblemStatus.HandedOver }, Ct))));
    }

    [Fact]
    public async Task Triage_is_refused_to_staff_and_managers_and_changes_nothing()
    {
        var (resource, _, _) = await CheckedBatchAsync(app.Services);
        var problem = await ProblemAsync(resource, Blank, 3);

        foreach (var user in new[] { "gongan", "manager", "shichang" })
        {
            Assert.Equal("当前角色无权执行此操作", (await Assert.ThrowsAsync<AccessDeniedException>(() =>
                AsAsync(app.Services, user, s => s.MarkExceptionAsync([problem.Id], "理由", Ct)))).Message);
            await Assert.ThrowsAsync<AccessDeniedException>(() => AsAsync(app.Services, user, s => s.HandOverAsync([problem.Id], Ct)));
            await Assert.ThrowsAsync<AccessDeniedException>(() => AsAsync(app.Services, user, s => s.HandOverByFilterAsync(new ProblemQuery { ResourceId = resource }, Ct)));
        }
        Assert.Equal(ProblemStatus.Open, (await ProblemAsync(resource, Blank, 3)).Status);
        await using var db = ActAs.Db(app.Services);
        Assert.False(await db.QualityExceptions.AnyAsync(e => e.DataResourceId == resource, Ct));
    }

    [Fact]
    public async Task Bad_triage_input_is_refused_in_Chinese()
    {
        var (resource, _, _) = await CheckedBatchAsync(app.Services);
        var problem = await ProblemAsync(resource, Blank, 3);

        Assert.Equal("请填写例外理由", await RefusalAsync(() => AsAsync(app.Services, "steward", s => s.MarkExceptionAsync([problem.Id], "  ", Ct))));
        Assert.Equal("例外理由不能超过 500 个字", await RefusalAsync(() =>
            AsAsync(app.Services, "steward", s => s.MarkExceptionAsync([problem.Id], new string('长', 501), Ct))));
        Assert.Equal("请先选择问题", await RefusalAsync(() => AsAsync(app.Services, "steward", s => s.HandOverAsync([], Ct))));
        Assert.Equal("一次最多处理 10000 条问题，请缩小筛选范围", await RefusalAsync(() =>
            AsAsync(app.Services, "steward", s => s.HandOverAsync(Enumerable.Range(1, ProblemService.BulkCap + 1).Select(i => (long)i).ToList(), Ct))));
        Assert.Equal(ProblemStatus.Open, (await ProblemAsync(resource, Blank, 3)).Status);
    }

    [Fact]
    public async Task A_batch_level_problem_has_no_record_and_cannot_become_an_exception()
    {
        var rules = new[] { Rule(Blank, RuleTemplate.NotBlank, RuleSeverity.Critical, "HJDZ"), Rule("ROWS", RuleTemplate.RowCountChange, RuleSeverity.Minor) };
        var (resource, _, _) = await CheckedBatchAsync(app.Services, rules: rules);
        var small = await CleansingKit.ImportAsync(app.Services, resource, Csv([CleansingKit.Raw[3]]));
        await CleansingKit.CleanseAsync(app.Services, small);
        await RunAsync(app.Services, resource, null);
        var batchLevel = (await ListAsync(app.Services, "steward", new ProblemQuery { ResourceId = resource, RuleKey = "ROWS" })).Items.Single();
        Assert.Equal((small, null, null), (batchLevel.BatchId, batchLevel.RowNumber, batchLevel.RecordId));

        Assert.Equal("所选问题都是批次级问题，没有对应的记录，不能标记为例外", await RefusalAsync(() =>
            AsAsync(app.Services, "steward", s => s.MarkExceptionAsync([batchLevel.Id], "理由", Ct))));

        // Mixed with a row problem, the batch-level one is left out and counted.
        var row = await ProblemAsync(resource, Blank, 2);
        Assert.Equal(new TriageResult(1, 0, 1), await AsAsync(app.Services, "steward", s => s.MarkExceptionAsync([batchLevel.Id, row.Id], "理由", Ct)));
        var record = await AsAsync(app.Services, "steward", s => s.RecordAsync(batchLevel.Id, false, Ct));
        Assert.Empty(record.Fields);
        Assert.Equal("ROWS", record.Problems.Single().RuleKey);
    }

    private static async Task<string> RefusalAsync<T>(Func<Task<T>> action) => (await Assert.ThrowsAsync<BusinessRuleException>(action)).Message;
}
