using System.Text.RegularExpressions;
using GovDataConsole.Tests.Infrastructure;
using GovDataConsole.Tests.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static GovDataConsole.Tests.Scoring.ScoringKit;

namespace GovDataConsole.Tests.EndToEnd;

/// <summary>
/// Issue 8 in a real Chromium: an admin computes July's scores (the Hangfire job runs and the page refreshes itself) and
/// publishes them; a manager opens the ranking and the 红黑榜, drills into 公安局 and follows a work order behind its score.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ScoringJourneyTests(BrowserApp app)
{
    private const string Period = "2026-07";

    [Fact]
    public async Task Admin_computes_and_publishes_a_month_and_a_manager_drills_from_the_ranking_down_to_a_work_order()
    {
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        var errors = BrowserSteps.CollectErrors(page);
        var orderId = await ArrangeOrderAsync();

        // 1. Admin: nothing computed yet for July; compute, watch the sheet appear, publish.
        await BrowserSteps.OpenAsAsync(page, "admin", $"/scoring?period={Period}");
        await Expect(page.Locator("h1")).ToHaveTextAsync("考核评分");
        await Expect(page.GetByTestId("score-empty")).ToContainTextAsync($"{Period} 尚未计算考核得分");
        await page.GetByTestId("score-compute").ClickAsync();
        await Expect(page.GetByTestId("sheet-info")).ToContainTextAsync($"{Period} · v1", new() { Timeout = 60_000 });
        await Expect(page.GetByTestId("sheet-status")).ToHaveTextAsync("草稿");
        await page.GetByTestId("score-publish").ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "发布" }).ClickAsync();
        await Expect(page.GetByTestId("sheet-status")).ToHaveTextAsync("已发布");
        await Expect(page.GetByTestId("score-publish")).ToHaveCountAsync(0);
        await BrowserSteps.AssertNoErrorsAsync(page, errors);
        await page.GotoAsync("/scoring/model");
        await Expect(page.GetByTestId("weight-sum")).ToHaveTextAsync("100");
        await BrowserApp.ScreenshotAsync(page, "scoring-3-model");
        await session.Context.ClearCookiesAsync();

        // 2. Manager: the ranking with grades, then the red and black lists.
        await BrowserSteps.OpenAsAsync(page, "manager", $"/scoring?period={Period}");
        var ranking = page.GetByTestId("ranking");
        await Expect(ranking.Locator("tbody tr")).ToHaveCountAsync(3);
        await Expect(ranking).ToContainTextAsync("杭州市公安局");
        await Expect(ranking.Locator("[data-grade]").First).ToBeVisibleAsync();
        await Expect(page.GetByTestId("score-compute")).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(page, "scoring-1-ranking");
        await page.GetByRole(AriaRole.Tab, new() { Name = "红黑榜" }).ClickAsync();
        await Expect(page.GetByTestId("red-list")).ToContainTextAsync("红榜（前 3 名）");
        await Expect(page.GetByTestId("black-list")).ToContainTextAsync("黑榜（后 3 名）");
        await page.GetByRole(AriaRole.Tab, new() { Name = "排名" }).ClickAsync();

        // 3. Drill into 公安局: total → indicators → the order behind 整改完成率.
        await ranking.GetByRole(AriaRole.Link, new() { Name = "杭州市公安局" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($@"/scoring/{Period}/\d+\?v=1$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync($"杭州市公安局 · {Period}");
        await Expect(page.GetByTestId("indicator-summary")).ToContainTextAsync("整改完成率");
        var orders = page.GetByTestId("indicator-RectificationCompletion");
        await Expect(orders).ToContainTextAsync("本考核期内派发给本部门的工单中");
        await Expect(orders).ToContainTextAsync("接收 1，办结 1，按期办结 1");
        await Expect(page.GetByTestId("comparison")).ToContainTextAsync("2026-06");
        await BrowserApp.ScreenshotAsync(page, "scoring-2-breakdown");
        await BrowserSteps.AssertNoErrorsAsync(page, errors);
        var link = orders.GetByTestId("order-link");
        await Expect(link).ToHaveAttributeAsync("href", $"rectification/orders/{orderId}");
        await link.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/rectification/orders/{orderId}$"));
    }

    /// <summary>A July order of 公安局's demo resource, dispatched and closed on time.</summary>
    private async Task<int> ArrangeOrderAsync()
    {
        var services = app.Services;
        await using var db = ActAs.Db(services);
        var resource = await db.DataResources.AsNoTracking().SingleAsync(r => r.Code == "330100GAJ/00001", Ct);
        return await OrderAsync(services, resource, At(2026, 7, 6), new DateOnly(2026, 7, 13), At(2026, 7, 9), At(2026, 7, 10), "R1");
    }
}
