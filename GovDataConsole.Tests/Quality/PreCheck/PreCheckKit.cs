using System.Text;
using GovDataConsole.Features.Cleansing;
using GovDataConsole.Features.Quality;
using GovDataConsole.Quality;
using GovDataConsole.Tests.Cleansing;
using GovDataConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovDataConsole.Tests.Quality.PreCheck;

/// <summary>
/// A person resource (CleansingKit's) with its messy batch imported and cleansed as the current data, the messy cleansing
/// rules (keep first), and a quality rule set covering row, dictionary, uniqueness and batch rules; plus a second file to pre-check.
/// </summary>
internal static class PreCheckKit
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static QualityRule Rule(string key, RuleTemplate template, string[] fields, decimal threshold, RuleSeverity severity = RuleSeverity.Major,
        params (string Name, string Value)[] parameters)
    {
        var values = RuleTemplateCatalog.Defaults(template);
        foreach (var (name, value) in parameters) values[name] = value;
        return new QualityRule(key, template, fields, values, severity, 1, threshold);
    }

    public static IReadOnlyList<QualityRule> Rules() =>
    [
        Rule("R1", RuleTemplate.NotBlank, ["HJDZ"], 0),
        Rule("R2", RuleTemplate.ResidentId, ["SFZH"], 10, RuleSeverity.Critical),
        Rule("R3", RuleTemplate.Mobile, ["LXDH"], 50, RuleSeverity.Minor),
        Rule("R4", RuleTemplate.InDictionary, ["XB"], 0),
        Rule("R5", RuleTemplate.Unique, ["SFZH"], 0, RuleSeverity.Critical),
        Rule("R6", RuleTemplate.Unique, ["XM"], 100),
        Rule("R7", RuleTemplate.RowCountChange, [], 0, RuleSeverity.Minor, (RuleParameterNames.Percent, "30")),
        Rule("R8", RuleTemplate.ReceivedInCycle, [], 0, RuleSeverity.Minor),
        Rule("R9", RuleTemplate.GenderMatchesId, ["SFZH", "XB"], 20),
    ];

    /// <summary>Rows 2…9 of the file to check: one repeats the current data's ID, one a name, two break the schema, one repeats row 4's key.</summary>
    public static readonly string[][] Incoming =
    [
        ["330102198001051237", "张三", "男", "2026/1/5", "杭州市", "13800138000"],
        ["11010119900307123X", "周八", "女", "1990-03-07", "无", "1390013"],
        ["33010219850203221X", "李四", "F", "19850203", "上城区", "+86 139 0013 9000"],
        ["330102199912311234", "吴九", "9", "不是日期", "滨江区", "13700137000"],
        ["33010219850203221X", "李四二", "2", "1985-02-03", "上城区", "13900139000"],
        ["330106199001011235", "周八", "男", "", " 西湖区 ", ""],
        ["330102200001011238", new string('名', 25), "1", "2000-01-01", "拱墅区", "13600136000"],
        ["330102200001011238", "郑十", "1", "2000-01-01", "-", "13600136000"],
    ];

    public static byte[] Csv(IEnumerable<string[]> rows)
    {
        var text = new StringBuilder("公民身份号码,姓名,性别,出生日期,户籍地址,联系电话\n");
        foreach (var row in rows) text.Append(string.Join(',', row.Select(v => $"\"{v}\""))).Append('\n');
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static async Task SaveRulesAsync(IServiceProvider services, int resourceId, IReadOnlyList<QualityRule> rules)
    {
        await using var db = ActAs.Db(services);
        db.QualityRuleSets.Add(new QualityRuleSet(resourceId, 1, rules, "steward", DateTime.UtcNow));
        await db.SaveChangesAsync(Ct);
    }

    /// <summary>The resource with cleansing and quality rules and the messy batch as its current (cleansed) data.</summary>
    public static async Task<(int ResourceId, string Code)> ResourceWithDataAsync(IServiceProvider services)
    {
        var resourceId = await CleansingKit.PublishResourceAsync(services);
        await CleansingKit.SaveAsync(services, resourceId, CleansingKit.MessyRules(), DedupMode.KeepFirst);
        await SaveRulesAsync(services, resourceId, Rules());
        var batchId = await CleansingKit.ImportAsync(services, resourceId);
        await CleansingKit.CleanseAsync(services, batchId);
        await using var db = ActAs.Db(services);
        return (resourceId, await db.DataResources.Where(r => r.Id == resourceId).Select(r => r.Code).SingleAsync(Ct));
    }

    public static async Task<PreCheckReport> PreCheckAsync(IServiceProvider services, string user, int resourceId, byte[] content, string fileName = "预检.csv")
    {
        await using var scope = await ActAs.UserAsync(services, user);
        return await scope.ServiceProvider.GetRequiredService<PreCheckService>().CheckAsync(resourceId, fileName, new MemoryStream(content), null, Ct);
    }

    /// <summary>What the database holds that a pre-check must not add to.</summary>
    public static async Task<(int Batches, int Records, int Errors, int Runs, int Problems)> StoredAsync(IServiceProvider services)
    {
        await using var db = ActAs.Db(services);
        return (await db.DataBatches.CountAsync(Ct), await db.BatchRecords.CountAsync(Ct), await db.BatchRowErrors.CountAsync(Ct),
            await db.CheckRuns.CountAsync(Ct), await db.Problems.CountAsync(Ct));
    }
}
