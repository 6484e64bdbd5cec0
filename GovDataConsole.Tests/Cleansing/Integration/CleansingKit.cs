using System.Text;
using System.Text.Json;
using GovDataConsole.Cleansing;
using GovDataConsole.Features.Catalog;
using GovDataConsole.Features.Cleansing;
using GovDataConsole.Features.Collection;
using GovDataConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovDataConsole.Tests.Cleansing;

/// <summary>One demo app shared by the cleansing integration tests (they run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class CleansingAppCollection : ICollectionFixture<DemoAppFixture>
{
    public const string Name = "Cleansing integration";
}

/// <summary>
/// A person resource, a batch of known messy values, the rule set that cleanses it, and what each cell becomes — plus
/// helpers that drive the real services and jobs (the Hangfire server is off in tests, so jobs are run in-process).
/// </summary>
internal static class CleansingKit
{
    private static int sequence = Random.Shared.Next(60_000, 90_000);

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static readonly string[] Codes = ["SFZH", "XM", "XB", "CSRQ", "HJDZ", "LXDH"];

    /// <summary>Rows 2…7 as received (header in row 1). Row 5 repeats row 2's key; row 6 is row 4's 15-digit ID written full-width.</summary>
    public static readonly string[][] Raw =
    [
        ["\u3000330102198001051237 ", "张\u3000三", "男", "2026/1/5", "无", "+86 138-0013-8000"],
        ["３３０１０２１９８５０２０３２２１Ｘ", "李四", " 女 ", "20260105", "NULL", "13900139000"],
        ["330102800105123", "王五", "M", "2026年1月5日", " 杭州市西湖区 ", "0086 139 0013 9000"],
        ["330102198001051237", "张三", "1", "2026-01-05", "杭州市", ""],
        ["３３０１０２８００１０５１２３", "赵六", "女性", "２０２６年１月５日", "-", "+8613800138000"],
        ["330102199912311234", "钱七", "9", "2026.01.05", "/", "138 0013 8000"],
    ];

    /// <summary>What <see cref="Raw"/> becomes under <see cref="MessyRules"/>.</summary>
    public static readonly string[][] Cleansed =
    [
        ["330102198001051237", "张 三", "1", "2026-01-05", "", "13800138000"],
        ["33010219850203221X", "李四", "2", "2026-01-05", "", "13900139000"],
        ["330102198001051231", "王五", "1", "2026-01-05", "杭州市西湖区", "13900139000"],
        ["330102198001051237", "张三", "1", "2026-01-05", "杭州市", ""],
        ["330102198001051231", "赵六", "2", "2026-01-05", "", "13800138000"],
        ["330102199912311234", "钱七", "9", "2026-01-05", "", "13800138000"],
    ];

    public static readonly int[] RowNumbers = [2, 3, 4, 5, 6, 7];

    /// <summary>(item, position, kind, changed) for <see cref="Raw"/> under <see cref="MessyRules"/>.</summary>
    public static readonly (string Item, int Position, string Kind, long Changed)[] MessyCounts =
    [
        ("SFZH", 0, "Trim", 1), ("SFZH", 1, "FullWidthToHalfWidth", 2), ("SFZH", 2, "ResidentIdUpgrade", 2),
        ("XM", 0, "Trim", 1),
        ("XB", 0, "Trim", 1), ("XB", 1, "DictionaryMapping", 4),
        ("CSRQ", 0, "FullWidthToHalfWidth", 1), ("CSRQ", 1, "Date", 5),
        ("HJDZ", 0, "Trim", 1), ("HJDZ", 1, "NullTokens", 4),
        ("LXDH", 0, "PhoneNumber", 4),
    ];

    public static CleansingRule Rule(CleanserKind kind, params (string Name, string Value)[] parameters) =>
        new(kind, parameters.ToDictionary(p => p.Name, p => p.Value));

    public const string GenderMapping = "男=1\nM=1\n女=2\nF=2";

    public static Dictionary<string, List<CleansingRule>> MessyRules() => new()
    {
        ["SFZH"] = [Rule(CleanserKind.Trim), Rule(CleanserKind.FullWidthToHalfWidth), Rule(CleanserKind.ResidentIdUpgrade)],
        ["XM"] = [Rule(CleanserKind.Trim)],
        ["XB"] = [Rule(CleanserKind.Trim), Rule(CleanserKind.DictionaryMapping, (CleanserParameterNames.Mapping, GenderMapping))],
        ["CSRQ"] = [Rule(CleanserKind.FullWidthToHalfWidth), Rule(CleanserKind.Date)],
        ["HJDZ"] = [Rule(CleanserKind.Trim), Rule(CleanserKind.NullTokens)],
        ["LXDH"] = [Rule(CleanserKind.PhoneNumber)],
    };

    /// <summary>The messy batch as a UTF-8 CSV with Chinese headers; every value quoted so spaces survive.</summary>
    public static byte[] MessyCsv()
    {
        var text = new StringBuilder("公民身份号码,姓名,性别,出生日期,户籍地址,联系电话\n");
        foreach (var row in Raw) text.Append(string.Join(',', row.Select(v => $"\"{v.Replace("\"", "\"\"")}\""))).Append('\n');
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>Creates and publishes (as the steward) a person resource of the department with the gender dictionary on XB.</summary>
    public static async Task<int> PublishResourceAsync(IServiceProvider services, string departmentCode = "330100GAJ")
    {
        int departmentId, genderId;
        await using (var db = ActAs.Db(services))
        {
            departmentId = await db.Departments.Where(d => d.Code == departmentCode).Select(d => d.Id).SingleAsync(Ct);
            genderId = await db.CodeDictionaries.Where(d => d.Code == StandardDictionaries.Gender).Select(d => d.Id).SingleAsync(Ct);
        }
        await using var scope = await ActAs.UserAsync(services, "steward");
        var catalog = scope.ServiceProvider.GetRequiredService<CatalogService>();
        var id = await catalog.CreateAsync(new ResourceForm
        {
            DepartmentId = departmentId, Code = $"{departmentCode}/{Interlocked.Increment(ref sequence):D5}", Name = "清洗测试人口信息",
            ShareType = ShareType.Unconditional, OpenType = OpenType.NotOpen, UpdateCycle = UpdateCycle.Monthly, SensitivityGrade = SensitivityGrade.General,
            Items =
            [
                new() { Code = "SFZH", Name = "公民身份号码", DataType = ItemDataType.String, Length = 18, IsKey = true, Sensitivity = SensitivityKind.ResidentId },
                new() { Code = "XM", Name = "姓名", DataType = ItemDataType.String, Length = 20, Required = true, Sensitivity = SensitivityKind.PersonName },
                new() { Code = "XB", Name = "性别", DataType = ItemDataType.String, Length = 10, DictionaryId = genderId },
                new() { Code = "CSRQ", Name = "出生日期", DataType = ItemDataType.Date },
                new() { Code = "HJDZ", Name = "户籍地址", DataType = ItemDataType.String, Length = 100, Sensitivity = SensitivityKind.Address },
                new() { Code = "LXDH", Name = "联系电话", DataType = ItemDataType.String, Length = 20, Sensitivity = SensitivityKind.Mobile },
            ],
        }, Ct);
        await catalog.PublishAsync(id, Ct);
        return id;
    }

    /// <summary>Uploads and confirms the file (as <paramref name="user"/>); the import job is queued, not run.</summary>
    public static async Task<int> QueueAsync(IServiceProvider services, int resourceId, byte[] csv, string user = "steward")
    {
        await using var scope = await ActAs.UserAsync(services, user);
        var batches = scope.ServiceProvider.GetRequiredService<BatchService>();
        var draft = await batches.PrepareAsync(resourceId, $"2026-{Interlocked.Increment(ref sequence) % 12 + 1:D2}", "清洗测试.csv", new MemoryStream(csv), Ct);
        return await batches.ConfirmAsync(draft, draft.Detection.Mapping, Ct);
    }

    /// <summary>Uploads, confirms and runs the import job in-process (the cleansing job it queues is not run).</summary>
    public static async Task<int> ImportAsync(IServiceProvider services, int resourceId, byte[]? csv = null, string user = "steward")
    {
        var id = await QueueAsync(services, resourceId, csv ?? MessyCsv(), user);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<BatchImportJob>().RunAsync(id, Ct);
        return id;
    }

    public static async Task CleanseAsync(IServiceProvider services, int batchId)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<BatchCleansingJob>().RunAsync(batchId, Ct);
    }

    /// <summary>The rule editor's view with <paramref name="rules"/> in place of the current rules.</summary>
    public static async Task<List<ItemRules>> ItemRulesAsync(IServiceProvider services, int resourceId, Dictionary<string, List<CleansingRule>> rules)
    {
        await using var scope = await ActAs.UserAsync(services, "steward");
        var view = await scope.ServiceProvider.GetRequiredService<CleansingService>().GetAsync(resourceId, Ct);
        return view.Items.Select(i => i with { Rules = rules.GetValueOrDefault(i.Code) ?? [] }).ToList();
    }

    public static async Task<int> SaveAsync(IServiceProvider services, int resourceId, Dictionary<string, List<CleansingRule>> rules, DedupMode dedup,
        string user = "steward")
    {
        var items = await ItemRulesAsync(services, resourceId, rules);
        await using var scope = await ActAs.UserAsync(services, user);
        return await scope.ServiceProvider.GetRequiredService<CleansingService>().SaveAsync(resourceId, items, dedup, Ct);
    }

    public static async Task<DataBatch> BatchAsync(IServiceProvider services, int batchId)
    {
        await using var db = ActAs.Db(services);
        return await db.DataBatches.AsNoTracking().SingleAsync(b => b.Id == batchId, Ct);
    }

    /// <summary>Every stored record of the batch in row order: raw values, cleansed values (null: unchanged), duplicate mark.</summary>
    public static async Task<List<StoredRecord>> RecordsAsync(IServiceProvider services, int batchId)
    {
        await using var db = ActAs.Db(services);
        var rows = await db.BatchRecords.AsNoTracking().Where(r => r.BatchId == batchId).OrderBy(r => r.RowNumber)
            .Select(r => new { r.RowNumber, r.ValuesJson, r.CleansedJson, r.DuplicateOfRow }).ToListAsync(Ct);
        return rows.Select(r => new StoredRecord(r.RowNumber, JsonSerializer.Deserialize<string[]>(r.ValuesJson)!,
            r.CleansedJson is null ? null : JsonSerializer.Deserialize<string[]>(r.CleansedJson), r.DuplicateOfRow)).ToList();
    }

    /// <summary>The batch's stored per-rule counts in insertion order.</summary>
    public static async Task<List<(string Item, int Position, string Kind, long Changed)>> CountsAsync(IServiceProvider services, int batchId)
    {
        await using var db = ActAs.Db(services);
        var counts = await db.BatchCleansingCounts.AsNoTracking().Where(c => c.BatchId == batchId).OrderBy(c => c.Id).ToListAsync(Ct);
        return counts.Select(c => (c.ItemCode, c.Position, c.Kind, c.Changed)).ToList();
    }

    public static async Task<int> RuleSetCountAsync(IServiceProvider services, int resourceId)
    {
        await using var db = ActAs.Db(services);
        return await db.CleansingRuleSets.CountAsync(s => s.DataResourceId == resourceId, Ct);
    }
}

/// <summary>A stored batch record as the tests compare it.</summary>
internal sealed record StoredRecord(int RowNumber, string[] Raw, string[]? Cleansed, int? DuplicateOfRow)
{
    /// <summary>The values a reader of cleansed data sees.</summary>
    public string[] Effective => Cleansed ?? Raw;
}
