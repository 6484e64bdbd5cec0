using Bunit;
using Bunit.Rendering;
using GovDataConsole.Features.Organization;
using GovDataConsole.Features.Organization.Pages;
using GovDataConsole.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace GovDataConsole.Tests.Components;

/// <summary>
/// The department dialog against the real DepartmentService of a running app (bUnit falls back to an app scope
/// signed in as the demo admin): validation errors are shown in Chinese and nothing is saved until the input is valid.
/// </summary>
public sealed class DepartmentDialogTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private sealed class Harness(BunitContext context, AsyncServiceScope scope, IRenderedComponent<ContainerFragment> host, IDialogReference dialog)
        : IAsyncDisposable
    {
        public IRenderedComponent<ContainerFragment> Host => host;
        public IDialogReference Dialog => dialog;

        public void Type(string testId, string value) => host.Find($"[data-testid={testId}] input, input[data-testid={testId}]").Change(value);

        public void Save() => host.Find("button[data-testid=dept-save]").Click();

        public async ValueTask DisposeAsync()
        {
            await context.DisposeAsync();
            await scope.DisposeAsync();
        }
    }

    private async Task<Harness> OpenAsync(DepartmentForm form)
    {
        var scope = await ActAs.UserAsync(app.Services, "admin");
        var context = new BunitContext();
        context.Services.AddMudServices();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddFallbackServiceProvider(scope.ServiceProvider);
        var host = context.Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudDialogProvider>(1);
            builder.CloseComponent();
        });
        var dialogs = context.Services.GetRequiredService<IDialogService>();
        var dialog = await host.InvokeAsync(() =>
            dialogs.ShowAsync<DepartmentDialog>("新建部门", new DialogParameters<DepartmentDialog> { { x => x.Form, form } }));
        host.WaitForElement("button[data-testid=dept-save]");
        return new Harness(context, scope, host, dialog);
    }

    private async Task<bool> DepartmentExistsAsync(string code)
    {
        await using var db = ActAs.Db(app.Services);
        return await db.Departments.AnyAsync(d => d.Code == code, Ct);
    }

    private static DepartmentForm NewForm() => new() { Code = TestData.DepartmentCode(), Name = "杭州市测试局", CreditCode = TestData.CreditCode() };

    [Fact]
    public async Task An_invalid_credit_code_shows_the_Chinese_error_and_saves_nothing()
    {
        var form = NewForm();
        await using var ui = await OpenAsync(form);

        ui.Type("dept-credit", "91330100MA2XXXXXX1");
        ui.Save();

        ui.Host.WaitForAssertion(() => Assert.Contains("统一社会信用代码不符合 GB 32100-2015",
            ui.Host.Find("[data-testid=form-errors]").TextContent));
        Assert.Equal("91330100MA2XXXXXX1", form.CreditCode);
        Assert.False(ui.Dialog.Result.IsCompleted); // still open for correction
        Assert.False(await DepartmentExistsAsync(form.Code));
    }

    [Fact]
    public async Task A_code_already_taken_is_reported_by_the_service_and_saves_nothing()
    {
        var form = NewForm();
        await using var ui = await OpenAsync(form);

        ui.Type("dept-code", "330100GAJ");
        ui.Save();

        ui.Host.WaitForAssertion(() => Assert.Contains("部门代码已被其他部门使用", ui.Host.Find("[data-testid=form-errors]").TextContent));
        Assert.False(ui.Dialog.Result.IsCompleted);
        await using var db = ActAs.Db(app.Services);
        Assert.Equal(1, await db.Departments.CountAsync(d => d.Code == "330100GAJ", Ct));
        Assert.False(await db.Departments.AnyAsync(d => d.CreditCode == form.CreditCode, Ct));
    }

    [Fact]
    public async Task A_valid_department_is_saved_and_the_dialog_closes_with_its_id()
    {
        var form = NewForm();
        await using var ui = await OpenAsync(form);

        ui.Type("dept-name", "杭州市测试管理局");
        ui.Save();

        var result = await ui.Dialog.Result.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.False(result!.Canceled);
        await using var db = ActAs.Db(app.Services);
        var saved = await db.Departments.SingleAsync(d => d.Id == (int)result.Data!, Ct);
        Assert.Equal((form.Code, "杭州市测试管理局"), (saved.Code, saved.Name));
        Assert.Empty(ui.Host.FindAll("[data-testid=form-errors]"));
    }
}
