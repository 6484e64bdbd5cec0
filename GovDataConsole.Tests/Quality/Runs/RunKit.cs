using System.Text.Json;
using GovDataConsole.Features.Cleansing;
using GovDataConsole.Features.Quality;
using GovDataConsole.Quality;
using GovDataConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GovDataConsole.Tests.Cleansing.CleansingKit;

namespace GovDataConsole.Tests.Quality.Runs;

/// <summary>
/// The cleansing kit's messy person batch under five quality rules, with what a run of it must find, computed by hand — plus
/// helpers that queue and run checks in-process (the Hangfire server is off in tests).
/// </summary>
internal static class RunKit
{
    /// <summary>
    /// Cleansed rows 2…7 (see <see cref="Cleansed"/>): the IDs of rows 2/5, 3 and 7 have wrong check characters (their
    /// weighted sums give 1, 5 and 8); 4/6 is the upgraded 15-digit ID and valid. Rows 2, 3, 6, 7 have no address. Rows 3 and
    /// 6 say female (2) and row 7 says 9 where the ID's 17th digit is odd (male, 1). Rows 5 and 6 repeat the keys of rows 2
    /// and 4. Every phone number present is a valid mobile.
    /// </summary>
    public static IReadOnlyList<QualityRule> Rules() =>
    [
        Rule("R1", RuleTemplate.ResidentId, ["SFZH"], RuleSeverity.Critical, 3, 10),
        Rule("R2", RuleTemplate.NotBlank, ["HJDZ"], RuleSeverity.Major, 1, 50),
        Rule("R3", RuleTemplate.Mobile, ["LXDH"], RuleSeverity.Minor, 2, 0),
        Rule("R4", RuleTemplate.GenderMatchesId, ["SFZH", "XB"], RuleSeverity.Major, 2, 50),
        Rule("R5", RuleTemplate.Unique, ["SFZH"], RuleSeverity.Critical, 2, 40),
    ];

    /// <summary>(rule, checked, failed, failure rate %, passed) per rule: rate = round(failed × 100 ÷ 6, 4), passed when rate ≤ threshold.</summary>
    public static readonly (string Key, long Checked, long Failed, decimal Rate, bool Passed)[] Outcomes =
    [
        ("R1", 6, 4, 66.6667m, false), // 66.6667 > 10
        ("R2", 6, 4, 66.6667m, false), // 66.6667 > 50
        ("R3", 6, 0, 0m, true),
        ("R4", 6, 3, 50m, true), // 50 ≤ 50
        ("R5", 6, 2, 33.3333m, true), // 33.3333 ≤ 40
    ];

    /// <summary>
    /// Σ(w × (100 − rate)) ÷ Σw = (3 × 33.3333 + 1 × 33.3333 + 2 × 100 + 2 × 50 + 2 × 66.6667) ÷ 10 = 566.6666 ÷ 10 → 56.67.
    /// </summary>
    public const decimal Score = 56.67m;

    /// <summary>
    /// 完整性 R2 alone: 33.33; 规范性 R1 + R3: (3 × 33.3333 + 2 × 100) ÷ 5 = 59.99998 → 60.00; 准确性 R4: 50.00; 唯一性 R5: 66.67.
    /// </summary>
    public static readonly Dictionary<QualityDimension, decimal> Dimensions = new()
    {
        [QualityDimension.Completeness] = 33.33m, [QualityDimension.Conformity] = 60.00m, [QualityDimension.Accuracy] = 50.00m,
        [QualityDimension.Uniqueness] = 66.67m,
    };

    /// <summary>Every (row, rule) the run must report, in row order: 4 × R1 + 4 × R2 + 0 × R3 + 3 × R4 + 2 × R5 = 13.</summary>
    public static readonly (int Row, string Rule)[] Problems =
    [
        (2, "R1"), (2, "R2"),
        (3, "R1"), (3, "R2"), (3, "R4"),
        (5, "R1"), (5, "R5"),
        (6, "R2"), (6, "R4"), (6, "R5"),
        (7, "R1"), (7, "R2"), (7, "R4"),
    ];

    private static QualityRule Rule(string key, RuleTemplate template, string[] fields, RuleSeverity severity, decimal weight, decimal threshold) =>
        new(key, template, fields, RuleTemplateCatalog.Defaults(template), severity, weight, threshold);

    /// <summary>A published person resource of the department with one cleansed messy batch (no de-duplication) and <see cref="Rules"/> saved.</summary>
    public static async Task<(int Resource, int Batch)> CleansedBatchAsync(IServiceProvider services, string departmentCode = "330100GAJ")
    {
        var resource = await PublishResourceAsync(services, departmentCode);
        await SaveAsync(services, resource, MessyRules(), DedupMode.None);
        var batch = await ImportAsync(services, resource);
        await CleanseAsync(services, batch);
        await using var db = ActAs.Db(services);
        db.QualityRuleSets.Add(new QualityRuleSet(resource, 1, Rules(), "steward", DateTime.UtcNow));
        await db.SaveChangesAsync(Ct);
        return (resource, batch);
    }

    /// <summary>Queues a manual run of the batch (or of the whole resource) and runs it to the end in-process.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, int resource, int? batch)
    {
        var run = await QueueAsync(services, resource, batch);
        await RunInlineAsync(services, run);
        return run;
    }

    public static async Task<int> QueueAsync(IServiceProvider services, int resource, int? batch) =>
        await services.GetRequiredService<CheckRunQueue>().QueueAsync(resource, batch, CheckTrigger.Manual, "steward", Ct)
        ?? throw new InvalidOperationException("The resource has no enabled rules.");

    public static async Task RunInlineAsync(IServiceProvider services, int run)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<QualityCheckJob>().RunInlineAsync(run, 2, Ct);
    }

    /// <summary>Runs <paramref name="action"/> on the run service as <paramref name="user"/>.</summary>
    public static async Task<T> AsAsync<T>(IServiceProvider services, string user, Func<CheckRunService, Task<T>> action)
    {
        await using var scope = await ActAs.UserAsync(services, user);
        return await action(scope.ServiceProvider.GetRequiredService<CheckRunService>());
    }

    public static Task AsAsync(IServiceProvider services, string user, Func<CheckRunService, Task> action) =>
        AsAsync(services, user, async s => { await action(s); return 0; });

    /// <summary>The run's stored problems as (row, rule, item, value, message), sorted.</summary>
    public static async Task<List<(int? Row, string Rule, string? Item, string? Value, string Message)>> ProblemsAsync(IServiceProvider services, int run)
    {
        await using var db = ActAs.Db(services);
        var problems = await db.Problems.AsNoTracking().Where(p => p.RunId == run)
            .Select(p => new { p.RowNumber, p.RuleKey, p.ItemCode, p.Value, p.Message }).ToListAsync(Ct);
        return problems.Select(p => (p.RowNumber, p.RuleKey, p.ItemCode, p.Value, p.Message))
            .OrderBy(p => p.RowNumber).ThenBy(p => p.RuleKey, StringComparer.Ordinal).ToList();
    }

    /// <summary>Replaces one cleansed value of a stored record (a department's correction, or a new mistake).</summary>
    public static async Task SetValueAsync(IServiceProvider services, int batch, int row, string code, string value)
    {
        await using var db = ActAs.Db(services);
        var record = await db.BatchRecords.SingleAsync(r => r.BatchId == batch && r.RowNumber == row, Ct);
        var values = JsonSerializer.Deserialize<string[]>(record.CleansedJson ?? record.ValuesJson)!;
        values[Array.IndexOf(Codes, code)] = value;
        var json = JsonSerializer.Serialize(values);
        await db.BatchRecords.Where(r => r.Id == record.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.CleansedJson, json), Ct);
    }
}
