using GovDataConsole.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GovDataConsole.Tests.EndToEnd;

/// <summary>The sign-in page's refusals as a browser user meets them.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SignInTests(BrowserApp app)
{
    [Fact]
    public async Task Wrong_password_shows_the_Chinese_error_and_stays_signed_out()
    {
        await using var session = await app.NewSessionAsync();
        var page = session.Page;

        await BrowserSteps.OpenAnonymouslyAsync(page, "/account/login");
        await BrowserSteps.SignInAsync(page, "shichang", "Wrong@2026!");

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("用户名或密码错误");
        await Expect(page).ToHaveURLAsync(BrowserSteps.SignInUrl());
        await Expect(page.Locator("#username")).ToHaveValueAsync("shichang");
        // The rejected password is not echoed back into the page.
        await Expect(page.Locator("#password")).ToHaveValueAsync("");
        Assert.DoesNotContain("Wrong@2026!", await page.ContentAsync());
        await BrowserApp.ScreenshotAsync(page, "wrong-password");
        await BrowserSteps.OpenAnonymouslyAsync(page, "/");
    }

    [Theory]
    [InlineData("/admin/users", "用户管理")]
    [InlineData("/admin/departments", "部门管理")]
    public async Task Department_staff_typing_an_admin_address_is_refused(string path, string adminHeading)
    {
        await using var session = await app.NewSessionAsync();
        var page = session.Page;

        await BrowserSteps.OpenAnonymouslyAsync(page, "/");
        await BrowserSteps.SignInAsync(page, "shichang");
        await Expect(page.GetByTestId("home-title")).ToHaveTextAsync("刘洋，您好");

        await page.GotoAsync(path);
        await Expect(page.GetByText("您没有访问该页面或数据的权限")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = adminHeading })).ToHaveCountAsync(0);
        await Expect(page.Locator(".mud-table")).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(page, "refused" + path.Replace('/', '-'));
    }
}
