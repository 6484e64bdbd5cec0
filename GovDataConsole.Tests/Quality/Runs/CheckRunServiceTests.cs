using GovDataConsole.Features.Audit;
using GovDataConsole.Features.Quality;
using GovDataConsole.Features.Shared;
using GovDataConsole.Quality;
using GovDataConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static GovDataConsole.Tests.Cleansing.CleansingKit;
using static GovDataConsole.Tests.Quality.Runs.RunKit;

namespace GovDataConsole.Tests.Quality.Runs;

/// <summary>Check runs on real data through the real queue, job and service: outcomes and scores, re-runs, comparison, cancelling.</summary>
public sealed class CheckRunServiceTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    private IServiceProvider Services => app.Services;

    [Fact]
    public async Task A_run_of_the_messy_batch_has_the_hand_computed_outcomes_scores_and_problems()
    {
        var (resource, batch) = await CleansedBatchAsync(Services);

        var run = await RunAsync(Services, resource, batch);

        var detail = await AsAsync(Services, "steward", s => s.GetAsync(run, Ct));
        Assert.Equal(CheckRunStatus.Completed, detail.Run.Status);
        Assert.Equal((6L, 13L, Score, batch, 1), (detail.Run.RowsChecked, detail.Run.ProblemCount, detail.Run.Score, detail.Run.BatchId, detail.Run.RuleSetVersion));
        Assert.Equal(Outcomes, detail.Rules.Select(r => (r.RuleKey, r.Checked, r.Failed, r.FailureRate, r.Passed)));
        Assert.Equal([3m, 1m, 2m, 2m, 2m], detail.Rules.Select(r => r.Weight));
        Assert.Equal([10m, 50m, 0m, 50m, 40m], detail.Rules.Select(r => r.Threshold));
        Assert.Equal(Dimensions, detail.Dimensions);
        Assert.Equal(Problems, (await ProblemsAsync(Services, run)).Select(p => (p.Row!.Value, p.Rule)));
        Assert.Null(detail.PreviousRunId);
        // The batch's current problems are this run's.
        Assert.Equal(run, (await BatchAsync(Services, batch)).CheckRunId);
    }

    [Fact]
    public async Task Re_running_replaces_the_results_and_never_duplicates_them()
    {
        var (resource, batch) = await CleansedBatchAsync(Services);
        var run = await RunAsync(Services, resource, batch);
        var before = await ProblemsAsync(Services, run);

        await AsAsync(Services, "steward", s => s.RerunAsync(run, Ct));
        Assert.Equal(CheckRunStatus.Queued, (await AsAsync(Services, "steward", s => s.GetAsync(run, Ct))).Run.Status);
        await RunInlineAsync(Services, run);

        var detail = await AsAsync(Services, "steward", s => s.GetAsync(run, Ct));
        Assert.Equal((CheckRunStatus.Completed, 13L, Score), (detail.Run.Status, detail.Run.ProblemCount, detail.Run.Score));
        Assert.Equal(Outcomes, detail.Rules.Select(r => (r.RuleKey, r.Checked, r.Failed, r.FailureRate, r.Passed)));
        Assert.Equal(before, await ProblemsAsync(Services, run));
        await using var db = ActAs.Db(Services);
        Assert.Equal(13, await db.Problems.CountAsync(p => p.RunId == run, Ct));
        Assert.Equal(5, await db.CheckRunRules.CountAsync(r => r.RunId == run, Ct));
        var entry = await db.AuditEntries.OrderByDescending(e => e.Id).FirstAsync(e => e.Action == AuditActions.CheckRunRequeued, Ct);
        Assert.Equal(("steward", $"核查运行 #{run}", AuditActions.QualityCategory), (entry.UserName, entry.Detail, entry.Category));
    }

    [Fact]
    public async Task A_run_cannot_be_re_run_while_it_has_not_finished_nor_cancelled_once_finished()
    {
        var (resource, batch) = await CleansedBatchAsync(Services);
        var queued = await QueueAsync(Services, resource, batch);
        var done = await RunAsync(Services, resource, batch);

        Assert.Equal("运行尚未结束，不能重新运行。", (await Assert.ThrowsAsync<BusinessRuleException>(() =>
            AsAsync(Services, "steward", s => s.RerunAsync(queued, Ct)))).Message);
        Assert.Equal("运行已结束，不能取消。", (await Assert.ThrowsAsync<BusinessRuleException>(() =>
            AsAsync(Services, "admin", s => s.CancelAsync(done, Ct)))).Message);
        Assert.Equal(CheckRunStatus.Completed, (await AsAsync(Services, "steward", s => s.GetAsync(done, Ct))).Run.Status);
    }

    [Fact]
    public async Task Cancelling_a_queued_run_stops_it_before_it_checks_anything()
    {
        var (resource, batch) = await CleansedBatchAsync(Services);
        var run = await QueueAsync(Services, resource, batch);

        await AsAsync(Services, "steward", s => s.CancelAsync(run, Ct));
        await RunInlineAsync(Services, run);

        var detail = await AsAsync(Services, "steward", s => s.GetAsync(run, Ct));
        Assert.Equal((CheckRunStatus.Cancelled, 0L, (decimal?)null), (detail.Run.Status, detail.Run.RowsChecked, detail.Run.Score));
        Assert.Empty(detail.Rules);
        Assert.Empty(await ProblemsAsync(Services, run));
        Assert.Null((await BatchAsync(Services, batch)).CheckRunId);
        await using var db = ActAs.Db(Services);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.CheckRunCancelled && e.Detail == $"核查运行 #{run}", Ct));
    }

    [Fact]
    public async Task Comparing_runs_counts_new_fixed_and_remaining_problems_and_the_fix_rate()
    {
        var (resource, batch) = await CleansedBatchAsync(Services);
        var a = await RunAsync(Services, resource, batch);
        // Between the runs: row 3's ID is judged a false positive, row 7's gender corrected, row 4's phone broken.
        await using (var db = ActAs.Db(Services))
        {
            var problem = await db.Problems.SingleAsync(p => p.RunId == a && p.RowNumber == 3 && p.RuleKey == "R1", Ct);
            db.QualityExceptions.Add(new QualityException(problem, "历史证件号，核实无误", "steward", DateTime.UtcNow));
            await db.SaveChangesAsync(Ct);
        }
        await SetValueAsync(Services, batch, 7, "XB", "1");
        await SetValueAsync(Services, batch, 4, "LXDH", "12345");
        var b = await RunAsync(Services, resource, batch);

        var comparison = await AsAsync(Services, "steward", s => s.CompareAsync(a, b, Ct));

        Assert.Equal([batch], comparison.SharedBatches);
        Assert.Equal((13, 12), (comparison.ProblemsInA, comparison.ProblemsInB));
        Assert.Empty(comparison.OnlyInA);
        Assert.Empty(comparison.OnlyInB);
        Assert.Equal((1, 2, 11), (comparison.New, comparison.Fixed, comparison.Remaining));
        Assert.Equal(15.38m, comparison.FixRate); // 2 ÷ 13 = 15.38 %
        var fixedRows = await AsAsync(Services, "steward", s => s.ComparedProblemsAsync(a, b, ComparisonCategory.Fixed, new GridRequest(), Ct));
        Assert.Equal([(3, "R1", "330102********221X"), (7, "R4", "9")], fixedRows.Items.Select(p => (p.RowNumber!.Value, p.RuleKey, p.Value)).Order());
        var newRows = await AsAsync(Services, "steward", s => s.ComparedProblemsAsync(a, b, ComparisonCategory.New, new GridRequest(), Ct));
        var added = Assert.Single(newRows.Items);
        Assert.Equal((4, "R3", "联系电话", "*****"), (added.RowNumber, added.RuleKey, added.ItemName, added.Value)); // a mobile field: masked
        var remaining = await AsAsync(Services, "steward", s => s.ComparedProblemsAsync(a, b, ComparisonCategory.Remaining, new GridRequest { PageSize = 5 }, Ct));
        Assert.Equal((11, 5), (remaining.TotalCount, remaining.Items.Count));

        // The detail of B offers A as the previous run.
        Assert.Equal(a, (await AsAsync(Services, "steward", s => s.GetAsync(b, Ct))).PreviousRunId);
    }

    [Fact]
    public async Task Comparing_a_batch_run_with_a_resource_run_counts_only_the_batches_both_checked()
    {
        var (resource, first) = await CleansedBatchAsync(Services);
        var a = await RunAsync(Services, resource, first);
        // A second batch whose one row repeats row 4's key: a uniqueness problem only the resource-wide run sees.
        var second = await ImportAsync(Services, resource, System.Text.Encoding.UTF8.GetBytes(
            "公民身份号码,姓名,性别,出生日期,户籍地址,联系电话\n330102198001051231,孙八,1,2026-01-05,杭州市,13800138000\n"));
        await CleanseAsync(Services, second);
        await SetValueAsync(Services, first, 7, "XB", "1");
        var c = await RunAsync(Services, resource, null);
        Assert.Contains((2, "R5"), (await ProblemsAsync(Services, c)).Select(p => (p.Row!.Value, p.Rule)));

        var forward = await AsAsync(Services, "steward", s => s.CompareAsync(a, c, Ct));
        Assert.Equal([first], forward.SharedBatches);
        Assert.Equal([second], forward.OnlyInB);
        Assert.Equal((13, 12, 0, 1, 12, 7.69m), (forward.ProblemsInA, forward.ProblemsInB, forward.New, forward.Fixed, forward.Remaining, forward.FixRate));

        // The other way round the second batch's problem is outside run A's scope: it is not "fixed".
        var backward = await AsAsync(Services, "steward", s => s.CompareAsync(c, a, Ct));
        Assert.Equal([second], backward.OnlyInA);
        Assert.Equal((12, 13, 1, 0, 12, 0m), (backward.ProblemsInA, backward.ProblemsInB, backward.New, backward.Fixed, backward.Remaining, backward.FixRate));
    }

    [Fact]
    public async Task Comparison_refuses_runs_of_different_resources_the_same_run_and_unfinished_runs()
    {
        var (resource, batch) = await CleansedBatchAsync(Services);
        var (otherResource, otherBatch) = await CleansedBatchAsync(Services);
        var run = await RunAsync(Services, resource, batch);
        var other = await RunAsync(Services, otherResource, otherBatch);
        var queued = await QueueAsync(Services, resource, batch);

        Assert.Equal("只能比较同一数据资源的两次运行。", (await Assert.ThrowsAsync<BusinessRuleException>(() =>
            AsAsync(Services, "steward", s => s.CompareAsync(run, other, Ct)))).Message);
        Assert.Equal("请选择两次不同的运行。", (await Assert.ThrowsAsync<BusinessRuleException>(() =>
            AsAsync(Services, "steward", s => s.CompareAsync(run, run, Ct)))).Message);
        Assert.Equal("只能比较已完成的运行。", (await Assert.ThrowsAsync<BusinessRuleException>(() =>
            AsAsync(Services, "steward", s => s.ComparedProblemsAsync(run, queued, ComparisonCategory.New, new GridRequest(), Ct)))).Message);
        Assert.Equal("核查运行不存在。", (await Assert.ThrowsAsync<NotFoundException>(() =>
            AsAsync(Services, "steward", s => s.CompareAsync(run, int.MaxValue, Ct)))).Message);
    }

    [Fact]
    public async Task History_lists_the_completed_runs_of_a_resource_with_their_scores_oldest_first()
    {
        var (resource, batch) = await CleansedBatchAsync(Services);
        var first = await RunAsync(Services, resource, batch);
        await SetValueAsync(Services, batch, 7, "XB", "1");
        var second = await RunAsync(Services, resource, null);
        await QueueAsync(Services, resource, batch); // not completed: not in the history

        var history = await AsAsync(Services, "manager", s => s.HistoryAsync(resource, Ct));

        Assert.Equal([first, second], history.Select(p => p.RunId));
        Assert.Equal([(int?)batch, null], history.Select(p => p.BatchId));
        // Row 7 fixed: R4 fails 2 of 6 (33.3333 %): (3 × 33.3333 + 33.3333 + 200 + 2 × 66.6667 + 2 × 66.6667) ÷ 10 = 59.99999 → 60.00.
        Assert.Equal([Score, 60.00m], history.Select(p => p.Score));
        Assert.Equal([50.00m, 66.67m], history.Select(p => p.Dimensions[QualityDimension.Accuracy]));
        Assert.Equal([13L, 12L], history.Select(p => p.ProblemCount));
    }

    [Fact]
    public async Task The_list_filters_by_resource_status_and_trigger_and_pages()
    {
        var (resource, batch) = await CleansedBatchAsync(Services);
        var done = await RunAsync(Services, resource, batch);
        var queued = await QueueAsync(Services, resource, batch);

        var all = await AsAsync(Services, "manager", s => s.ListAsync(new RunQuery { ResourceId = resource }, Ct));
        Assert.Equal([queued, done], all.Items.Select(r => r.Id)); // newest first
        var completed = await AsAsync(Services, "manager", s => s.ListAsync(new RunQuery { ResourceId = resource, Status = CheckRunStatus.Completed }, Ct));
        var row = Assert.Single(completed.Items);
        Assert.Equal((done, 13L, Score, CheckTrigger.Manual, "清洗测试人口信息"), (row.Id, row.ProblemCount, row.Score, row.Trigger, row.ResourceName));
        Assert.Empty((await AsAsync(Services, "manager", s => s.ListAsync(new RunQuery { ResourceId = resource, Trigger = CheckTrigger.Scheduled }, Ct))).Items);
        var paged = await AsAsync(Services, "manager", s => s.ListAsync(new RunQuery { ResourceId = resource, PageSize = 1, Page = 1 }, Ct));
        Assert.Equal((2, done), (paged.TotalCount, Assert.Single(paged.Items).Id));
        Assert.Contains(await AsAsync(Services, "manager", s => s.ResourcesAsync(Ct)), r => r.Id == resource);
    }

    [Fact]
    public async Task Department_staff_see_only_their_own_departments_runs()
    {
        var (resource, batch) = await CleansedBatchAsync(Services, "330100GAJ");
        var run = await RunAsync(Services, resource, batch);
        var later = await RunAsync(Services, resource, batch);
        const string otherDepartment = "无权访问其他部门的数据";

        Assert.Equal(otherDepartment, (await Assert.ThrowsAsync<AccessDeniedException>(() => AsAsync(Services, "shichang", s => s.GetAsync(run, Ct)))).Message);
        Assert.Equal(otherDepartment, (await Assert.ThrowsAsync<AccessDeniedException>(() => AsAsync(Services, "shichang", s => s.HistoryAsync(resource, Ct)))).Message);
        Assert.Equal(otherDepartment, (await Assert.ThrowsAsync<AccessDeniedException>(() => AsAsync(Services, "shichang", s => s.CompareAsync(run, later, Ct)))).Message);
        Assert.Equal(otherDepartment, (await Assert.ThrowsAsync<AccessDeniedException>(() =>
            AsAsync(Services, "shichang", s => s.ComparedProblemsAsync(run, later, ComparisonCategory.Remaining, new GridRequest(), Ct)))).Message);
        Assert.Empty((await AsAsync(Services, "shichang", s => s.ListAsync(new RunQuery { ResourceId = resource }, Ct))).Items);
        Assert.DoesNotContain(await AsAsync(Services, "shichang", s => s.ResourcesAsync(Ct)), r => r.Id == resource);
        int shichang;
        await using (var db = ActAs.Db(Services)) shichang = await db.Departments.Where(d => d.Code == "330100SCJ").Select(d => d.Id).SingleAsync(Ct);
        Assert.All((await AsAsync(Services, "shichang", s => s.ListAsync(new RunQuery { PageSize = 200 }, Ct))).Items, r => Assert.Equal(shichang, r.DepartmentId));

        // Their own department's staff do see them, and may compare.
        Assert.Equal(run, (await AsAsync(Services, "gongan", s => s.GetAsync(run, Ct))).Run.Id);
        Assert.Equal(2, (await AsAsync(Services, "gongan", s => s.ListAsync(new RunQuery { ResourceId = resource }, Ct))).TotalCount);
        Assert.Equal(13, (await AsAsync(Services, "gongan", s => s.CompareAsync(run, later, Ct))).Remaining);
    }

    [Theory]
    [InlineData("gongan")]
    [InlineData("manager")]
    public async Task Only_stewards_and_admins_cancel_or_re_run(string user)
    {
        var (resource, batch) = await CleansedBatchAsync(Services, "330100GAJ");
        var done = await RunAsync(Services, resource, batch);
        var queued = await QueueAsync(Services, resource, batch);

        Assert.Equal("当前角色无权执行此操作", (await Assert.ThrowsAsync<AccessDeniedException>(() => AsAsync(Services, user, s => s.RerunAsync(done, Ct)))).Message);
        Assert.Equal("当前角色无权执行此操作", (await Assert.ThrowsAsync<AccessDeniedException>(() => AsAsync(Services, user, s => s.CancelAsync(queued, Ct)))).Message);

        Assert.Equal(CheckRunStatus.Completed, (await AsAsync(Services, "steward", s => s.GetAsync(done, Ct))).Run.Status);
        Assert.Equal(CheckRunStatus.Queued, (await AsAsync(Services, "steward", s => s.GetAsync(queued, Ct))).Run.Status);
    }

    [Fact]
    public async Task An_unknown_run_is_not_found()
    {
        Assert.Equal("核查运行不存在。", (await Assert.ThrowsAsync<NotFoundException>(() => AsAsync(Services, "steward", s => s.GetAsync(int.MaxValue, Ct)))).Message);
        Assert.Equal("核查运行不存在。", (await Assert.ThrowsAsync<NotFoundException>(() => AsAsync(Services, "admin", s => s.CancelAsync(int.MaxValue, Ct)))).Message);
        await Assert.ThrowsAsync<NotFoundException>(() => AsAsync(Services, "steward", s => s.HistoryAsync(int.MaxValue, Ct)));
    }
}
