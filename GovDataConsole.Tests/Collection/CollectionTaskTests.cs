using System.Text;
using GovDataConsole.Features.Catalog;
using GovDataConsole.Features.Collection;
using GovDataConsole.Features.Shared;
using GovDataConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GovDataConsole.Tests.Collection.CollectionKit;

namespace GovDataConsole.Tests.Collection;

/// <summary>Task generation on the real 2026 working-day calendar, idempotence, 缺报, and on-time versus late hand-ins.</summary>
public sealed class CollectionTaskTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>UTC instant of a China Standard Time wall-clock time.</summary>
    private static DateTime Cst(string local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture), ChinaTime.Zone);

    private async Task<int> RunTaskJobAsync(DateOnly today)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CollectionTaskJob>().RunAsync(today, Ct);
    }

    private async Task<List<CollectionTask>> TasksAsync(int resourceId)
    {
        await using var db = ActAs.Db(app.Services);
        return await db.CollectionTasks.AsNoTracking().Where(t => t.DataResourceId == resourceId).OrderBy(t => t.PeriodStart).ToListAsync(Ct);
    }

    private static byte[] ValidCsv() => Encoding.UTF8.GetBytes("公民身份号码,姓名,出生日期\n110105199003071234,张三,1990-03-07\n");

    [Fact]
    public async Task Tasks_fall_due_five_working_days_after_the_period_on_the_2026_calendar()
    {
        // Published on Monday 2026-09-21 (CST), the week of the Mid-Autumn holiday, just before National Day (10-01..10-07,
        // make-up working Saturday 10-10). The daily resource is published at 01:00 CST on 09-29, still 09-28 in UTC.
        var weekly = await PublishResourceAsync(app.Services, "330100GAJ", UpdateCycle.Weekly, publishedUtc: Cst("2026-09-21 10:00"));
        var monthly = await PublishResourceAsync(app.Services, "330100GAJ", UpdateCycle.Monthly, publishedUtc: Cst("2026-09-21 10:00"));
        var daily = await PublishResourceAsync(app.Services, "330100GAJ", UpdateCycle.Daily, publishedUtc: Cst("2026-09-29 01:00"));

        Assert.True(await RunTaskJobAsync(D("2026-10-20")) >= 5 + 2 + 22);

        var weeks = await TasksAsync(weekly);
        Assert.Equal(
        [
            ("2026-W39", D("2026-09-21"), D("2026-09-27"), D("2026-10-09"), CollectionTaskStatus.Missing),
            ("2026-W40", D("2026-09-28"), D("2026-10-04"), D("2026-10-13"), CollectionTaskStatus.Missing),
            ("2026-W41", D("2026-10-05"), D("2026-10-11"), D("2026-10-16"), CollectionTaskStatus.Missing),
            ("2026-W42", D("2026-10-12"), D("2026-10-18"), D("2026-10-23"), CollectionTaskStatus.Pending),
            ("2026-W43", D("2026-10-19"), D("2026-10-25"), D("2026-10-30"), CollectionTaskStatus.Pending),
        ], weeks.Select(t => (t.PeriodKey, t.PeriodStart, t.PeriodEnd, t.DueDate, t.Status)));

        var months = await TasksAsync(monthly);
        Assert.Equal(
        [
            ("2026-09", D("2026-10-13"), CollectionTaskStatus.Missing),
            ("2026-10", D("2026-11-06"), CollectionTaskStatus.Pending),
        ], months.Select(t => (t.PeriodKey, t.DueDate, t.Status)));

        var days = await TasksAsync(daily);
        Assert.Equal(22, days.Count);
        Assert.Equal("2026-09-29", days[0].PeriodKey);
        Assert.Equal("2026-10-20", days[^1].PeriodKey);
        var due = days.ToDictionary(t => t.PeriodKey, t => t.DueDate);
        Assert.Equal(D("2026-10-12"), due["2026-09-29"]); // 09-30, 10-08, 10-09, 10-10 (make-up Saturday), 10-12
        Assert.Equal(D("2026-10-13"), due["2026-09-30"]);
        Assert.Equal(D("2026-10-13"), due["2026-10-04"]); // a holiday counts from the first working day after it
        Assert.Equal(D("2026-10-15"), due["2026-10-09"]);
        Assert.Equal(D("2026-10-16"), due["2026-10-10"]); // the make-up Saturday itself is a period end like any other
        Assert.All(weeks.Concat(months).Concat(days), t => Assert.Null(t.BatchId));
        var gaj = await DepartmentIdAsync(app.Services, "330100GAJ");
        Assert.All(weeks, t => Assert.Equal(gaj, t.DepartmentId));
    }

    [Fact]
    public async Task Running_the_job_again_creates_nothing_twice_and_a_week_later_only_the_new_periods()
    {
        var weekly = await PublishResourceAsync(app.Services, "330100GAJ", UpdateCycle.Weekly, publishedUtc: Cst("2026-09-21 10:00"));
        var monthly = await PublishResourceAsync(app.Services, "330100GAJ", UpdateCycle.Monthly, publishedUtc: Cst("2026-09-21 10:00"));

        Assert.True(await RunTaskJobAsync(D("2026-10-20")) >= 7);
        Assert.Equal(0, await RunTaskJobAsync(D("2026-10-20")));
        Assert.Equal(0, await RunTaskJobAsync(D("2026-10-20")));
        Assert.Equal(5, (await TasksAsync(weekly)).Count);
        Assert.Equal(2, (await TasksAsync(monthly)).Count);

        // One week on: W44 appears, W42 (due 10-23) is now 缺报, nothing is duplicated.
        await RunTaskJobAsync(D("2026-10-27"));
        var weeks = await TasksAsync(weekly);
        Assert.Equal(["2026-W39", "2026-W40", "2026-W41", "2026-W42", "2026-W43", "2026-W44"], weeks.Select(t => t.PeriodKey));
        Assert.Equal(CollectionTaskStatus.Missing, weeks.Single(t => t.PeriodKey == "2026-W42").Status);
        Assert.Equal(CollectionTaskStatus.Pending, weeks.Single(t => t.PeriodKey == "2026-W43").Status);
        Assert.Equal(D("2026-11-06"), weeks.Single(t => t.PeriodKey == "2026-W44").DueDate);
        Assert.Equal(["2026-09", "2026-10"], (await TasksAsync(monthly)).Select(t => t.PeriodKey));

        await using var db = ActAs.Db(app.Services);
        Assert.False(await db.CollectionTasks.GroupBy(t => new { t.DataResourceId, t.PeriodKey }).AnyAsync(g => g.Count() > 1, Ct));
    }

    [Fact]
    public async Task Unpublished_resources_get_no_tasks_and_nothing_before_publication()
    {
        var published = await PublishResourceAsync(app.Services, "330100GAJ", UpdateCycle.Monthly, publishedUtc: Cst("2026-11-01 00:30")); // 10-31 in UTC
        await RunTaskJobAsync(D("2026-10-31"));
        Assert.Empty(await TasksAsync(published));
        await RunTaskJobAsync(D("2026-11-01"));
        Assert.Equal(["2026-11"], (await TasksAsync(published)).Select(t => t.PeriodKey));

        await using var db = ActAs.Db(app.Services);
        var drafts = await db.DataResources.Where(r => r.Status != ResourceStatus.Published).Select(r => r.Id).ToListAsync(Ct);
        Assert.NotEmpty(drafts);
        Assert.False(await db.CollectionTasks.AnyAsync(t => drafts.Contains(t.DataResourceId), Ct));
    }

    [Fact]
    public void A_batch_uploaded_by_the_end_of_the_due_date_in_China_time_is_on_time()
    {
        var resource = new DataResource(new ResourceForm
        {
            Code = "330100GAJ/09999", Name = "边界", UpdateCycle = UpdateCycle.Monthly, Items = PersonItems(),
        });
        var period = CollectionPeriod.Containing(UpdateCycle.Monthly, D("2026-09-15"));

        var onTime = new CollectionTask(resource, period, D("2026-10-13"));
        onTime.Fulfil(7, Cst("2026-10-13 23:59:59")); // 15:59:59 UTC
        Assert.Equal((CollectionTaskStatus.Submitted, 7), (onTime.Status, onTime.BatchId));

        var late = new CollectionTask(resource, period, D("2026-10-13"));
        late.Fulfil(8, Cst("2026-10-14 00:00:00")); // still 10-13 in UTC
        Assert.Equal((CollectionTaskStatus.SubmittedLate, 8), (late.Status, late.BatchId));

        // The first hand-in stands; a later batch does not change the task.
        onTime.Fulfil(9, Cst("2026-12-01 09:00"));
        Assert.Equal((CollectionTaskStatus.Submitted, 7, Cst("2026-10-13 23:59:59")), (onTime.Status, onTime.BatchId, onTime.SubmittedUtc));
    }

    [Fact]
    public async Task Imports_fulfil_tasks_late_or_on_time_and_the_matrix_and_rates_show_it()
    {
        // 卫健委 has no published demo resource, so its rates come from this test alone. Published on the 1st three months ago:
        // tasks for months m-3 (handed in late now), m-2 (缺报), m-1 (缺报 or still open, by today's date) and m0 (on time now).
        var today = ChinaTime.Today;
        var firstMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-3);
        var resource = await PublishResourceAsync(app.Services, "330100WJW", UpdateCycle.Monthly,
            publishedUtc: TimeZoneInfo.ConvertTimeToUtc(firstMonth.ToDateTime(new TimeOnly(9, 0)), ChinaTime.Zone), name: "卫健测试资源");
        await RunTaskJobAsync(today);
        var tasks = await TasksAsync(resource);
        Assert.Equal(Enumerable.Range(0, 4).Select(i => firstMonth.AddMonths(i).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)),
            tasks.Select(t => t.PeriodKey));
        Assert.All(tasks[..2], t => Assert.Equal(CollectionTaskStatus.Missing, t.Status));
        var previous = tasks[2].DueDate < today ? CollectionTaskStatus.Missing : CollectionTaskStatus.Pending;
        Assert.Equal(previous, tasks[2].Status);
        Assert.True(tasks[3].DueDate > today);
        Assert.Equal(CollectionTaskStatus.Pending, tasks[3].Status);

        var late = await ImportAsync(app.Services, "steward", resource, tasks[0].PeriodKey, "补报.csv", ValidCsv());
        var onTime = await ImportAsync(app.Services, "steward", resource, tasks[3].PeriodKey, "本期.csv", ValidCsv());

        tasks = await TasksAsync(resource);
        Assert.Equal((CollectionTaskStatus.SubmittedLate, late), (tasks[0].Status, tasks[0].BatchId));
        Assert.Equal((CollectionTaskStatus.Missing, (int?)null), (tasks[1].Status, tasks[1].BatchId));
        Assert.Equal((CollectionTaskStatus.Submitted, onTime), (tasks[3].Status, tasks[3].BatchId));
        Assert.Equal((await BatchAsync(app.Services, onTime)).UploadedUtc, tasks[3].SubmittedUtc);
        Assert.Equal(tasks[0].Id, (await BatchAsync(app.Services, late)).TaskId);

        await using var scope = await ActAs.UserAsync(app.Services, "steward");
        var overview = await scope.ServiceProvider.GetRequiredService<CollectionService>().OverviewAsync(null, 4, Ct);
        Assert.Equal(tasks.Select(t => t.PeriodKey), overview.Months);
        var row = overview.Matrix.Single(r => r.ResourceId == resource);
        Assert.Equal("杭州市卫生健康委员会", row.DepartmentName);
        var previousCell = previous == CollectionTaskStatus.Missing ? (1, 0, 0, 1, 0) : (1, 0, 0, 0, 1);
        Assert.Equal([(1, 0, 1, 0, 0), (1, 0, 0, 1, 0), previousCell, (1, 1, 0, 0, 0)],
            row.Cells.Select(c => (c.Total, c.OnTime, c.Late, c.Missing, c.Pending)));
        var missing = previous == CollectionTaskStatus.Missing ? 2 : 1;
        var rate = overview.Rates.Single(r => r.DepartmentName == "杭州市卫生健康委员会");
        Assert.Equal((2 + missing, 1, 1, missing), (rate.Due, rate.OnTime, rate.Late, rate.Missing));
        Assert.Equal(1.0 / (2 + missing), rate.Timeliness, 6);
        Assert.Equal(2.0 / (2 + missing), rate.Completeness, 6);
    }
}
