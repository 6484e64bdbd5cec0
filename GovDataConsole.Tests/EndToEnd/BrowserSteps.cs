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

    public const string XlsxMime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Signs in from the sign-in page the anonymous visit to <paramref name="path"/> redirected to, and waits for the live page.</summary>
    public static async Task OpenAsAsync(IPage page, string userName, string path)
    {
        await OpenAnonymouslyAsync(page, path);
        await SignInAsync(page, userName);
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(path) + "$"));
        await WaitForInteractiveAsync(page);
    }

    /// <summary>Opens a MudSelect and picks the option showing <paramref name="optionText"/>.</summary>
    public static async Task ChooseAsync(IPage page, ILocator select, string optionText)
    {
        await select.ClickAsync();
        var options = page.Locator(".mud-popover-open .mud-list-item");
        await options.Filter(new() { HasText = optionText }).First.ClickAsync();
        await Expect(options).ToHaveCountAsync(0);
    }

    /// <summary>Clicks a button that sends a file (window.govDownload) and returns the file's suggested name and content.</summary>
    public static async Task<(string Name, byte[] Content)> DownloadAsync(IPage page, ILocator button)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => button.ClickAsync());
        Assert.Null(await download.FailureAsync());
        var content = await File.ReadAllBytesAsync(await download.PathAsync());
        // Keep the file beside the screenshots, so a reviewer can open exactly what the user got.
        Directory.CreateDirectory(BrowserApp.ScreenshotDirectory);
        await File.WriteAllBytesAsync(Path.Combine(BrowserApp.ScreenshotDirectory, download.SuggestedFilename), content);
        return (download.SuggestedFilename, content);
    }

    /// <summary>Gives a file to the (hidden) input of a MudFileUpload inside <paramref name="scope"/>, as the file picker would.</summary>
    public static Task ChooseFileAsync(ILocator scope, string fileName, byte[] content, string mimeType = XlsxMime) =>
        scope.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = mimeType, Buffer = content });

    /// <summary>Collects uncaught page errors and console errors, to assert at the end of a journey that none occurred.</summary>
    public static List<string> CollectErrors(IPage page)
    {
        var errors = new List<string>();
        page.PageError += (_, error) => { lock (errors) errors.Add("page error: " + error); };
        page.Console += (_, message) =>
        {
            if (message.Type == "error") lock (errors) errors.Add("console error: " + message.Text);
        };
        return errors;
    }

    /// <summary>Fails when the page showed an error: uncaught exceptions, console errors, or Blazor's error bar.</summary>
    public static async Task AssertNoErrorsAsync(IPage page, List<string> errors)
    {
        await Expect(page.Locator("#blazor-error-ui")).Not.ToBeVisibleAsync();
        lock (errors) Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
