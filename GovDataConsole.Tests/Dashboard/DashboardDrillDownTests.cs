using GovDataConsole.Features.Collection;
using GovDataConsole.Features.Dashboard;
using GovDataConsole.Features.Quality;
using GovDataConsole.Features.Rectification;
using GovDataConsole.Features.Shared;
using GovDataConsole.Quality;
using GovDataConsole.Tests.Cleansing;
using GovDataConsole.Tests.Infrastructure;
using GovDataConsole.Tests.Rectification;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GovDataConsole.Tests.Cleansing.CleansingKit;

namespace GovDataConsole.Tests.Dashboard;

/// <summary>
/// Every figure a dashboard shows equals the total of the list it links to under the same filter, on real data made by
/// the import, cleansing, check and work-order services.
/// </summary>
[Collection(CleansingAppCollection.Name)]
public sealed class DashboardDrillDownTests(DemoAppFixture app)
{
    [Fact]
    public async Task New_problems_per_resource_and_severity_equal_the_problem_list_with_that_filter()
    {
        var found = await RectificationKit.ProblemsAsync(app.Services, addressSeverity: RuleSeverity.Minor);

        var view = await AsAsync<StewardDashboard, StewardView>("steward", d => d.LoadAsync(Ct));

        var resource = found[0].DataResourceId;
        Assert.Equal(found.GroupBy(p => p.Severity).Select(g => (g.Key, g.Count())).Order(),
            view.NewProblems.Where(c => c.ResourceId == resource).Select(c => (c.Severity, c.Count)).Order());
        Assert.Contains(view.NewProblems, c => c.ResourceId == resource && c.Severity == RuleSeverity.Minor && c.Count == 4);
        await using var scope = await ActAs.UserAsync(app.Services, "steward");
        var problems = scope.ServiceProvider.GetRequiredService<ProblemService>();
        foreach (var cell in view.NewProblems)
            Assert.Equal(cell.Count, await ProblemTotalAsync(problems, cell.ResourceId, cell.Severity));
        foreach (var severity in Enum.GetValues<RuleSeverity>())
            Assert.Equal(view.NewProblemsOf(severity), await ProblemTotalAsync(problems, null, severity));
        Assert.Equal(view.NewProblemTotal, await ProblemTotalAsync(problems, null, null));
    }

    [Fact]
    public async Task Failed_runs_and_batches_equal_the_run_and_batch_lists_filtered_by_status_failed()
    {
        var checkedProblem = (await RectificationKit.ProblemIdsAsync(app.Services))[0];
        await using var read = ActAs.Db(app.Services);
        var found = await read.Problems.Where(p => p.Id == checkedProblem).Select(p => new { p.DataResourceId, p.BatchId }).SingleAsync(Ct);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var runId = await scope.ServiceProvider.GetRequiredService<CheckRunQueue>().QueueAsync(found.DataResourceId, found.BatchId, CheckTrigger.Manual, "steward", Ct);
            await using var db = ActAs.Db(app.Services);
            (await db.CheckRuns.SingleAsync(r => r.Id == runId, Ct)).Fail("测试失败", DateTime.UtcNow);
            var failedId = await QueueAsync(app.Services, found.DataResourceId, MessyCsv());
            var failed = await db.DataBatches.SingleAsync(b => b.Id == failedId, Ct);
            failed.Fail("测试失败", DateTime.UtcNow);
            await db.SaveChangesAsync(Ct);
        }

        var view = await AsAsync<StewardDashboard, StewardView>("steward", d => d.LoadAsync(Ct));

        await using var steward = await ActAs.UserAsync(app.Services, "steward");
        var runs = await steward.ServiceProvider.GetRequiredService<CheckRunService>().ListAsync(new RunQuery { Status = CheckRunStatus.Failed }, Ct);
        var batches = await steward.ServiceProvider.GetRequiredService<BatchService>().ListAsync(new BatchQuery { Status = BatchStatus.Failed }, Ct);
        Assert.True(view.FailedRuns >= 1 && view.FailedBatches >= 1);
        Assert.Equal((runs.TotalCount, batches.TotalCount), (view.FailedRuns, view.FailedBatches));
        Assert.Null(view.FailedJobs);
        Assert.NotNull((await AsAsync<StewardDashboard, StewardView>("admin", d => d.LoadAsync(Ct))).FailedJobs);
    }

    [Fact]
    public async Task Orders_awaiting_review_disputed_and_asking_for_more_time_are_counted_as_they_reach_that_state()
    {
        var before = await AsAsync<StewardDashboard, StewardView>("steward", d => d.LoadAsync(Ct));
        var reviewed = await DispatchedOrderAsync();
        await ActAsync("gongan", reviewed, WorkOrderAction.Sign);
        await ActAsync("gongan", reviewed, WorkOrderAction.Submit);
        var disputed = await DispatchedOrderAsync();
        await ActAsync("gongan", disputed, WorkOrderAction.Dispute, "并非本部门数据");
        var extended = await DispatchedOrderAsync();
        await ActAsync("gongan", extended, WorkOrderAction.Sign);
        await ActAsync("gongan", extended, WorkOrderAction.RequestExtension, "需要协调", DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)));

        var after = await AsAsync<StewardDashboard, StewardView>("steward", d => d.LoadAsync(Ct));

        Assert.Equal((before.AwaitingReview + 1, before.Disputed + 1, before.ExtensionRequests + 1), (after.AwaitingReview, after.Disputed, after.ExtensionRequests));
        Assert.Equal(await OrderTotalAsync("steward", new WorkOrderQuery { Status = WorkOrderStatus.AwaitingReview }), after.AwaitingReview);
        Assert.Equal(await OrderTotalAsync("steward", new WorkOrderQuery { Status = WorkOrderStatus.Disputed }), after.Disputed);
        Assert.Equal(await OrderTotalAsync("steward", new WorkOrderQuery { ExtensionPending = true }), after.ExtensionRequests);
    }

    [Fact]
    public async Task Manager_figures_equal_the_completed_runs_the_orders_and_the_collection_overview()
    {
        await RectificationKit.ProblemIdsAsync(app.Services);
        var overdue = await DispatchedOrderAsync(new DateTimeOffset(2023, 5, 8, 10, 0, 0, TimeSpan.FromHours(8)));
        await using (var scope = app.Services.CreateAsyncScope())
            await ActivatorUtilities.CreateInstance<WorkOrderReminderJob>(scope.ServiceProvider,
                new SettableClock(new DateTimeOffset(2023, 5, 26, 8, 0, 0, TimeSpan.FromHours(8)))).RunAsync(Ct);

        var view = await AsAsync<ManagerDashboard, ManagerView>("manager", d => d.LoadAsync(Ct));

        await using var manager = await ActAs.UserAsync(app.Services, "manager");
        var completed = await AllRunsAsync(manager.ServiceProvider.GetRequiredService<CheckRunService>(), CheckRunStatus.Completed);
        var byMonth = completed.Where(r => r.Score is not null)
            .GroupBy(r => ChinaTime.FromUtc(r.FinishedUtc!.Value).ToString("yyyy-MM"))
            .ToDictionary(g => g.Key, g => (Mean: Math.Round(g.Average(r => r.Score!.Value), 2), Runs: g.Count()));
        Assert.Equal(ManagerDashboard.TrendMonths, view.Trend.Count);
        Assert.Equal(ChinaTime.Today.ToString("yyyy-MM"), view.Trend[^1].Month);
        Assert.Contains(view.Trend, p => p.Runs > 0);
        foreach (var point in view.Trend)
            Assert.Equal(byMonth.TryGetValue(point.Month, out var m) ? (m.Mean, m.Runs) : ((decimal?)null, 0), (point.Mean, point.Runs));

        var orders = await manager.ServiceProvider.GetRequiredService<WorkOrderQueries>().ListAsync(new WorkOrderQuery { PageSize = 1 }, Ct);
        Assert.Equal(orders.CountsByStatus.OrderBy(o => o.Key), view.OrdersByStatus.OrderBy(o => o.Key));
        Assert.False(view.OrdersByStatus.ContainsKey(WorkOrderStatus.Draft));
        await using var db = ActAs.Db(app.Services);
        var department = await db.WorkOrders.Where(o => o.Id == overdue).Select(o => o.DepartmentId).SingleAsync(Ct);
        Assert.Equal(await OrderTotalAsync("manager", new WorkOrderQuery { Overdue = true, DepartmentId = department }),
            Assert.Single(view.OverdueByDepartment, d => d.DepartmentId == department).Count);
        Assert.Equal(await OrderTotalAsync("manager", new WorkOrderQuery { Overdue = true }), view.OverdueTotal);

        var overview = await manager.ServiceProvider.GetRequiredService<CollectionService>().OverviewAsync(null, ManagerDashboard.RateMonths, Ct);
        Assert.Equal(overview.Rates, view.CollectionRates);
        Assert.Equal(overview.Rates.Sum(r => r.Due), view.CollectionTotal.Due);
        Assert.Equal(overview.Rates.Sum(r => r.OnTime), view.CollectionTotal.OnTime);
        // The excerpt is the newest published ranking, as the scoring source (tested against the ranking page) gives it.
        var ranking = await manager.ServiceProvider.GetRequiredService<IRankingExcerptSource>().LatestPublishedAsync(ManagerDashboard.RankingSize, Ct);
        Assert.NotNull(ranking);
        Assert.NotNull(view.Ranking);
        Assert.Equal((ranking.PeriodKey, ranking.Departments, ranking.Link), (view.Ranking.PeriodKey, view.Ranking.Departments, view.Ranking.Link));
        Assert.Equal(ranking.Top, view.Ranking.Top);
        Assert.Equal(ranking.Bottom, view.Ranking.Bottom);
    }

    [Fact]
    public async Task Staff_tasks_equal_the_open_task_list_and_count_only_their_own_department()
    {
        var shichangOrder = await DispatchedOrderAsync(department: "330100SCJ");
        await DispatchedOrderAsync();

        var gongan = await AsAsync<StaffDashboard, StaffView>("gongan", d => d.LoadAsync(Ct));
        var shichang = await AsAsync<StaffDashboard, StaffView>("shichang", d => d.LoadAsync(Ct));

        await using var scope = await ActAs.UserAsync(app.Services, "gongan");
        var open = await scope.ServiceProvider.GetRequiredService<CollectionService>().OpenTasksAsync(int.MaxValue, Ct);
        var today = ChinaTime.Today;
        var sunday = today.AddDays(6 - ((int)today.DayOfWeek + 6) % 7);
        Assert.Equal(open.Count(t => t.Status == CollectionTaskStatus.Pending && t.DueDate >= today && t.DueDate <= sunday), gongan.DueThisWeekCount);
        Assert.Equal(open.Count(t => t.Status == CollectionTaskStatus.Missing || t.DueDate < today), gongan.OverdueCount);
        Assert.Equal(sunday, gongan.WeekEnd);

        Assert.Equal(await OpenOrdersAsync("gongan"), gongan.OpenOrderCount);
        Assert.Equal(await OpenOrdersAsync("shichang"), shichang.OpenOrderCount);
        Assert.DoesNotContain(gongan.OpenOrders, o => o.Id == shichangOrder);
        Assert.Contains(shichang.OpenOrders, o => o.Id == shichangOrder);
        await using var db = ActAs.Db(app.Services);
        var gonganId = await db.Departments.Where(d => d.Code == "330100GAJ").Select(d => d.Id).SingleAsync(Ct);
        var gonganTasks = await db.CollectionTasks.Where(t => t.DepartmentId == gonganId).Select(t => t.Id).ToListAsync(Ct);
        Assert.All(gongan.DueThisWeek.Concat(gongan.Overdue), t => Assert.Contains(t.Id, gonganTasks));
        Assert.Equal("杭州市公安局", gongan.DepartmentName);
        Assert.Equal(await scope.ServiceProvider.GetRequiredService<IRankingExcerptSource>().OwnAsync(gonganId, Ct), gongan.Score);
    }

    [Theory]
    [InlineData("gongan", "manager")]
    [InlineData("gongan", "steward")]
    [InlineData("manager", "steward")]
    [InlineData("steward", "staff")]
    [InlineData("admin", "staff")]
    public async Task A_role_cannot_load_another_roles_dashboard(string user, string dashboard)
    {
        await using var scope = await ActAs.UserAsync(app.Services, user);
        Task load = dashboard switch
        {
            "manager" => scope.ServiceProvider.GetRequiredService<ManagerDashboard>().LoadAsync(Ct),
            "steward" => scope.ServiceProvider.GetRequiredService<StewardDashboard>().LoadAsync(Ct),
            _ => scope.ServiceProvider.GetRequiredService<StaffDashboard>().LoadAsync(Ct),
        };
        await Assert.ThrowsAsync<AccessDeniedException>(() => load);
    }

    private static async Task<int> ProblemTotalAsync(ProblemService problems, int? resourceId, RuleSeverity? severity)
    {
        var page = await problems.ListAsync(new ProblemQuery { ResourceId = resourceId, Severity = severity, Status = ProblemStatus.Open, PageSize = 1 }, false, Ct);
        Assert.False(page.Capped);
        return page.TotalCount;
    }

    private async Task<int> OrderTotalAsync(string user, WorkOrderQuery query) =>
        (await AsAsync<WorkOrderQueries, WorkOrderList>(user, q => q.ListAsync(query with { PageSize = 1 }, Ct))).TotalCount;

    /// <summary>The user's orders in the list, less the closed ones (the list counts every status).</summary>
    private async Task<int> OpenOrdersAsync(string user) =>
        (await AsAsync<WorkOrderQueries, WorkOrderList>(user, q => q.ListAsync(new WorkOrderQuery { PageSize = 1 }, Ct))).CountsByStatus
        .Where(c => c.Key is not (WorkOrderStatus.Closed or WorkOrderStatus.ClosedAsException)).Sum(c => c.Value);

    private static async Task<List<RunRow>> AllRunsAsync(CheckRunService runs, CheckRunStatus status)
    {
        var all = new List<RunRow>();
        for (var page = 0; ; page++)
        {
            var rows = await runs.ListAsync(new RunQuery { Status = status, Page = page, PageSize = 100 }, Ct);
            all.AddRange(rows.Items);
            if (all.Count >= rows.TotalCount) return all;
        }
    }

    /// <summary>A fresh order of the department's new problems, dispatched by the steward (at <paramref name="at"/> when given).</summary>
    private async Task<int> DispatchedOrderAsync(DateTimeOffset? at = null, string department = "330100GAJ")
    {
        var problems = (await RectificationKit.ProblemsAsync(app.Services, department)).Where(p => p.RuleKey == RectificationKit.AddressRule).Select(p => p.Id).ToList();
        await using var scope = await ActAs.UserAsync(app.Services, "steward");
        var service = at is { } time
            ? ActivatorUtilities.CreateInstance<WorkOrderService>(scope.ServiceProvider, (TimeProvider)new SettableClock(time))
            : scope.ServiceProvider.GetRequiredService<WorkOrderService>();
        var id = Assert.Single(await service.CreateFromProblemsAsync(problems, Ct));
        await service.ActAsync(id, WorkOrderAction.Dispatch, new(await StampAsync(id)), Ct);
        return id;
    }

    private async Task ActAsync(string user, int orderId, WorkOrderAction action, string? comment = null, DateOnly? extension = null)
    {
        await using var scope = await ActAs.UserAsync(app.Services, user);
        await scope.ServiceProvider.GetRequiredService<WorkOrderService>().ActAsync(orderId, action, new(await StampAsync(orderId), comment, extension), Ct);
    }

    private async Task<Guid> StampAsync(int orderId)
    {
        await using var db = ActAs.Db(app.Services);
        return await db.WorkOrders.Where(o => o.Id == orderId).Select(o => o.ConcurrencyStamp).SingleAsync(Ct);
    }

    private async Task<TResult> AsAsync<TService, TResult>(string user, Func<TService, Task<TResult>> load) where TService : notnull
    {
        await using var scope = await ActAs.UserAsync(app.Services, user);
        return await load(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
