using Bunit;
using GovDataConsole.Components.Layout;
using GovDataConsole.Features.Organization;
using MudBlazor.Services;

namespace GovDataConsole.Tests.Components;

/// <summary>The navigation shows each role exactly its sections and links, nothing more.</summary>
public sealed class NavMenuTests : BunitContext
{
    private static readonly (string Text, string Href)[] AdminLinks =
        [("部门管理", "admin/departments"), ("用户管理", "admin/users"), ("工作日历", "admin/calendar"), ("审计日志", "admin/audit"), ("后台任务", "hangfire")];

    public NavMenuTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private static readonly (string Text, string Href)[] CatalogLinks = [("资源目录", "catalog"), ("信息系统", "catalog/systems"), ("代码表", "catalog/dictionaries")];

    private static readonly (string Text, string Href)[] CollectionAndCleansingLinks =
        [("归集任务", "collection/tasks"), ("数据批次", "collection/batches"), ("清洗规则", "cleansing")];

    private static readonly (string Text, string Href)[] QualityLinks =
    [
        ("质量规则", "quality/rules"), ("敏感字段规则", "quality/bindings"), ("核查记录", "quality/runs"), ("问题数据", "quality/problems"),
        ("例外管理", "quality/exceptions"), ("数据预检", "quality/precheck"),
    ];

    private static readonly Dictionary<string, (string[] Sections, (string Text, string Href)[] Links)> Expected = new()
    {
        [Roles.Admin] = (["数据目录", "数据归集", "数据清洗", "数据质量", "系统管理"],
            [("首页", ""), .. CatalogLinks, .. CollectionAndCleansingLinks, .. QualityLinks, .. AdminLinks]),
        [Roles.Steward] = (["数据目录", "数据归集", "数据清洗", "数据质量"], [("首页", ""), .. CatalogLinks, .. CollectionAndCleansingLinks, .. QualityLinks]),
        [Roles.DepartmentStaff] = (["数据目录", "数据归集", "数据清洗", "数据质量"],
            [("首页", ""), .. CatalogLinks[..2], .. CollectionAndCleansingLinks, QualityLinks[0], .. QualityLinks[2..]]),
        [Roles.Manager] = (["数据目录", "数据归集", "数据清洗", "数据质量"], [("首页", ""), CatalogLinks[0], .. CollectionAndCleansingLinks, QualityLinks[0], .. QualityLinks[2..5]]),
    };

    [Theory]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.Steward)]
    [InlineData(Roles.DepartmentStaff)]
    [InlineData(Roles.Manager)]
    public void Each_role_sees_exactly_its_sections_and_links(string role)
    {
        var menu = Render<NavMenu>(p => p.Add(x => x.Role, role));

        var groups = menu.FindAll(".mud-nav-group > button .mud-nav-link-text").Select(e => e.TextContent.Trim());
        Assert.Equal(Expected[role].Sections, groups);
        var links = menu.FindAll("a.mud-nav-link")
            .Select(a => (Text: a.QuerySelector(".mud-nav-link-text")!.TextContent.Trim(), Href: a.GetAttribute("href") ?? ""));
        Assert.Equal(Expected[role].Links, links);
    }

    [Fact]
    public void Without_a_role_only_the_home_link_is_shown()
    {
        var menu = Render<NavMenu>(p => p.Add(x => x.Role, null));

        var link = Assert.Single(menu.FindAll("a.mud-nav-link"));
        Assert.Equal("首页", link.TextContent.Trim());
        Assert.Empty(menu.FindAll(".mud-nav-group"));
    }

    [Fact]
    public void The_job_dashboard_link_leaves_the_Blazor_app()
    {
        var menu = Render<NavMenu>(p => p.Add(x => x.Role, Roles.Admin));
        var jobs = menu.FindAll("a.mud-nav-link").Single(a => a.GetAttribute("href") == "hangfire");
        Assert.Equal("后台任务", jobs.TextContent.Trim());
        Assert.True(ConsoleNavigation.Sections.SelectMany(s => s.Items).Single(i => i.Href == "hangfire").ForceLoad);
    }
}
