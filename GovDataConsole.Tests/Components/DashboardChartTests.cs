using Bunit;
using GovDataConsole.Features.Collection;
using GovDataConsole.Features.Dashboard;
using GovDataConsole.Features.Dashboard.Pages;
using GovDataConsole.Features.Rectification;
using GovDataConsole.Quality;
using MudBlazor;
using MudBlazor.Services;

namespace GovDataConsole.Tests.Components;

/// <summary>The dashboards' charts plot exactly the service's numbers, and every figure links to its list.</summary>
public sealed class DashboardChartTests : BunitContext
{
    public DashboardChartTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private static readonly DepartmentRate Total = new(0, "", 10, 6, 2, 2);

    private static ManagerView Manager(RankingExcerpt? ranking = null) => new(
        [new("2026-01", null, 0), new("2026-02", 81.5m, 3), new("2026-03", 90.25m, 1)],
        new Dictionary<WorkOrderStatus, int> { [WorkOrderStatus.InProgress] = 4, [WorkOrderStatus.Dispatched] = 2, [WorkOrderStatus.Closed] = 0 },
        [new(7, "公安局", 3), new(9, "市场监管局", 1)], ranking, 6, Total,
        [new(7, "公安局", 4, 1, 2, 1), new(9, "市场监管局", 4, 4, 0, 0), new(8, "人社局", 2, 1, 0, 1)]);

    [Fact]
    public void The_manager_charts_plot_the_trend_orders_overdue_and_rates_of_the_view()
    {
        var view = Render<ManagerHome>(p => p.Add(x => x.View, Manager()));
        var charts = view.FindComponents<MudChart<double>>().Select(c => c.Instance).ToList();

        var trend = Assert.Single(charts, c => c.ChartType == ChartType.Line);
        Assert.Equal(["2026-01", "2026-02", "2026-03"], trend.ChartLabels);
        Assert.Equal([null, 81.5, 90.25], Values(Assert.Single(trend.ChartSeries)));

        var orders = Assert.Single(charts, c => c.ChartType == ChartType.Donut);
        Assert.Equal(["待签收", "整改中"], orders.ChartLabels);
        Assert.Equal([2, 4], Values(Assert.Single(orders.ChartSeries)));
        Assert.Equal("rectification/orders?status=InProgress", view.Find("[data-testid=orders-InProgress]").GetAttribute("href"));
        Assert.Contains("4", view.Find("[data-testid=orders-InProgress]").TextContent);

        var bars = charts.Where(c => c.ChartType == ChartType.Bar).ToList();
        Assert.Equal(["1", "2"], bars[0].ChartLabels);
        Assert.Equal([3, 1], Values(Assert.Single(bars[0].ChartSeries)));
        Assert.Equal(["1. 公安局 3", "2. 市场监管局 1"], view.FindAll("[data-testid=overdue-by-department] ~ .dash-figures a").Select(a => a.TextContent.Trim()));
        Assert.Equal("rectification/orders?overdue=true", view.Find("[data-testid=overdue-total]").GetAttribute("href"));
        Assert.Contains("4", view.Find("[data-testid=overdue-total]").TextContent);

        // Lowest timeliness first: 公安局 25%, 人社局 50%, 市场监管局 100%.
        Assert.Equal(["1", "2", "3"], bars[1].ChartLabels);
        Assert.Equal(["1公安局", "2人社局", "3市场监管局"],
            view.FindAll("[data-testid=collection-rate-table] tbody tr").Select(tr => string.Concat(tr.QuerySelectorAll("td").Take(2).Select(td => td.TextContent.Trim()))));
        Assert.Equal([25, 50, 100], Values(bars[1].ChartSeries[0]));
        Assert.Equal([75, 50, 100], Values(bars[1].ChartSeries[1]));
        Assert.Equal(Total.Timeliness.ToString("P1"), view.Find("[data-testid=rate-timeliness]").TextContent.Replace("归集及时率", "").Trim());
        Assert.Equal("暂无已发布的考核结果", view.Find("[data-testid=ranking-empty]").TextContent);
    }

    [Fact]
    public void Without_data_the_charts_give_way_to_empty_states()
    {
        var empty = new ManagerView([new("2026-03", null, 0)], new Dictionary<WorkOrderStatus, int>(), [], null, 6, new(0, "", 0, 0, 0, 0), []);

        var view = Render<ManagerHome>(p => p.Add(x => x.View, empty));

        Assert.Empty(view.FindComponents<MudChart<double>>());
        Assert.Equal("近 12 个月没有已完成的核查运行", view.Find("[data-testid=quality-trend-empty]").TextContent);
        Assert.Equal("暂无工单", view.Find("[data-testid=orders-empty]").TextContent);
        Assert.Equal("暂无超期工单", view.Find("[data-testid=overdue-empty]").TextContent);
    }

    [Fact]
    public void A_published_ranking_shows_its_top_and_bottom_linked_to_the_ranking()
    {
        var ranking = new RankingExcerpt("2026-02", 12, [new(1, "甲局", 1, 98.5m, "优秀")], [new(2, "乙局", 12, 55m, "不合格")], "scoring?period=2026-02");

        var view = Render<ManagerHome>(p => p.Add(x => x.View, Manager(ranking)));

        Assert.Contains("甲局", view.Find("[data-testid=ranking-top]").TextContent);
        Assert.Contains("不合格", view.Find("[data-testid=ranking-bottom]").TextContent);
        Assert.All(view.FindAll("[data-testid=ranking-excerpt] a"), a => Assert.Equal("scoring?period=2026-02", a.GetAttribute("href")));
    }

    [Fact]
    public void The_steward_queue_links_each_resource_and_severity_to_its_open_problems()
    {
        var steward = new StewardView(
            [new(5, "R5", "人口", "公安局", RuleSeverity.Critical, 3), new(5, "R5", "人口", "公安局", RuleSeverity.Minor, 2), new(6, "R6", "企业", "市场监管局", RuleSeverity.Critical, 1)],
            2, 1, 1, 4, 0, 7);

        var view = Render<StewardHome>(p => p.Add(x => x.View, steward));

        var links = view.FindAll("[data-testid=problem-queue] a").Select(a => (a.GetAttribute("href"), a.TextContent.Trim())).ToList();
        Assert.Contains(("quality/problems?status=Open&resource=5&severity=Critical", "3"), links);
        Assert.Contains(("quality/problems?status=Open&resource=5&severity=Minor", "2"), links);
        Assert.Contains(("quality/problems?status=Open&resource=5", "5"), links);
        Assert.Contains(("quality/problems?status=Open&severity=Critical", "4"), links);
        Assert.Contains(("quality/problems?status=Open", "6"), links);
        Assert.Equal("rectification/orders?status=AwaitingReview", view.Find("[data-testid=awaiting-review]").GetAttribute("href"));
        Assert.Equal("quality/runs?status=Failed", view.Find("[data-testid=failed-runs]").GetAttribute("href"));
        Assert.Equal("collection/batches?status=Failed", view.Find("[data-testid=failed-batches]").GetAttribute("href"));
        Assert.Equal(("hangfire", "7"), (view.Find("[data-testid=failed-jobs]").GetAttribute("href"), view.Find("[data-testid=failed-jobs]").TextContent));
    }

    [Fact]
    public void Staff_see_their_score_with_rank_once_published_and_a_draft_without()
    {
        StaffView Staff(OwnScore? score) => new("公安局", new DateOnly(2026, 3, 8), 0, [], 0, [], 1,
            [new(3, "ZG-2026-000003", "户籍地址为空", WorkOrderStatus.InProgress, new DateOnly(2026, 3, 5), true)], score);

        var published = Render<StaffHome>(p => p.Add(x => x.View, Staff(new OwnScore("2026-02", true, 88.5m, "良好", 3, 12, "scoring/departments/7"))));
        Assert.Contains("2026-02 · 良好 · 第 3 名 / 共 12 个部门", published.Find("[data-testid=own-score]").TextContent);
        Assert.Equal("rectification/orders/3", published.Find("[data-testid=staff-orders] a").GetAttribute("href"));

        var draft = Render<StaffHome>(p => p.Add(x => x.View, Staff(new OwnScore("2026-03", false, 70m, null, null, null, "scoring/departments/7"))));
        Assert.Contains("2026-03 考核草稿得分", draft.Find("[data-testid=own-score]").TextContent);
        Assert.DoesNotContain("名", draft.Find("[data-testid=own-score]").TextContent.Replace("排名", ""));

        var none = Render<StaffHome>(p => p.Add(x => x.View, Staff(null)));
        Assert.Equal("暂无考核结果", none.Find("[data-testid=own-score-empty]").TextContent);
    }

    private static double?[] Values(ChartSeries<double> series) => series.Data.Points.Select(p => p.HasValue ? (double?)p.Y : null).ToArray();
}
