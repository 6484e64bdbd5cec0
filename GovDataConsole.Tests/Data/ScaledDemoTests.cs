using GovDataConsole.Data;
using GovDataConsole.Features.Collection;
using GovDataConsole.Features.Dashboard;
using GovDataConsole.Features.Organization;
using GovDataConsole.Features.Quality;
using GovDataConsole.Features.Rectification;
using GovDataConsole.Features.Scoring;
using GovDataConsole.Features.Shared;
using GovDataConsole.Hosting;
using GovDataConsole.Quality;
using GovDataConsole.Scoring;
using GovDataConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovDataConsole.Tests.Data;

/// <summary>The demo scaled to 5 departments, 20 resources and 3 months by <c>seed-demo --scale</c>, and the app started on it.</summary>
public sealed class ScaledDemoFixture : IAsyncLifetime
{
    public const int Departments = 5, Resources = 20, Months = 3;

    public string Folder { get; } = TempFolder.Create("scaled");

    public int Exit { get; private set; }

    public ConsoleAppFactory App { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Exit = await SeedDemoCommand.RunAsync(["--scale", "--departments", $"{Departments}", "--resources", $"{Resources}", "--months", $"{Months}",
            $"--Database:DataDirectory={Folder}"]);
        App = new ConsoleAppFactory(Folder);
    }

    public SqliteAppDbContext Db() =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={Path.Combine(Folder, "govdata.db")};Pooling=False").Options);

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}

/// <summary>
/// <c>seed-demo --scale</c> at a small size: what it writes hangs together (tasks, batches, runs, per-rule results, problems,
/// orders and their rows and timelines), the dashboards, ranking and score computation read it with the numbers of their
/// drill-down lists, and a second scaled seed is refused.
/// </summary>
public sealed class ScaledDemoTests(ScaledDemoFixture scaled) : IClassFixture<ScaledDemoFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IServiceProvider Services => scaled.App.Services;

    private static readonly string[] ScaledCodes = ["330102GAFJ", "330102SCJG", "330102RSSB", "330102WJJ", "330102JYJ"];

    [Fact]
    public async Task Adds_the_departments_with_a_staff_account_each_and_their_published_monthly_resources()
    {
        Assert.Equal(0, scaled.Exit);
        await using var db = scaled.Db();
        var city = await db.Departments.SingleAsync(d => d.Code == DemoSeed.CityCode, Ct);
        var departments = await db.Departments.Where(d => ScaledCodes.Contains(d.Code)).ToListAsync(Ct);
        Assert.Equal(ScaledDemoFixture.Departments, departments.Count);
        Assert.Equal(8 + ScaledDemoFixture.Departments, await db.Departments.CountAsync(Ct));
        Assert.All(departments, d => Assert.Equal(city.Id, d.ParentId));
        Assert.Contains(departments, d => d.Name == "杭州市公安局上城区分局");
        Assert.Contains(departments, d => d.Name == "杭州市上城区教育局");

        var ids = departments.Select(d => d.Id).ToList();
        var staff = await (from u in db.Users
                           join ur in db.UserRoles on u.Id equals ur.UserId
                           join r in db.Roles on ur.RoleId equals r.Id
                           where u.DepartmentId != null && ids.Contains(u.DepartmentId.Value)
                           select new { u.UserName, u.DepartmentId, Role = r.Name }).ToListAsync(Ct);
        Assert.Equal(departments.Select(d => (d.Code.ToLowerInvariant(), (int?)d.Id)).Order(), staff.Select(s => (s.UserName!, s.DepartmentId)).Order());
        Assert.All(staff, s => Assert.Equal(Roles.DepartmentStaff, s.Role));

        var resources = await db.DataResources.Include(r => r.Items).Where(r => ids.Contains(r.DepartmentId)).ToListAsync(Ct);
        Assert.Equal(ScaledDemoFixture.Resources, resources.Count);
        Assert.All(resources.GroupBy(r => r.DepartmentId), g => Assert.Equal(ScaledDemoFixture.Resources / ScaledDemoFixture.Departments, g.Count()));
        Assert.All(resources, r => Assert.Equal((Features.Catalog.ResourceStatus.Published, Features.Catalog.UpdateCycle.Monthly, 6),
            (r.Status, r.UpdateCycle, r.Items.Count)));
        var resourceIds = resources.Select(r => r.Id).ToList();
        Assert.Equal(ScaledDemoFixture.Resources, await db.DataResourceVersions.CountAsync(v => resourceIds.Contains(v.DataResourceId) && v.Version == 1, Ct));
        var ruleSets = await db.QualityRuleSets.Where(s => resourceIds.Contains(s.DataResourceId)).ToListAsync(Ct);
        Assert.All(ruleSets, s => Assert.Equal(7, s.Rules().Count));
        Assert.Equal(ScaledDemoFixture.Resources, ruleSets.Count);
    }

    [Fact]
    public async Task Every_month_has_a_task_and_every_hand_in_a_checked_batch_whose_problems_match_its_rule_results()
    {
        await using var db = scaled.Db();
        var resources = await ScaledResourceIdsAsync(db);
        var tasks = await db.CollectionTasks.Where(t => resources.Contains(t.DataResourceId)).ToListAsync(Ct);
        Assert.Equal(ScaledDemoFixture.Resources * (ScaledDemoFixture.Months + 1), tasks.Count);
        Assert.All(tasks.GroupBy(t => t.DataResourceId), g => Assert.Equal(ScaledDemoFixture.Months + 1, g.Select(t => t.PeriodKey).Distinct().Count()));
        Assert.Contains(tasks, t => t.Status == CollectionTaskStatus.Submitted);
        Assert.Contains(tasks, t => t.Status == CollectionTaskStatus.SubmittedLate);
        Assert.Contains(tasks, t => t.Status == CollectionTaskStatus.Pending);
        var today = ChinaTime.Today;
        Assert.All(tasks.Where(t => t.Status == CollectionTaskStatus.Missing), t => Assert.True(t.DueDate < today));
        Assert.All(tasks.Where(t => t.Status == CollectionTaskStatus.Pending), t => Assert.True(t.DueDate >= today));
        // The query form of the counting rule agrees with the in-memory one.
        Assert.Equal(tasks.Count(t => DepartmentRate.Counts(t.DueDate, t.Status, today)),
            await db.CollectionTasks.Where(t => resources.Contains(t.DataResourceId)).CountAsync(DepartmentRate.CountsOn(today), Ct));

        var handedIn = tasks.Where(t => t.Status is CollectionTaskStatus.Submitted or CollectionTaskStatus.SubmittedLate).ToList();
        var batches = await db.DataBatches.Where(b => resources.Contains(b.DataResourceId)).ToDictionaryAsync(b => b.Id, Ct);
        Assert.Equal(handedIn.Count, batches.Count);
        Assert.All(handedIn, t => Assert.Equal(t.Id, batches[t.BatchId!.Value].TaskId));
        var runs = await db.CheckRuns.Where(r => resources.Contains(r.DataResourceId)).ToListAsync(Ct);
        Assert.Equal(batches.Keys.Order(), runs.Select(r => r.BatchId!.Value).Order());
        Assert.All(runs, r => Assert.Equal((BatchStatus.Cleansed, (int?)r.Id, CheckRunStatus.Completed), (batches[r.BatchId!.Value].Status, batches[r.BatchId.Value].CheckRunId, r.Status)));

        var rules = (await db.CheckRunRules.ToListAsync(Ct)).ToLookup(x => x.RunId);
        var problems = (await db.Problems.GroupBy(p => new { p.RunId, p.RuleKey }).Select(g => new { g.Key.RunId, g.Key.RuleKey, Count = g.LongCount() })
            .ToListAsync(Ct)).ToDictionary(x => (x.RunId, x.RuleKey), x => x.Count);
        foreach (var run in runs)
        {
            var results = rules[run.Id].ToList();
            Assert.Equal(7, results.Count);
            Assert.All(results, x => Assert.Equal(x.Failed, problems.GetValueOrDefault((run.Id, x.RuleKey))));
            Assert.Equal(results.Sum(x => x.Failed), run.ProblemCount);
            var outcomes = results.Select(x => new RuleOutcome(QualityRule.ListFromJson(run.RulesJson).Single(q => q.Key == x.RuleKey), x.Checked, x.Failed));
            Assert.Equal(QualityScore.Of(outcomes), run.Score);
            // A late batch fails the batch-level timeliness rule, once.
            var late = batches[run.BatchId!.Value].TaskId is int task && tasks.Single(t => t.Id == task).Status == CollectionTaskStatus.SubmittedLate;
            Assert.Equal(late ? 1 : 0, results.Single(x => x.Template == RuleTemplate.ReceivedInCycle).Failed);
        }
        Assert.True(problems.Values.Sum() > 0);
    }

    [Fact]
    public async Task Orders_hand_over_critical_problems_of_a_run_and_their_timelines_lead_to_their_state()
    {
        await using var db = scaled.Db();
        var resources = await ScaledResourceIdsAsync(db);
        var orders = await db.WorkOrders.Where(o => resources.Contains(o.DataResourceId)).ToListAsync(Ct);
        Assert.NotEmpty(orders);
        var items = (await db.WorkOrderItems.ToListAsync(Ct)).ToLookup(i => i.OrderId);
        var events = (await db.WorkOrderEvents.ToListAsync(Ct)).ToLookup(e => e.OrderId);
        var handedOver = await db.Problems.Where(p => resources.Contains(p.DataResourceId) && p.Status == ProblemStatus.HandedOver).ToDictionaryAsync(p => p.Id, Ct);
        Assert.Equal(handedOver.Keys.Order(), orders.SelectMany(o => items[o.Id]).Select(i => i.ProblemId).Order());
        foreach (var order in orders)
        {
            var rows = items[order.Id].ToList();
            Assert.Equal(rows.Count, order.ProblemCount);
            Assert.Equal(rows.Count(i => i.State == WorkOrderItemState.Open), order.OpenCount);
            Assert.All(rows, i => Assert.Equal((RuleSeverity.Critical, order.DataResourceId), (i.Severity, handedOver[i.ProblemId].DataResourceId)));
            Assert.Single(rows.Select(i => i.BatchId).Distinct());
            Assert.Equal($"ZG-{ChinaTime.FromUtc(order.CreatedUtc).Year}-{order.Id:D6}", order.Number);
            Assert.NotEqual(Guid.Empty, order.ConcurrencyStamp);
            var timeline = events[order.Id].Where(e => e.ToStatus != e.FromStatus).OrderBy(e => e.AtUtc).ToList();
            Assert.Equal(WorkOrderEventKind.Created, timeline[0].Kind);
            Assert.Equal(order.Status, timeline[^1].ToStatus);
            Assert.All(timeline.Skip(1).Zip(timeline), pair => Assert.Equal(pair.Second.ToStatus, pair.First.FromStatus));
            Assert.Equal(order.Status is WorkOrderStatus.Closed or WorkOrderStatus.ClosedAsException, order.ClosedUtc is not null);
            Assert.Equal(order.Status != WorkOrderStatus.Draft, order.DueDate is not null);
        }
        Assert.Contains(orders, o => o.Status == WorkOrderStatus.Closed);
        Assert.Contains(orders, o => o.Status != WorkOrderStatus.Closed);
    }

    [Fact]
    public async Task The_base_demo_months_are_scored_again_as_new_published_versions_covering_the_scaled_departments()
    {
        await using var db = scaled.Db();
        var periods = ScorePeriod.Recent(ScorePeriodType.Month, ChinaTime.Today, DemoScoringSeed.Months + 1).Skip(1).Select(p => p.Key).ToList();
        var sheets = await db.ScoreSheets.Where(s => periods.Contains(s.PeriodKey)).ToListAsync(Ct);
        Assert.All(periods, p => Assert.Equal([1, 2], sheets.Where(s => s.PeriodKey == p).Select(s => s.Version).Order()));
        Assert.All(sheets, s => Assert.Equal(ScoreSheetStatus.Published, s.Status));
        Assert.All(sheets.Where(s => s.Version == 2), s => Assert.Equal(DemoScaleSeed.Rescored, s.Reason));
        var latest = sheets.Where(s => s.Version == 2).Select(s => s.Id).ToList();
        var scaledDepartments = await db.Departments.Where(d => ScaledCodes.Contains(d.Code)).Select(d => d.Id).ToListAsync(Ct);
        Assert.All(latest, id => Assert.Equal(ScaledDemoFixture.Departments,
            db.DepartmentScores.Count(s => s.SheetId == id && scaledDepartments.Contains(s.DepartmentId))));
    }

    [Fact]
    public async Task Dashboards_show_the_numbers_of_their_lists_on_the_scaled_data()
    {
        var steward = await AsAsync<StewardDashboard, StewardView>("steward", d => d.LoadAsync(Ct));
        await using (var scope = await ActAs.UserAsync(Services, "steward"))
        {
            var problems = scope.ServiceProvider.GetRequiredService<ProblemService>();
            foreach (var severity in Enum.GetValues<RuleSeverity>())
                Assert.Equal(steward.NewProblemsOf(severity), await ProblemTotalAsync(problems, null, severity));
            foreach (var cell in steward.NewProblems.Take(6))
                Assert.Equal(cell.Count, await ProblemTotalAsync(problems, cell.ResourceId, cell.Severity));
        }

        var manager = await AsAsync<ManagerDashboard, ManagerView>("manager", d => d.LoadAsync(Ct));
        var overview = await AsAsync<CollectionService, CollectionOverview>("manager", c => c.OverviewAsync(null, ManagerDashboard.RateMonths, Ct));
        Assert.Equal(overview.Rates, manager.CollectionRates);
        Assert.Contains(manager.CollectionRates, r => r.DepartmentName == "杭州市上城区教育局");
        var scored = await ScoredInLatestSheetAsync();
        Assert.Equal(scored, manager.Ranking!.Departments);
        var orders = await AsAsync<WorkOrderQueries, WorkOrderList>("manager", q => q.ListAsync(new WorkOrderQuery { PageSize = 1 }, Ct));
        Assert.Equal(orders.CountsByStatus.OrderBy(o => o.Key), manager.OrdersByStatus.OrderBy(o => o.Key));
        Assert.Contains(manager.Trend, p => p.Runs > ScaledDemoFixture.Resources / 2);

        var user = ScaledCodes[0].ToLowerInvariant();
        var staff = await AsAsync<StaffDashboard, StaffView>(user, d => d.LoadAsync(Ct));
        var own = await AsAsync<WorkOrderQueries, WorkOrderList>(user, q => q.ListAsync(new WorkOrderQuery { PageSize = 1 }, Ct));
        Assert.Equal(own.CountsByStatus.Where(c => c.Key is not (WorkOrderStatus.Closed or WorkOrderStatus.ClosedAsException)).Sum(c => c.Value), staff.OpenOrderCount);
        Assert.Equal("杭州市公安局上城区分局", staff.DepartmentName);
        Assert.True(staff.Score is { Published: true } && staff.Score.Departments == scored);
        await using var db = scaled.Db();
        var department = await db.Departments.Where(d => d.Code == ScaledCodes[0]).Select(d => d.Id).SingleAsync(Ct);
        Assert.Equal(await db.WorkOrders.CountAsync(o => o.DepartmentId == department && o.Status != WorkOrderStatus.Closed
            && o.Status != WorkOrderStatus.ClosedAsException && o.Status != WorkOrderStatus.Draft, Ct), staff.OpenOrderCount);
    }

    [Fact]
    public async Task The_ranking_and_a_scaled_departments_breakdown_match_the_runs_and_tasks_behind_them_and_stay_its_own()
    {
        await using var db = scaled.Db();
        var period = ScorePeriod.Recent(ScorePeriodType.Month, ChinaTime.Today, 2)[1];
        var sheet = await db.ScoreSheets.Where(s => s.PeriodKey == period.Key).OrderByDescending(s => s.Version).FirstAsync(Ct);
        var department = await db.Departments.Where(d => d.Code == ScaledCodes[1]).Select(d => d.Id).SingleAsync(Ct);

        var ranking = await AsAsync<ScoreService, Ranking>("manager", s => s.RankingAsync(sheet.Id, Ct));
        Assert.Equal(await db.DepartmentScores.CountAsync(s => s.SheetId == sheet.Id, Ct), ranking.Rows.Count);
        var scaledDepartments = await db.Departments.Where(d => ScaledCodes.Contains(d.Code)).Select(d => d.Id).ToListAsync(Ct);
        Assert.All(scaledDepartments, id => Assert.Contains(ranking.Rows, r => r.DepartmentId == id));
        var breakdown = await AsAsync<ScoreService, Breakdown>("manager", s => s.BreakdownAsync(sheet.Id, department, Ct));
        Assert.Equal(ranking.Rows.Single(r => r.DepartmentId == department).Total, breakdown.Total);
        var start = ChinaTime.StartOfDayUtc(period.Start);
        var end = ChinaTime.StartOfDayUtc(period.End.AddDays(1));
        var runs = await db.CheckRuns.Where(r => r.DepartmentId == department && r.Status == CheckRunStatus.Completed && r.FinishedUtc >= start && r.FinishedUtc < end)
            .Select(r => r.Id).ToListAsync(Ct);
        Assert.Equal(runs.Order(), breakdown.Indicators.Single(i => i.Indicator == ScoreIndicator.DataQuality).Inputs.Runs!.Select(r => r.RunId).Order());
        var tasks = await db.CollectionTasks.Where(t => t.DepartmentId == department && t.PeriodEnd >= period.Start && t.PeriodEnd <= period.End).ToListAsync(Ct);
        Assert.Equal(tasks.Count(t => DepartmentRate.Counts(t.DueDate, t.Status, ChinaTime.Today)),
            breakdown.Indicators.Single(i => i.Indicator == ScoreIndicator.CollectionTimeliness).Inputs.Due);

        // Its staff read their own breakdown, not another scaled department's.
        var staff = ScaledCodes[1].ToLowerInvariant();
        Assert.Equal(breakdown.Total, (await AsAsync<ScoreService, Breakdown>(staff, s => s.BreakdownAsync(sheet.Id, department, Ct))).Total);
        var other = await db.Departments.Where(d => d.Code == ScaledCodes[0]).Select(d => d.Id).SingleAsync(Ct);
        await Assert.ThrowsAsync<AccessDeniedException>(() => AsAsync<ScoreService, Breakdown>(staff, s => s.BreakdownAsync(sheet.Id, other, Ct)));
    }

    [Fact]
    public async Task The_current_month_of_the_scaled_data_computes_as_a_draft_for_every_department()
    {
        var month = ScorePeriod.Containing(ScorePeriodType.Month, ChinaTime.Today);
        await using (var scope = Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ScoreJob>().ComputeAsync(month.Key, null, "test", Ct);

        await using var db = scaled.Db();
        var sheet = await db.ScoreSheets.SingleAsync(s => s.PeriodKey == month.Key, Ct);
        Assert.Equal(ScoreSheetStatus.Draft, sheet.Status);
        var scores = await db.DepartmentScores.Where(s => s.SheetId == sheet.Id).ToListAsync(Ct);
        var scaledDepartments = await db.Departments.Where(d => ScaledCodes.Contains(d.Code)).Select(d => d.Id).ToListAsync(Ct);
        Assert.All(scaledDepartments, id => Assert.Contains(scores, s => s.DepartmentId == id));
        Assert.Equal(scores.Count * Enum.GetValues<ScoreIndicator>().Length, await db.ScoreIndicatorValues.CountAsync(v => v.SheetId == sheet.Id, Ct));
    }

    [Fact]
    public async Task A_second_scaled_seed_is_refused_and_adds_nothing()
    {
        await using (var before = scaled.Db())
        {
            var counts = (await before.Departments.CountAsync(Ct), await before.CheckRuns.CountAsync(Ct), await before.Users.CountAsync(Ct));

            var exit = await SeedDemoCommand.RunAsync(["--scale", "--departments", "2", "--resources", "2", "--months", "1", $"--Database:DataDirectory={scaled.Folder}"]);

            Assert.Equal(2, exit);
            await using var after = scaled.Db();
            Assert.Equal(counts, (await after.Departments.CountAsync(Ct), await after.CheckRuns.CountAsync(Ct), await after.Users.CountAsync(Ct)));
        }
    }

    /// <summary>Departments in the newest published monthly sheet (the base demo's scored ones and the scaled ones).</summary>
    private async Task<int> ScoredInLatestSheetAsync()
    {
        await using var db = scaled.Db();
        var sheet = await db.ScoreSheets.Where(s => s.Status == ScoreSheetStatus.Published && s.PeriodType == ScorePeriodType.Month)
            .OrderByDescending(s => s.PeriodKey).ThenByDescending(s => s.Version).Select(s => s.Id).FirstAsync(Ct);
        return await db.DepartmentScores.CountAsync(s => s.SheetId == sheet, Ct);
    }

    private static async Task<List<int>> ScaledResourceIdsAsync(AppDbContext db)
    {
        var departments = await db.Departments.Where(d => ScaledCodes.Contains(d.Code)).Select(d => d.Id).ToListAsync(Ct);
        return await db.DataResources.Where(r => departments.Contains(r.DepartmentId)).Select(r => r.Id).ToListAsync(Ct);
    }

    private async Task<TResult> AsAsync<TService, TResult>(string user, Func<TService, Task<TResult>> load) where TService : notnull
    {
        await using var scope = await ActAs.UserAsync(Services, user);
        return await load(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private static async Task<int> ProblemTotalAsync(ProblemService problems, int? resourceId, RuleSeverity? severity)
    {
        var page = await problems.ListAsync(new ProblemQuery { ResourceId = resourceId, Severity = severity, Status = ProblemStatus.Open, PageSize = 1 }, false, Ct);
        Assert.False(page.Capped);
        return page.TotalCount;
    }
}
