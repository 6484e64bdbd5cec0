using GovDataConsole.Features.Catalog;
using GovDataConsole.Features.Quality;
using GovDataConsole.Quality;
using GovDataConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovDataConsole.Tests.Quality;

/// <summary>Publishes small resources and drives <see cref="QualityRuleService"/> as a given demo user.</summary>
internal static class QualityRulesKit
{
    private static int sequence = Random.Shared.Next(10_000, 40_000);

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>ID, name, two dates and a mobile: the person items the rule tests use.</summary>
    public static List<InfoItemForm> PersonItems() =>
    [
        new() { Code = "SFZH", Name = "公民身份号码", DataType = ItemDataType.String, Length = 18, IsKey = true, Sensitivity = SensitivityKind.ResidentId },
        new() { Code = "XM", Name = "姓名", DataType = ItemDataType.String, Length = 20, Sensitivity = SensitivityKind.PersonName },
        new() { Code = "KSRQ", Name = "开始日期", DataType = ItemDataType.Date },
        new() { Code = "JSRQ", Name = "结束日期", DataType = ItemDataType.Date },
        new() { Code = "LXDH", Name = "联系电话", DataType = ItemDataType.String, Length = 20, Sensitivity = SensitivityKind.Mobile },
    ];

    /// <summary>Items no sensitivity binding can reach.</summary>
    public static List<InfoItemForm> PlainItems() =>
    [
        new() { Code = "BH", Name = "编号", DataType = ItemDataType.String, Length = 20, IsKey = true },
        new() { Code = "MC", Name = "名称", DataType = ItemDataType.String, Length = 50 },
    ];

    /// <summary>Creates and publishes (as the steward) a resource of the department.</summary>
    public static async Task<int> PublishAsync(IServiceProvider services, string departmentCode = "330100GAJ", List<InfoItemForm>? items = null)
    {
        int departmentId;
        await using (var db = ActAs.Db(services))
            departmentId = await db.Departments.Where(d => d.Code == departmentCode).Select(d => d.Id).SingleAsync(Ct);
        await using var scope = await ActAs.UserAsync(services, "steward");
        var catalog = scope.ServiceProvider.GetRequiredService<CatalogService>();
        var id = await catalog.CreateAsync(new ResourceForm
        {
            DepartmentId = departmentId, Code = $"{departmentCode}/{Interlocked.Increment(ref sequence):D5}", Name = "质量规则测试资源",
            ShareType = ShareType.Unconditional, OpenType = OpenType.NotOpen, UpdateCycle = UpdateCycle.Monthly, SensitivityGrade = SensitivityGrade.General,
            Items = items ?? PersonItems(),
        }, Ct);
        await catalog.PublishAsync(id, Ct);
        return id;
    }

    public static async Task<T> AsAsync<T>(IServiceProvider services, string user, Func<QualityRuleService, Task<T>> action)
    {
        await using var scope = await ActAs.UserAsync(services, user);
        return await action(scope.ServiceProvider.GetRequiredService<QualityRuleService>());
    }

    public static Task AsAsync(IServiceProvider services, string user, Func<QualityRuleService, Task> action) =>
        AsAsync(services, user, async s => { await action(s); return 0; });

    public static QualityRule Rule(RuleTemplate template, string[] fields, params (string Name, string Value)[] parameters)
    {
        var values = RuleTemplateCatalog.Defaults(template);
        foreach (var (name, value) in parameters) values[name] = value;
        return new QualityRule("", template, fields, values, RuleSeverity.Major, 1, 0);
    }

    public static async Task<int> RuleSetCountAsync(IServiceProvider services, int resourceId)
    {
        await using var db = ActAs.Db(services);
        return await db.QualityRuleSets.CountAsync(s => s.DataResourceId == resourceId, Ct);
    }
}
