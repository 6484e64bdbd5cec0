using Bunit;
using GovDataConsole.Features.Quality;
using GovDataConsole.Features.Quality.Pages;
using GovDataConsole.Quality;
using GovDataConsole.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using static GovDataConsole.Tests.Quality.QualityRulesKit;

namespace GovDataConsole.Tests.Components;

/// <summary>
/// The quality rule editor: a rule row shows the parameter editors of its template and its validation message; the page, on the
/// real service, validates a newly added rule at once and is read-only for department staff.
/// </summary>
public sealed class QualityRuleEditorTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    private static readonly QualityItem[] Items =
        [new("LXDH", "联系电话", Features.Catalog.SensitivityKind.Mobile, null), new("DZYX", "电子邮箱", Features.Catalog.SensitivityKind.None, null)];

    private static BunitContext NewContext(IServiceProvider? fallback = null)
    {
        var context = new BunitContext();
        context.Services.AddMudServices();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        if (fallback is not null) context.Services.AddFallbackServiceProvider(fallback);
        return context;
    }

    private static IRenderedComponent<QualityRuleRow> RenderRow(BunitContext context, QualityRule rule, string? error, Action<QualityRule> changed)
    {
        var host = context.Render(b =>
        {
            b.OpenComponent<MudPopoverProvider>(0);
            b.CloseComponent();
            b.OpenElement(1, "table");
            b.OpenElement(2, "tbody");
            b.OpenComponent<QualityRuleRow>(3);
            b.AddAttribute(4, nameof(QualityRuleRow.Rule), rule);
            b.AddAttribute(5, nameof(QualityRuleRow.Items), (IReadOnlyList<QualityItem>)Items);
            b.AddAttribute(6, nameof(QualityRuleRow.Error), error);
            b.AddAttribute(7, nameof(QualityRuleRow.RuleChanged), EventCallback.Factory.Create(new object(), changed));
            b.CloseComponent();
            b.CloseElement();
            b.CloseElement();
        });
        return host.FindComponent<QualityRuleRow>();
    }

    /// <summary>A text field's input, wherever MudBlazor puts the test id.</summary>
    private static AngleSharp.Dom.IElement Input(IRenderedComponent<QualityRuleRow> row, string testId) =>
        row.Find($"[data-testid={testId}] input, input[data-testid={testId}]");

    [Fact]
    public async Task A_group_completeness_row_edits_its_choice_and_count_and_shows_its_message()
    {
        await using var context = NewContext();
        QualityRule? changed = null;
        var rule = Rule(RuleTemplate.GroupCompleteness, ["LXDH", "DZYX"]);
        var row = RenderRow(context, rule, "规则“字段组完整”无法使用：示例", r => changed = r);

        Assert.Contains("至少填写若干项", row.Find("[data-testid=param-mode]").TextContent);
        Assert.Equal("1", Input(row, "param-count").GetAttribute("value"));
        Assert.Equal("规则“字段组完整”无法使用：示例", row.Find("[data-testid=rule-error]").TextContent.Trim());

        Input(row, "param-count").Change("2");
        Assert.Equal("2", changed!.Parameter(RuleParameterNames.Count));
        Input(row, "rule-weight").Change("3");
        Assert.Equal(3m, changed.Weight);
        Assert.Equal(["LXDH", "DZYX"], changed.Fields);
    }

    [Fact]
    public async Task A_valid_row_shows_no_message_and_an_expression_row_names_its_fields()
    {
        await using var context = NewContext();
        var row = RenderRow(context, Rule(RuleTemplate.Expression, ["LXDH"], (RuleParameterNames.Expression, "LXDH <> ''")), null, _ => { });

        Assert.Empty(row.FindAll("[data-testid=rule-error]"));
        Assert.Contains("由表达式中的字段决定", row.Markup);
        Assert.Contains("联系电话", row.Markup);
        Assert.Equal("LXDH <> ''", Input(row, "param-expression").GetAttribute("value"));
    }

    [Fact]
    public async Task A_steward_adding_a_rule_sees_its_validation_message_at_once()
    {
        var resource = await PublishAsync(app.Services);
        await using var scope = await ActAs.UserAsync(app.Services, "steward");
        await using var context = NewContext(scope.ServiceProvider);
        var host = context.Render(b =>
        {
            b.OpenComponent<MudPopoverProvider>(0);
            b.CloseComponent();
            b.OpenComponent<QualityRuleEditorPage>(1);
            b.AddAttribute(2, nameof(QualityRuleEditorPage.ResourceId), resource);
            b.CloseComponent();
        });
        host.WaitForElement("[data-testid=rules-save]");

        host.Find("[data-testid=rules-add] button").Click();
        host.WaitForElement("[data-testid=template-NotNull]").Click();

        var message = host.WaitForElement("[data-testid=rule-error]");
        Assert.Equal("规则“非空”无法使用：该模板需要 1 个字段", message.TextContent.Trim());
    }

    [Fact]
    public async Task Department_staff_see_their_resource_read_only_and_another_departments_refused()
    {
        var own = await PublishAsync(app.Services, "330100GAJ");
        var other = await PublishAsync(app.Services, "330100SCJ");
        await AsAsync(app.Services, "steward", s => s.SaveAsync(own, [Rule(RuleTemplate.NotNull, ["XM"])], Ct));
        await using var scope = await ActAs.UserAsync(app.Services, "gongan");
        await using var context = NewContext(scope.ServiceProvider);

        var page = context.Render<QualityRuleEditorPage>(p => p.Add(x => x.ResourceId, own));
        page.WaitForElement("[data-testid=rule-0]");
        Assert.Empty(page.FindAll("[data-testid=rules-save]"));
        Assert.Empty(page.FindAll("[data-testid=rules-add]"));
        Assert.Empty(page.FindAll("[data-testid=rules-run]"));

        var refused = context.Render<QualityRuleEditorPage>(p => p.Add(x => x.ResourceId, other));
        Assert.Equal("无权访问其他部门的数据", refused.WaitForElement("[data-testid=quality-rules-error]").TextContent.Trim());
    }
}
