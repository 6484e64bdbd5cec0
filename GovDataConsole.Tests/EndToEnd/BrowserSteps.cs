using System.Text.RegularExpressions;
using GovDataConsole.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GovDataConsole.Tests.EndToEnd;

/// <summary>What a user does in the browser, step by step, as the journeys share them.</summary>
internal static partial class BrowserSteps
{
    [GeneratedRegex(@"/account/login(\?.*)?$")]
    public static partial Regex SignInUrl();

    public static async Task SignInAsync(IPage page, string userName, string password = SignIn.DemoPassword)
    {
        await Expect(page).ToHaveURLAsync(SignInUrl());
        await page.Locator("#username").FillAsync(userName);
        await page.Locator("#password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
    }

    /// <summary>Waits until the page runs interactively on its Blazor Server circuit (see BrowserApp's probe).</summary>
    public static async Task WaitForInteractiveAsync(IPage page) =>
        await page.WaitForFunctionAsync("() => window.__govInteractive === true");

    /// <summary>Anonymous visit to a console page lands on the sign-in form.</summary>
    public static async Task OpenAnonymouslyAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await Expect(page).ToHaveURLAsync(SignInUrl());
        await Expect(page.Locator("h1.login-title")).ToHaveTextAsync("政务数据治理运营台");
    }
}
