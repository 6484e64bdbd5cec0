using System.Text.RegularExpressions;
using GovDataConsole.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GovDataConsole.Tests.EndToEnd;

/// <summary>Each demo role, in a real Chromium: sign in, see its home and exactly its menu, screenshot, sign out.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RoleJourneyTests(BrowserApp app)
{
    private sealed record Expected(string Name, string RoleLabel, string Department, string[] Menu, string[] Links);

    // The menu as each role must see it, in order: section titles followed by their links.
    private static readonly Dictionary<string, Expected> ByUser = new()
    {
        ["admin"] = new("王建国", "系统管理员", "杭州市数据资源管理局",
            ["首页", "数据目录", "资源目录", "信息系统", "代码表", "数据归集", "归集任务", "数据批次", "数据清洗", "清洗规则", "数据质量", "质量规则", "敏感字段规则", "核查记录", "问题数据", "例外管理", "数据预检", "系统管理", "部门管理", "用户管理", "工作日历", "审计日志", "后台任务"],
            ["/", "/catalog", "/catalog/systems", "/catalog/dictionaries", "/collection/tasks", "/collection/batches", "/cleansing", "/quality/rules", "/quality/bindings", "/quality/runs", "/quality/problems", "/quality/exceptions", "/quality/precheck", "/admin/departments", "/admin/users", "/admin/calendar", "/admin/audit", "/hangfire"]),
        ["steward"] = new("李晓梅", "数据治理专员", "杭州市数据资源管理局",
            ["首页", "数据目录", "资源目录", "信息系统", "代码表", "数据归集", "归集任务", "数据批次", "数据清洗", "清洗规则", "数据质量", "质量规则", "敏感字段规则", "核查记录", "问题数据", "例外管理", "数据预检"],
            ["/", "/catalog", "/catalog/systems", "/catalog/dictionaries", "/collection/tasks", "/collection/batches", "/cleansing", "/quality/rules", "/quality/bindings", "/quality/runs", "/quality/problems", "/quality/exceptions", "/quality/precheck"]),
        ["manager"] = new("张志远", "领导", "杭州市数据资源管理局",
            ["首页", "数据目录", "资源目录", "数据归集", "归集任务", "数据批次", "数据清洗", "清洗规则", "数据质量", "质量规则", "核查记录", "问题数据", "例外管理"],
            ["/", "/catalog", "/collection/tasks", "/collection/batches", "/cleansing", "/quality/rules", "/quality/runs", "/quality/problems", "/quality/exceptions"]),
        ["gongan"] = new("陈静", "部门填报员", "杭州市公安局",
            ["首页", "数据目录", "资源目录", "信息系统", "数据归集", "归集任务", "数据批次", "数据清洗", "清洗规则", "数据质量", "质量规则", "核查记录", "问题数据", "例外管理", "数据预检"],
            ["/", "/catalog", "/catalog/systems", "/collection/tasks", "/collection/batches", "/cleansing", "/quality/rules", "/quality/runs", "/quality/problems", "/quality/exceptions", "/quality/precheck"]),
    };

    public static TheoryData<string> DemoUsers => new(ByUser.Keys);

    [Theory]
    [MemberData(nameof(DemoUsers))]
    public async Task Demo_user_signs_in_sees_own_home_and_menu_and_signs_out(string userName)
    {
        var expected = ByUser[userName];
        await using var session = await app.NewSessionAsync();
        var page = session.Page;

        await BrowserSteps.OpenAnonymouslyAsync(page, "/");
        await BrowserSteps.SignInAsync(page, userName);

        await Expect(page).ToHaveURLAsync(app.BaseUrl + "/");
        await Expect(page.GetByTestId("home-title")).ToHaveTextAsync($"{expected.Name}，您好");
        // Live on the Blazor circuit; from here on the prerendered DOM has been replaced and stays put.
        await BrowserSteps.WaitForInteractiveAsync(page);
        await Expect(page.GetByTestId("user-role")).ToHaveTextAsync(expected.RoleLabel);
        await Expect(page.GetByTestId("user-box")).ToContainTextAsync(expected.Name);
        await Expect(page.GetByTestId("user-box")).ToContainTextAsync(expected.Department);

        var drawer = page.Locator(".mud-drawer");
        await Expect(drawer.Locator(".mud-nav-link-text")).ToHaveTextAsync(expected.Menu);
        var hrefs = await drawer.Locator("a.mud-nav-link").EvaluateAllAsync<string[]>("links => links.map(a => new URL(a.href).pathname)");
        Assert.Equal(expected.Links, hrefs);

        // Chinese is drawn with real CJK glyphs, not missing-glyph boxes.
        await Expect(page.GetByTestId("home-title")).ToHaveTextAsync($"{expected.Name}，您好");
        var fonts = await BrowserApp.RenderedFontsAsync(page, "[data-testid=home-title]");
        var cjkFonts = BrowserApp.ChineseFontFamilies();
        Assert.NotEmpty(fonts);
        Assert.All(fonts.Where(f => f.Glyphs > 0), f => Assert.Contains(f.Family, cjkFonts));
        Assert.Equal($"{expected.Name}，您好".Length, fonts.Sum(f => f.Glyphs));

        // Styled by MudBlazor's stylesheet, and interactive: the menu button toggles the drawer.
        await Expect(page.Locator(".mud-appbar")).ToHaveCSSAsync("position", "fixed");
        await BrowserApp.ScreenshotAsync(page, userName);
        await page.GetByRole(AriaRole.Button, new() { Name = "展开/收起菜单" }).ClickAsync();
        await Expect(drawer).ToHaveClassAsync(new Regex("mud-drawer--closed"));

        await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/account/login$"));
        await Expect(page.Locator("#username")).ToBeVisibleAsync();

        // The session is really over: the console sends the user back to sign-in.
        await BrowserSteps.OpenAnonymouslyAsync(page, "/");
    }
}
