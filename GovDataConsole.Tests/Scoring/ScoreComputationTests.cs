using GovDataConsole.Features.Collection;
using GovDataConsole.Features.Scoring;
using GovDataConsole.Features.Shared;
using GovDataConsole.Scoring;
using GovDataConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GovDataConsole.Tests.Scoring.ScoringKit;

namespace GovDataConsole.Tests.Scoring;

/// <summary>March 2025 of a fresh department, built by hand: every indicator comes out as counted on paper.</summary>
public sealed class ScoreComputationTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    [Fact]
    public async Task Every_indicator_of_a_hand_counted_month()
    {
        var s = app.Services;
        var department = await DepartmentAsync(s);
        var r1 = await ResourceAsync(s, department, "人口信息");
        var r2 = await ResourceAsync(s, department, "法人信息");
        var r3 = await ResourceAsync(s, department, "社保信息");
        var r4 = await ResourceAsync(s, department, "医保信息");

        // Orders: February's (closed 20 Feb, rule RA on r1) is outside March's cohort but makes RA a recurrence in March.
        var february = await OrderAsync(s, r1, At(2025, 2, 10), new DateOnly(2025, 2, 17), At(2025, 2, 15), At(2025, 2, 20), "RA");
        var onTime = await OrderAsync(s, r2, At(2025, 3, 3), new DateOnly(2025, 3, 10), At(2025, 3, 7), At(2025, 3, 8), "RC");
        var late = await OrderAsync(s, r1, At(2025, 3, 4), new DateOnly(2025, 3, 11), At(2025, 3, 14), At(2025, 3, 15), "RD");
        var open = await OrderAsync(s, r1, At(2025, 3, 20), new DateOnly(2025, 3, 27), null, null, "RE");

        // Runs: r2 on 5 Mar (RC fails, but its order closed only on 8 Mar: no recurrence); r1 on 10 Mar (RA recurs, RB has no order,
        // RD's order closed later); r1 on 25 Mar (RA again — counted once — and RD, now after its order closed). April and failed runs don't count.
        var run2 = await RunAsync(s, r2, 95, 100, At(2025, 3, 5), At(2025, 3, 5, 11), ("RC", 1));
        var run1 = await RunAsync(s, r1, 80, 300, At(2025, 3, 10), At(2025, 3, 10, 11), ("RA", 5), ("RB", 2), ("RD", 1));
        var run4 = await RunAsync(s, r1, 70, 200, At(2025, 3, 25), At(2025, 3, 25, 11), ("RA", 3), ("RD", 4));
        await RunAsync(s, r1, 10, 1000, At(2025, 4, 2), At(2025, 4, 2, 11), ("RD", 9));
        await FailedRunAsync(s, r1, At(2025, 3, 12));

        // Tasks of March: on time, late, missing, on time; February's missing task is another period.
        await TaskAsync(s, r1, 2025, 3, CollectionTaskStatus.Submitted);
        await TaskAsync(s, r2, 2025, 3, CollectionTaskStatus.SubmittedLate);
        await TaskAsync(s, r3, 2025, 3, CollectionTaskStatus.Missing);
        await TaskAsync(s, r4, 2025, 3, CollectionTaskStatus.Submitted);
        await TaskAsync(s, r1, 2025, 2, CollectionTaskStatus.Missing);

        await AsAsync<ScoreAdjustmentService, int>(s, "steward", a => a.AddAsync(
            new AdjustmentForm { DepartmentId = department, PeriodKey = "2025-03", Points = 3, Reason = "获评省级数据治理优秀案例" }, null, null, Ct));
        await AsAsync<ScoreAdjustmentService, int>(s, "steward", a => a.AddAsync(
            new AdjustmentForm { DepartmentId = department, PeriodKey = "2025-03", Points = -1.5m, Reason = "未按要求报送整改报告" }, null, null, Ct));

        var sheetId = await ComputeAsync(s, "2025-03");
        var b = await AsAsync<ScoreService, Breakdown>(s, "manager", x => x.BreakdownAsync(sheetId, department, Ct));
        var lines = b.Indicators.ToDictionary(i => i.Indicator);

        // 数据质量得分 = (95×100 + 80×300 + 70×200) ÷ 600 = 79.17 → 30 × 79.17 ÷ 100 = 23.75
        Assert.Equal((79.17m, 23.75m), (lines[ScoreIndicator.DataQuality].Value, lines[ScoreIndicator.DataQuality].Points));
        Assert.Equal([run2, run1, run4], lines[ScoreIndicator.DataQuality].Inputs.Runs!.Select(r => r.RunId));
        // 归集: due 4, on time 2, late 1, missing 1 → 及时率 50 (7.5 points), 完整率 75 (11.25 points)
        var collection = lines[ScoreIndicator.CollectionTimeliness];
        Assert.Equal((50m, 7.5m, 4, 2, 1, 1), (collection.Value, collection.Points, collection.Inputs.Due, collection.Inputs.OnTime, collection.Inputs.Late, collection.Inputs.Missing));
        Assert.Equal((75m, 11.25m), (lines[ScoreIndicator.CollectionCompleteness].Value, lines[ScoreIndicator.CollectionCompleteness].Points));
        // 整改: received 3, closed 2, on time 1 → 及时率 50 (10 points), 完成率 66.67 (13.33 points)
        Assert.Equal((50m, 10m), (lines[ScoreIndicator.RectificationTimeliness].Value, lines[ScoreIndicator.RectificationTimeliness].Points));
        var completion = lines[ScoreIndicator.RectificationCompletion];
        Assert.Equal((66.67m, 13.33m, 3, 2, 1), (completion.Value, completion.Points, completion.Inputs.Received, completion.Inputs.Closed, completion.Inputs.ClosedOnTime));
        Assert.Equal([onTime, late, open], completion.Inputs.OrderIds!);
        Assert.Equal([onTime, late, open], b.Orders.Select(o => o.Id));
        // 复发: (r1, RA) after February's order, (r1, RD) after the late order → 2 × 2 = −4
        var recurrence = lines[ScoreIndicator.Recurrence];
        Assert.Equal((2m, -4m), (recurrence.Value, recurrence.Points));
        Assert.Equal([(r1.Id, "RA", run1, february), (r1.Id, "RD", run4, late)],
            recurrence.Inputs.Recurrences!.Select(x => (x.ResourceId, x.RuleKey, x.RunId, x.OrderId)));
        // 加扣分: +3 − 1.5
        Assert.Equal((1.5m, 1.5m, 3m, -1.5m), (lines[ScoreIndicator.Manual].Value, lines[ScoreIndicator.Manual].Points,
            lines[ScoreIndicator.Manual].Inputs.Bonus, lines[ScoreIndicator.Manual].Inputs.Deduction));
        // 23.75 + 7.5 + 11.25 + 10 + 13.33 − 4 + 1.5
        Assert.Equal((63.33m, ScoreGrade.Pass), (b.Total, b.Grade));
    }

    [Fact]
    public async Task Departments_without_orders_runs_or_tasks_get_full_marks_and_those_without_closed_orders_zero_timeliness()
    {
        var s = app.Services;
        var department = await DepartmentAsync(s);
        var resource = await ResourceAsync(s, department, "待整改资源");
        await OrderAsync(s, resource, At(2025, 4, 7), new DateOnly(2025, 4, 14), null, null, "RA");
        var idle = await DepartmentAsync(s);
        await AsAsync<ScoreAdjustmentService, int>(s, "steward", a => a.AddAsync(
            new AdjustmentForm { DepartmentId = idle, PeriodKey = "2025-04", Points = -2, Reason = "未参加培训" }, null, null, Ct));

        var sheetId = await ComputeAsync(s, "2025-04");
        var open = await AsAsync<ScoreService, Breakdown>(s, "steward", x => x.BreakdownAsync(sheetId, department, Ct));
        Assert.Equal([100m, 100m, 100m, 0m, 0m, 0m, 0m], open.Indicators.Select(i => i.Value));
        Assert.Equal(60m, open.Total);
        var quiet = await AsAsync<ScoreService, Breakdown>(s, "steward", x => x.BreakdownAsync(sheetId, idle, Ct));
        Assert.Equal((98m, ScoreGrade.Excellent), (quiet.Total, quiet.Grade));
    }

    [Fact]
    public async Task The_nightly_job_drafts_the_period_that_just_ended_once()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var job = scope.ServiceProvider.GetRequiredService<ScoreJob>();
        await job.ScheduledAsync(Ct);
        await job.ScheduledAsync(Ct);
        var quarter = ScorePeriod.Containing(ScorePeriodType.Quarter, ChinaTime.Today).Previous.Key;
        var month = ScorePeriod.Containing(ScorePeriodType.Month, ChinaTime.Today).Previous.Key;
        await using var db = ActAs.Db(app.Services);
        var sheets = await db.ScoreSheets.Where(x => x.PeriodKey == quarter || x.PeriodKey == month).Select(x => new { x.PeriodKey, x.Status, x.ComputedBy }).ToListAsync(Ct);
        // The demo published last month already; the quarter gets one draft, by the system.
        Assert.Equal([(month, ScoreSheetStatus.Published), (quarter, ScoreSheetStatus.Draft)],
            sheets.OrderBy(x => x.PeriodKey.Length).Select(x => (x.PeriodKey, x.Status)));
        Assert.All(sheets, x => Assert.Equal(ScoreJob.System, x.ComputedBy));
    }
}
