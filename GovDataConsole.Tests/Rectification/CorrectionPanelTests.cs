using Bunit;
using GovDataConsole.Features.Rectification;
using GovDataConsole.Features.Rectification.Pages;
using GovDataConsole.Tests.Cleansing;
using GovDataConsole.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using static GovDataConsole.Tests.Rectification.CorrectionKit;

namespace GovDataConsole.Tests.Rectification;

/// <summary>The correction panel on a real order (bUnit over the running app's services, signed in as a demo user).</summary>
[Collection(CleansingAppCollection.Name)]
public sealed class CorrectionPanelTests(DemoAppFixture app)
{
    private async Task<(BunitContext Context, AsyncServiceScope Scope, IRenderedComponent<CorrectionPanel> Panel)> RenderAsync(string user, Order order, bool canUpload, Action onChanged)
    {
        var scope = await ActAs.UserAsync(app.Services, user);
        var context = new BunitContext();
        context.Services.AddMudServices();
        context.Services.AddScoped<GovDataConsole.Components.FileDownloader>(); // on bUnit's JS runtime, not the app's
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddFallbackServiceProvider(scope.ServiceProvider);
        context.Render<MudPopoverProvider>();
        var stamp = await StampAsync(app.Services, order.Id);
        var panel = context.Render<CorrectionPanel>(p => p
            .Add(x => x.OrderId, order.Id)
            .Add(x => x.Stamp, stamp)
            .Add(x => x.Status, WorkOrderStatus.InProgress)
            .Add(x => x.CanUpload, canUpload)
            .Add(x => x.OnChanged, EventCallback.Factory.Create(this, onChanged)));
        return (context, scope, panel);
    }

    [Fact]
    public async Task Staff_upload_a_corrected_workbook_and_see_what_is_still_open_while_others_only_download()
    {
        var order = await OrderAsync(app.Services);
        var changed = 0;
        var (context, scope, panel) = await RenderAsync("gongan", order, true, () => changed++);
        await using (scope)
        await using (context)
        {
            var workbook = Edit((await DownloadAsync(app.Services, "gongan", order.Id)).Content, (sheet, row) =>
                row(2).Cell(Column(sheet, "HJDZ")).Value = "杭州市上城区");
            panel.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(workbook, "整改.xlsx"));

            panel.WaitForAssertion(() => Assert.Contains("已整改 1 个问题，工单仍有 3 个问题待整改", panel.Find("[data-testid=correction-result]").TextContent),
                TimeSpan.FromSeconds(20));
            Assert.Equal(3, panel.FindAll("[data-testid=correction-still-open] tbody tr").Count);
            Assert.Equal(1, changed);
        }

        (context, scope, panel) = await RenderAsync("steward", order, false, () => changed++);
        await using (scope)
        await using (context)
        {
            Assert.Empty(panel.FindAll("[data-testid=correction-file]"));
            panel.Find("[data-testid=correction-download]").Click();
            panel.WaitForAssertion(() => context.JSInterop.VerifyInvoke("govDownload"));
        }
    }
}
