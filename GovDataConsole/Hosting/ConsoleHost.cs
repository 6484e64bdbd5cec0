using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using GovDataConsole.Components;
using GovDataConsole.Data;
using GovDataConsole.Features.Account;
using GovDataConsole.Features.Audit;
using GovDataConsole.Features.Calendar;
using GovDataConsole.Features.Catalog;
using GovDataConsole.Features.Cleansing;
using GovDataConsole.Features.Collection;
using GovDataConsole.Features.Dashboard;
using GovDataConsole.Features.Operations;
using GovDataConsole.Features.Organization;
using GovDataConsole.Features.Quality;
using GovDataConsole.Features.Rectification;
using GovDataConsole.Features.Scoring;
using GovDataConsole.Features.Shared;
using GovDataConsole.Localization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.WebEncoders;
using MudBlazor;
using MudBlazor.Services;

namespace GovDataConsole.Hosting;

/// <summary>The composition root: one AddXxx per feature, then the pipeline.</summary>
public static class ConsoleHost
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("zh-CN");

    public static WebApplication Build(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = Culture;
        CultureInfo.DefaultThreadCurrentUICulture = Culture;

        // Named after this assembly even when another process hosts it (a test runner, a bench): the static web assets
        // manifest is found by the application name.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = typeof(ConsoleHost).Assembly.GetName().Name });
        var config = builder.Configuration;
        var root = builder.Environment.ContentRootPath;

        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddTransient<MudLocalizer, ChineseMudLocalizer>();
        builder.Services.AddLocalization();
        // Emit Chinese text as is rather than as numeric character references.
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        builder.Services.AddDatabase(config, root);
        builder.Services.AddAccount(config);
        builder.Services.AddOrganization();
        builder.Services.AddAudit();
        builder.Services.AddDashboard();
        builder.Services.AddCatalog(config);
        builder.Services.AddCollection(config);
        builder.Services.AddCleansing();
        builder.Services.AddQuality(config);
        builder.Services.AddRectification(config);
        builder.Services.AddScoring();
        builder.Services.AddCalendar();
        builder.Services.AddOperations(config, root);
        return builder.Build();
    }

    public static WebApplication UseConsolePipeline(this WebApplication app)
    {
        app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto });
        if (!app.Environment.IsDevelopment())
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        // Re-execute only GET/HEAD: re-running a refused POST (e.g. a bad antiforgery token) re-reads its form and throws (500).
        app.Use((ctx, next) =>
        {
            if (!HttpMethods.IsGet(ctx.Request.Method) && !HttpMethods.IsHead(ctx.Request.Method)
                && ctx.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
                statusPages.Enabled = false;
            return next(ctx);
        });
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Culture),
            SupportedCultures = [Culture],
            SupportedUICultures = [Culture],
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode().RequireAuthorization();
        app.MapAccountEndpoints();
        app.MapGroup("/api").RequireAuthorization().AddEndpointFilter<ApiErrorFilter>().MapOrganizationApi();
        app.MapOperations();
        return app;
    }

    public static async Task InitializeDatabaseAsync(this WebApplication app, CancellationToken ct = default)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct);
    }
}
