using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GovDataConsole.Tests.Infrastructure;

/// <summary>
/// The real app listening on a loopback port (Kestrel, demo-seeded temporary SQLite, Hangfire job server on so that
/// batch imports run as in production) and one headless Chromium, shared by the end-to-end tests.
/// Nothing starts when the browser prerequisites are missing.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
        "--disable-dev-shm-usage", // containers often have a tiny /dev/shm
    ];

    /// <summary>
    /// Flags <c>window.__govInteractive</c> when the layout calls <c>govSession.start</c>, which it does from
    /// OnAfterRenderAsync only once the Blazor Server circuit is live (a prerendered page never does).
    /// </summary>
    private const string InteractiveProbe = """
        (() => {
            let session;
            Object.defineProperty(window, 'govSession', {
                configurable: true,
                get: () => session,
                set: value => {
                    const start = value.start;
                    value.start = function (...args) { window.__govInteractive = true; return start.apply(this, args); };
                    session = value;
                },
            });
        })();
        """;

    private ConsoleAppFactory? factory;
    private IPlaywright? playwright;
    private IBrowser? browser;

    /// <summary>Where the per-role screenshots go: <c>GOVDATA_SCREENSHOTS</c>, else TestResults/screenshots beside the test assembly.</summary>
    public static string ScreenshotDirectory { get; } =
        Environment.GetEnvironmentVariable("GOVDATA_SCREENSHOTS") is { Length: > 0 } dir
            ? Path.GetFullPath(dir)
            : Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    /// <summary>The app's services, for a journey to set up data in its database (after <see cref="NewSessionAsync"/>).</summary>
    public IServiceProvider Services => factory?.Services ?? throw new InvalidOperationException("The browser app has not started.");

    /// <summary>The app's root URL, e.g. http://127.0.0.1:41234.</summary>
    public string BaseUrl { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        if (BrowserPrerequisites.Missing is not null) return;

        factory = new BrowserAppFactory(jobServer: true);
        factory.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var addresses = factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        BaseUrl = addresses.Single().TrimEnd('/');

        Assertions.SetDefaultExpectTimeout(15_000);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserPrerequisites.ChromiumPath,
            Args = ChromiumArgs,
            Headless = true,
        });
    }

    /// <summary>A fresh browser context (no cookies) and page for one test; skips or fails the test when the browser is missing.</summary>
    public async Task<BrowserSession> NewSessionAsync()
    {
        BrowserPrerequisites.EnsureAvailable();
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
        });
        context.SetDefaultTimeout(30_000);
        await context.AddInitScriptAsync(InteractiveProbe);
        return new BrowserSession(context, await context.NewPageAsync());
    }

    /// <summary>Saves a full-page screenshot under <see cref="ScreenshotDirectory"/> and returns its path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        var path = Path.Combine(ScreenshotDirectory, $"{name}.png");
        await page.EvaluateAsync("() => document.fonts.ready");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.Current.TestOutputHelper?.WriteLine($"Screenshot: {path}");
        return path;
    }

    /// <summary>
    /// The font families Chromium actually drew the element's text with (DevTools CSS.getPlatformFontsForNode),
    /// so a test can tell real Chinese glyphs from missing-glyph boxes.
    /// </summary>
    public static async Task<IReadOnlyList<(string Family, int Glyphs)>> RenderedFontsAsync(IPage page, string selector)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        try
        {
            await cdp.SendAsync("DOM.enable");
            await cdp.SendAsync("CSS.enable");
            var document = await cdp.SendAsync("DOM.getDocument", new() { ["depth"] = 0 });
            var rootId = document!.Value.GetProperty("root").GetProperty("nodeId").GetInt32();
            var found = await cdp.SendAsync("DOM.querySelector", new() { ["nodeId"] = rootId, ["selector"] = selector });
            var nodeId = found!.Value.GetProperty("nodeId").GetInt32();
            if (nodeId == 0) throw new InvalidOperationException($"No element matches {selector}.");
            var fonts = await cdp.SendAsync("CSS.getPlatformFontsForNode", new() { ["nodeId"] = nodeId });
            return fonts!.Value.GetProperty("fonts").EnumerateArray()
                .Select(f => (f.GetProperty("familyName").GetString() ?? "", f.GetProperty("glyphCount").GetInt32()))
                .ToList();
        }
        finally
        {
            await cdp.DetachAsync();
        }
    }

    /// <summary>Font families fontconfig knows to cover Chinese (every name and alias it lists for lang=zh).</summary>
    public static IReadOnlySet<string> ChineseFontFamilies() => ChineseFamilies.Value;

    private static readonly Lazy<IReadOnlySet<string>> ChineseFamilies = new(() =>
    {
        using var fcList = Process.Start(new ProcessStartInfo("fc-list", [":lang=zh", "family"]) { RedirectStandardOutput = true })!;
        var output = fcList.StandardOutput.ReadToEnd();
        fcList.WaitForExit();
        return output.Split('\n', ',').Select(f => f.Trim()).Where(f => f.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase);
    });

    public async ValueTask DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
        if (factory is not null) await factory.DisposeAsync();
    }
}

/// <summary>
/// The test factory plus the build's static web assets (MudBlazor CSS/JS, blazor.web.js), which ASP.NET Core
/// only wires up by itself in the Development environment.
/// </summary>
internal sealed class BrowserAppFactory(bool jobServer) : ConsoleAppFactory(jobServer: jobServer)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseStaticWebAssets();
    }
}

/// <summary>One test's browser context and page; disposing closes the context.</summary>
public sealed record BrowserSession(IBrowserContext Context, IPage Page) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => new(Context.CloseAsync());
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}
