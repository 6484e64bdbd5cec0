using System.Net;
using Bunit;
using GovDataConsole.Calendar;
using GovDataConsole.Features.Calendar;
using GovDataConsole.Features.Calendar.Pages;
using GovDataConsole.Tests.Infrastructure;

namespace GovDataConsole.Tests.Calendar;

/// <summary>系统管理 › 工作日历 over HTTP (admins only) and the month grid's colouring.</summary>
public sealed class CalendarPageTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("steward")]
    [InlineData("gongan")]
    [InlineData("manager")]
    public async Task Non_admins_are_sent_to_access_denied(string userName)
    {
        var client = await app.ClientAsAsync(userName);
        var response = await client.GetAsync("/admin/calendar", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith("/account/access-denied", location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString);
    }

    [Fact]
    public async Task Admin_sees_the_year_grid_and_the_overrides()
    {
        var client = await app.ClientAsAsync("admin");
        var response = await client.GetAsync("/admin/calendar", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("<h1>工作日历</h1>", html);
        Assert.Contains("data-testid=\"calendar-grid\"", html);
        Assert.Contains("href=\"admin/calendar\"", html);
    }

    [Fact]
    public void The_month_grid_marks_holidays_make_up_days_and_weekends()
    {
        using var context = new BunitContext();
        var days = new List<CalendarDayRow>
        {
            new(1, new DateOnly(2026, 2, 14), DayKind.Workday, "春节调休上班"),
            new(2, new DateOnly(2026, 2, 16), DayKind.Holiday, "春节"),
        };
        var grid = context.Render<CalendarYearView>(p => p.Add(x => x.Year, 2026).Add(x => x.Days, days));

        var workday = grid.Find("[data-date='2026-02-14']");
        Assert.Contains("cal-workday", workday.ClassList);
        Assert.Equal("14班", workday.TextContent.Replace(" ", "").Replace("\n", ""));
        Assert.Equal("2026-02-14 春节调休上班", workday.GetAttribute("title"));
        Assert.Contains("cal-holiday", grid.Find("[data-date='2026-02-16']").ClassList);
        Assert.Contains("cal-weekend", grid.Find("[data-date='2026-02-15']").ClassList); // a Sunday with no override here
        Assert.Equal(["cal-day"], grid.Find("[data-date='2026-02-17']").ClassList);
        Assert.Equal(12, grid.FindAll(".cal-month").Count);
        Assert.Equal(365, grid.FindAll("[data-date]").Count);
        Assert.Equal(3, grid.FindAll(".cal-month")[0].QuerySelectorAll(".cal-blank").Length); // 2026-01-01 is a Thursday
    }
}
