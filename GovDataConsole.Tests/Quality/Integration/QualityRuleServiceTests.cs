using GovDataConsole.Features.Catalog;
using GovDataConsole.Features.Quality;
using GovDataConsole.Features.Shared;
using GovDataConsole.Quality;
using GovDataConsole.Tests.Infrastructure;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GovDataConsole.Tests.Quality.QualityRulesKit;
using P = GovDataConsole.Quality.RuleParameterNames;

namespace GovDataConsole.Tests.Quality;

/// <summary>Rule versions and keys, validation in Chinese, schedules, manual runs and who may do what.</summary>
public sealed class QualityRuleServiceTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    private const string OtherDepartment = "无权访问其他部门的数据";
    private const string RoleNotAllowed = "当前角色无权执行此操作";

    [Fact]
    public async Task Saving_adds_versions_keeps_keys_of_edited_rules_and_never_reuses_a_removed_key()
    {
        var resource = await PublishAsync(app.Services);
        Assert.Equal(1, await AsAsync(app.Services, "steward", s => s.SaveAsync(resource,
            [Rule(RuleTemplate.NotNull, ["XM"]), Rule(RuleTemplate.ResidentId, ["SFZH"])], Ct)));
        var v1 = await AsAsync(app.Services, "steward", s => s.GetAsync(resource, Ct));
        Assert.Equal(["R1", "R2"], v1.Rules.Select(r => r.Key));

        var edited = v1.Rules[1] with { Threshold = 5, Severity = RuleSeverity.Critical };
        Assert.Equal(2, await AsAsync(app.Services, "steward", s => s.SaveAsync(resource, [edited, Rule(RuleTemplate.Mobile, ["LXDH"])], Ct)));
        var v2 = await AsAsync(app.Services, "steward", s => s.GetAsync(resource, Ct));
        Assert.Equal(2, v2.Version);
        Assert.Equal(["R2", "R3"], v2.Rules.Select(r => r.Key));
        Assert.Equal((5m, RuleSeverity.Critical), (v2.Rules[0].Threshold, v2.Rules[0].Severity));
        Assert.Equal([2, 1], v2.History.Select(h => h.Version));
        Assert.Equal([2, 2], v2.History.Select(h => h.RuleCount));

        await AsAsync(app.Services, "steward", s => s.SaveAsync(resource, [Rule(RuleTemplate.NotBlank, ["XM"])], Ct));
        Assert.Equal(["R4"], (await AsAsync(app.Services, "steward", s => s.GetAsync(resource, Ct))).Rules.Select(r => r.Key));
        await using var db = ActAs.Db(app.Services);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "QualityRulesSaved" && e.Detail == "版本 v3，共 1 条规则，启用 1 条", Ct));
    }

    [Fact]
    public async Task An_expression_rule_names_the_fields_its_expression_uses()
    {
        var resource = await PublishAsync(app.Services);
        await AsAsync(app.Services, "steward", s => s.SaveAsync(resource, [Rule(RuleTemplate.Expression, [], (P.Expression, "KSRQ <= JSRQ"))], Ct));

        var rule = Assert.Single((await AsAsync(app.Services, "steward", s => s.GetAsync(resource, Ct))).Rules);
        Assert.Equal(["KSRQ", "JSRQ"], rule.Fields);
    }

    [Fact]
    public async Task Invalid_rules_are_refused_with_every_Chinese_error_and_nothing_is_saved()
    {
        var resource = await PublishAsync(app.Services);
        QualityRule[] rules =
        [
            Rule(RuleTemplate.Pattern, ["XM"], (P.Pattern, "([0-9")),
            Rule(RuleTemplate.NotNull, ["NOPE"]),
            Rule(RuleTemplate.StartBeforeEnd, ["KSRQ"]),
            Rule(RuleTemplate.Mobile, ["LXDH"]) with { Weight = 0 },
            Rule(RuleTemplate.NotNull, ["XM"]) with { Threshold = 100.5m },
            Rule(RuleTemplate.NotNull, ["SFZH"]) with { Threshold = -1 },
            Rule(RuleTemplate.Expression, [], (P.Expression, "KSRQ <=")),
        ];

        var error = await Assert.ThrowsAsync<BusinessRuleException>(() => AsAsync(app.Services, "steward", s => s.SaveAsync(resource, rules, Ct)));

        Assert.Contains("规则“正则格式（XM）”无法使用：正则表达式无效", error.Errors);
        Assert.Contains("规则“非空（NOPE）”无法使用：资源中没有信息项“NOPE”", error.Errors);
        Assert.Contains("规则“起止顺序（KSRQ）”无法使用：该模板需要 2 个字段", error.Errors);
        Assert.Contains("规则“手机号码（LXDH）”的权重须大于 0", error.Errors);
        Assert.Contains("规则“非空（XM）”的通过阈值须在 0 到 100 之间", error.Errors);
        Assert.Contains("规则“非空（SFZH）”的通过阈值须在 0 到 100 之间", error.Errors);
        Assert.Contains(error.Errors, e => e.StartsWith("规则“比较表达式", StringComparison.Ordinal));
        Assert.Equal(7, error.Errors.Count);
        Assert.Equal(0, await RuleSetCountAsync(app.Services, resource));
    }

    [Fact]
    public async Task Duplicate_or_foreign_keys_are_refused()
    {
        var resource = await PublishAsync(app.Services);
        var rule = Rule(RuleTemplate.NotNull, ["XM"]);

        var error = await Assert.ThrowsAsync<BusinessRuleException>(() => AsAsync(app.Services, "steward", s =>
            s.SaveAsync(resource, [rule with { Key = "R1" }, rule with { Key = "R1", Fields = ["SFZH"] }, rule with { Key = "S1.XM" }], Ct)));

        Assert.Equal(["规则编号“S1.XM”无效", "规则编号“R1”重复"], error.Errors);
        Assert.Equal(0, await RuleSetCountAsync(app.Services, resource));
    }

    [Fact]
    public async Task Validating_one_rule_gives_its_message_or_null()
    {
        var resource = await PublishAsync(app.Services);

        Assert.Null(await AsAsync(app.Services, "steward", s => s.ValidateAsync(resource, Rule(RuleTemplate.DateRange, ["KSRQ"], (P.Min, "2020-01-01")), Ct)));
        Assert.Equal("规则“日期范围（KSRQ）”无法使用：“最早日期”应为 yyyy-MM-dd 格式的日期",
            await AsAsync(app.Services, "steward", s => s.ValidateAsync(resource, Rule(RuleTemplate.DateRange, ["KSRQ"], (P.Min, "2020/1/1")), Ct)));
    }

    [Fact]
    public async Task A_bad_cron_is_refused_and_a_good_one_is_stored_and_scheduled_then_removed()
    {
        var resource = await PublishAsync(app.Services);

        var error = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            AsAsync(app.Services, "steward", s => s.UpdateSettingsAsync(resource, "61 2 * * *", AutoOrderMode.All, Ct)));
        Assert.Equal("执行计划“61 2 * * *”不是有效的 Cron 表达式（如 0 2 * * * 表示每天 02:00）。", error.Message);
        await Assert.ThrowsAsync<BusinessRuleException>(() => AsAsync(app.Services, "steward", s => s.UpdateSettingsAsync(resource, "每天", AutoOrderMode.All, Ct)));

        await AsAsync(app.Services, "steward", s => s.UpdateSettingsAsync(resource, " 0 2 * * 1 ", AutoOrderMode.CriticalOnly, Ct));
        var view = await AsAsync(app.Services, "steward", s => s.GetAsync(resource, Ct));
        Assert.Equal(("0 2 * * 1", AutoOrderMode.CriticalOnly), (view.Cron, view.AutoOrders));
        Assert.Equal("0 2 * * 1", Recurring(resource)?.Cron);

        await AsAsync(app.Services, "steward", s => s.UpdateSettingsAsync(resource, "", AutoOrderMode.Off, Ct));
        Assert.Null((await AsAsync(app.Services, "steward", s => s.GetAsync(resource, Ct))).Cron);
        Assert.Null(Recurring(resource));
    }

    [Fact]
    public async Task Run_now_queues_a_manual_run_and_refuses_a_resource_without_enabled_rules()
    {
        var resource = await PublishAsync(app.Services, "330100GAJ", PlainItems());
        var refused = await Assert.ThrowsAsync<BusinessRuleException>(() => AsAsync(app.Services, "steward", s => s.RunNowAsync(resource, null, Ct)));
        Assert.Equal("该资源没有启用的质量规则，无法核查", refused.Message);

        await AsAsync(app.Services, "steward", s => s.SaveAsync(resource, [Rule(RuleTemplate.NotNull, ["MC"]) with { Enabled = false }], Ct));
        await Assert.ThrowsAsync<BusinessRuleException>(() => AsAsync(app.Services, "steward", s => s.RunNowAsync(resource, null, Ct)));
        await Assert.ThrowsAsync<NotFoundException>(() => AsAsync(app.Services, "steward", s => s.RunNowAsync(resource, int.MaxValue, Ct)));

        await AsAsync(app.Services, "steward", s => s.SaveAsync(resource, [Rule(RuleTemplate.NotNull, ["MC"])], Ct));
        var runId = await AsAsync(app.Services, "steward", s => s.RunNowAsync(resource, null, Ct));

        await using var db = ActAs.Db(app.Services);
        var run = await db.CheckRuns.AsNoTracking().SingleAsync(r => r.Id == runId, Ct);
        Assert.Equal((resource, (int?)null, CheckTrigger.Manual, "steward", 2), (run.DataResourceId, run.BatchId, run.Trigger, run.RequestedBy, run.RuleSetVersion));
        var row = Assert.Single((await AsAsync(app.Services, "steward", s => s.ResourcesAsync(new QualityResourceQuery { Search = ResourceCode(db, resource) }, Ct))).Items);
        Assert.Equal((2, 1, (CheckRunStatus?)CheckRunStatus.Queued), (row.Version, row.RuleCount, row.LastStatus));
    }

    [Fact]
    public async Task Department_staff_read_their_own_rules_but_not_other_departments_and_change_nothing()
    {
        var own = await PublishAsync(app.Services, "330100GAJ");
        var other = await PublishAsync(app.Services, "330100SCJ");
        await AsAsync(app.Services, "steward", s => s.SaveAsync(own, [Rule(RuleTemplate.NotNull, ["XM"])], Ct));
        var rules = (await AsAsync(app.Services, "gongan", s => s.GetAsync(own, Ct))).Rules;
        Assert.Single(rules);

        foreach (var read in new Func<QualityRuleService, Task>[] { s => s.GetAsync(other, Ct), s => s.ValidateAsync(other, rules[0], Ct) })
            Assert.Equal(OtherDepartment, (await Assert.ThrowsAsync<AccessDeniedException>(() => AsAsync(app.Services, "gongan", read))).Message);
        var list = await AsAsync(app.Services, "gongan", s => s.ResourcesAsync(new QualityResourceQuery { PageSize = 200 }, Ct));
        Assert.Contains(list.Items, r => r.ResourceId == own);
        Assert.DoesNotContain(list.Items, r => r.ResourceId == other);

        foreach (var user in new[] { "gongan", "manager" })
            foreach (var write in new Func<QualityRuleService, Task>[]
            {
                s => s.SaveAsync(own, rules, Ct), s => s.UpdateSettingsAsync(own, "0 2 * * *", AutoOrderMode.All, Ct), s => s.RunNowAsync(own, null, Ct),
                s => s.AddBindingAsync(new QualityBindingForm { Sensitivity = SensitivityKind.Mobile, Template = RuleTemplate.Mobile }, Ct),
            })
                Assert.Equal(RoleNotAllowed, (await Assert.ThrowsAsync<AccessDeniedException>(() => AsAsync(app.Services, user, write))).Message);
        Assert.Equal(1, await RuleSetCountAsync(app.Services, own));
    }

    [Fact]
    public async Task A_binding_applies_to_items_of_its_kind_including_one_added_to_a_resource_later()
    {
        var resource = await PublishAsync(app.Services);
        var id = await AsAsync(app.Services, "steward", s => s.AddBindingAsync(new QualityBindingForm
        {
            Sensitivity = SensitivityKind.CreditCode, Template = RuleTemplate.CreditCode, Parameters = [], Severity = RuleSeverity.Critical, Weight = 2, Threshold = 1,
        }, Ct));
        await using (var db = ActAs.Db(app.Services))
            Assert.DoesNotContain((await QualityRules.EffectiveAsync(db, resource, Ct)).Rules, r => r.Key.StartsWith($"S{id}.", StringComparison.Ordinal));
        var before = (await AsAsync(app.Services, "steward", s => s.BindingsAsync(Ct))).Single(b => b.Id == id).ItemCount;

        await using (var scope = await ActAs.UserAsync(app.Services, "steward"))
        {
            var catalog = scope.ServiceProvider.GetRequiredService<CatalogService>();
            var form = await catalog.GetFormAsync(resource, Ct);
            form.Items.Add(new InfoItemForm { Code = "TYSHXYDM", Name = "统一社会信用代码", DataType = ItemDataType.String, Length = 18, Sensitivity = SensitivityKind.CreditCode });
            await catalog.UpdateAsync(resource, form, Ct);
        }

        await using (var db = ActAs.Db(app.Services))
        {
            var rule = Assert.Single((await QualityRules.EffectiveAsync(db, resource, Ct)).Rules, r => r.Key == $"S{id}.TYSHXYDM");
            Assert.Equal((RuleTemplate.CreditCode, RuleSeverity.Critical, 2m, 1m), (rule.Template, rule.Severity, rule.Weight, rule.Threshold));
            Assert.Equal(["TYSHXYDM"], rule.Fields);
        }
        var bound = Assert.Single((await AsAsync(app.Services, "steward", s => s.GetAsync(resource, Ct))).Bound, b => b.BindingId == id);
        Assert.Equal("TYSHXYDM", bound.ItemCode);
        Assert.Equal(before + 1, (await AsAsync(app.Services, "steward", s => s.BindingsAsync(Ct))).Single(b => b.Id == id).ItemCount);
    }

    [Fact]
    public async Task Bindings_are_unique_per_kind_and_template_single_field_only_validated_and_editable()
    {
        var form = new QualityBindingForm { Sensitivity = SensitivityKind.Address, Template = RuleTemplate.NotBlank, Parameters = RuleTemplateCatalog.Defaults(RuleTemplate.NotBlank) };
        var id = await AsAsync(app.Services, "steward", s => s.AddBindingAsync(form, Ct));

        var duplicate = await Assert.ThrowsAsync<BusinessRuleException>(() => AsAsync(app.Services, "admin", s => s.AddBindingAsync(form, Ct)));
        Assert.Equal("“地址”已绑定模板“非空白”，请编辑已有绑定。", duplicate.Errors[0]);
        var unique = await Assert.ThrowsAsync<BusinessRuleException>(() => AsAsync(app.Services, "steward", s =>
            s.AddBindingAsync(new QualityBindingForm { Sensitivity = SensitivityKind.ResidentId, Template = RuleTemplate.Unique, Parameters = [] }, Ct)));
        Assert.StartsWith("模板“唯一性”不能按敏感类别绑定", unique.Errors[0], StringComparison.Ordinal);
        var badPattern = await Assert.ThrowsAsync<BusinessRuleException>(() => AsAsync(app.Services, "steward", s =>
            s.AddBindingAsync(new QualityBindingForm { Sensitivity = SensitivityKind.PersonName, Template = RuleTemplate.Pattern, Parameters = new() { [P.Pattern] = "(" }, Weight = -1 }, Ct)));
        Assert.Equal(["规则“正则格式（姓名）”无法使用：正则表达式无效", "规则“正则格式（姓名）”的权重须大于 0"], badPattern.Errors);

        var edit = QualityBindingForm.Of((await AsAsync(app.Services, "steward", s => s.BindingsAsync(Ct))).Single(b => b.Id == id));
        edit.Weight = 3;
        edit.Enabled = false;
        edit.Template = RuleTemplate.Mobile; // ignored: kind and template are fixed
        await AsAsync(app.Services, "steward", s => s.UpdateBindingAsync(id, edit, Ct));
        var row = (await AsAsync(app.Services, "manager", s => s.BindingsAsync(Ct))).Single(b => b.Id == id);
        Assert.Equal((RuleTemplate.NotBlank, 3m, false), (row.Template, row.Weight, row.Enabled));

        edit.Threshold = 101;
        Assert.Single((await Assert.ThrowsAsync<BusinessRuleException>(() => AsAsync(app.Services, "steward", s => s.UpdateBindingAsync(id, edit, Ct)))).Errors);
        await Assert.ThrowsAsync<NotFoundException>(() => AsAsync(app.Services, "steward", s => s.UpdateBindingAsync(int.MaxValue, edit, Ct)));
        Assert.Equal(RoleNotAllowed, (await Assert.ThrowsAsync<AccessDeniedException>(() =>
            AsAsync(app.Services, "shichang", s => s.UpdateBindingAsync(id, edit, Ct)))).Message);
    }

    private RecurringJobDto? Recurring(int resourceId)
    {
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetRecurringJobs().SingleOrDefault(j => j.Id == CheckRunQueue.RecurringId(resourceId));
    }

    private static string ResourceCode(GovDataConsole.Data.AppDbContext db, int resourceId) => db.DataResources.Where(r => r.Id == resourceId).Select(r => r.Code).Single();
}
