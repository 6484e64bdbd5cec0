using System.Text;
using GovDataConsole.Cleansing;
using GovDataConsole.Features.Cleansing;
using GovDataConsole.Features.Quality;
using GovDataConsole.Quality;
using GovDataConsole.Tests.Cleansing;
using GovDataConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovDataConsole.Tests.Quality;

[CollectionDefinition(Name)]
public sealed class ProblemAppCollection : ICollectionFixture<DemoAppFixture>
{
    public const string Name = "Quality problems integration";
}

/// <summary>
/// A cleansed person batch (the cleansing kit's messy rows plus row 8 with formula-looking text and a bad ID), three rules
/// saved directly, and a check run of it done in-process. Expected problems, by cleansed row: 户籍地址 blank in rows 2, 3, 6,
/// 7, 8; 身份证号 invalid in rows 2, 3, 5, 7, 8; 身份证号 repeated in rows 5 and 6 — 12 in all.
/// </summary>
internal static class ProblemKit
{
    public const string Blank = "HJDZ-blank";
    public const string Id = "SFZH-id";
    public const string Unique = "SFZH-unique";
    public const int Total = 12;
    public static readonly string[] Formula = ["123", "=SUM(A1)", "=1+2", "2026-01-05", "", "13800138000"];

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static QualityRule Rule(string key, RuleTemplate template, RuleSeverity severity, params string[] fields) =>
        new(key, template, fields, RuleTemplateCatalog.Defaults(template), severity, 1, 0);

    public static readonly QualityRule[] Rules =
    [
        Rule(Blank, RuleTemplate.NotBlank, RuleSeverity.Critical, "HJDZ"),
        Rule(Id, RuleTemplate.ResidentId, RuleSeverity.Major, "SFZH"),
        Rule(Unique, RuleTemplate.Unique, RuleSeverity.Minor, "SFZH"),
    ];

    public static byte[] Csv(IEnumerable<string[]> rows)
    {
        var text = new StringBuilder("公民身份号码,姓名,性别,出生日期,户籍地址,联系电话\n");
        foreach (var row in rows) text.Append(string.Join(',', row.Select(v => $"\"{v.Replace("\"", "\"\"")}\""))).Append('\n');
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>Publishes a resource of the department, imports and cleanses the batch (duplicates kept), saves the rules, checks it.</summary>
    public static async Task<(int Resource, int Batch, int Run)> CheckedBatchAsync(IServiceProvider services, string department = "330100GAJ",
        IReadOnlyList<QualityRule>? rules = null)
    {
        var resource = await CleansingKit.PublishResourceAsync(services, department);
        await CleansingKit.SaveAsync(services, resource, CleansingKit.MessyRules(), DedupMode.None);
        var batch = await CleansingKit.ImportAsync(services, resource, Csv([.. CleansingKit.Raw, Formula]));
        await CleansingKit.CleanseAsync(services, batch);
        await using (var db = ActAs.Db(services))
        {
            db.QualityRuleSets.Add(new QualityRuleSet(resource, 1, rules ?? Rules, "steward", DateTime.UtcNow));
            await db.SaveChangesAsync(Ct);
        }
        return (resource, batch, await RunAsync(services, resource, batch));
    }

    /// <summary>Queues a run of the batch (or of the whole resource) and runs it in-process.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, int resource, int? batch)
    {
        await using var scope = services.CreateAsyncScope();
        var run = await scope.ServiceProvider.GetRequiredService<CheckRunQueue>().QueueAsync(resource, batch, CheckTrigger.Manual, "steward", Ct)
            ?? throw new InvalidOperationException("No enabled rules.");
        await scope.ServiceProvider.GetRequiredService<QualityCheckJob>().RunInlineAsync(run, 2, Ct);
        return run;
    }

    public static async Task<T> AsAsync<T>(IServiceProvider services, string user, Func<ProblemService, Task<T>> action)
    {
        await using var scope = await ActAs.UserAsync(services, user);
        return await action(scope.ServiceProvider.GetRequiredService<ProblemService>());
    }

    public static Task<ProblemPage> ListAsync(IServiceProvider services, string user, ProblemQuery query, bool reveal = false) =>
        AsAsync(services, user, s => s.ListAsync(query with { PageSize = 200 }, reveal, Ct));

    public static async Task<CheckRun> CheckRunAsync(IServiceProvider services, int run)
    {
        await using var db = ActAs.Db(services);
        return await db.CheckRuns.AsNoTracking().SingleAsync(r => r.Id == run, Ct);
    }
}
