using GovDataConsole.Features.Quality;
using GovDataConsole.Features.Rectification;
using GovDataConsole.Quality;
using GovDataConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GovDataConsole.Tests.Cleansing.CleansingKit;

namespace GovDataConsole.Tests.Rectification;

/// <summary>Real problems for orders: the messy batch of 公安局 (or another department) imported, cleansed and checked by a 户籍地址 not-blank rule (4 problems).</summary>
internal static class RectificationKit
{
    public static async Task<List<long>> ProblemIdsAsync(IServiceProvider services, RuleSeverity severity = RuleSeverity.Major, string departmentCode = "330100GAJ")
    {
        var resource = await PublishResourceAsync(services, departmentCode);
        var batchId = await ImportAsync(services, resource);
        await CleanseAsync(services, batchId);
        await using (var db = ActAs.Db(services))
        {
            db.QualityRuleSets.Add(new QualityRuleSet(resource, 1,
                [new QualityRule("R1", RuleTemplate.NotBlank, ["HJDZ"], new Dictionary<string, string>(), severity, 1, 0)], "steward", DateTime.UtcNow));
            await db.SaveChangesAsync(Ct);
        }
        await using var scope = services.CreateAsyncScope();
        var runId = await scope.ServiceProvider.GetRequiredService<CheckRunQueue>().QueueAsync(resource, batchId, CheckTrigger.Manual, "steward", Ct);
        await scope.ServiceProvider.GetRequiredService<QualityCheckJob>().RunInlineAsync(runId!.Value, 1, Ct);
        await using var read = ActAs.Db(services);
        return await read.Problems.Where(p => p.RunId == runId).Select(p => p.Id).ToListAsync(Ct);
    }

    /// <summary>A draft order (as the steward) for fresh problems.</summary>
    public static async Task<IReadOnlyList<int>> CreateOrderAsync(IServiceProvider services, RuleSeverity severity = RuleSeverity.Major)
    {
        var problems = await ProblemIdsAsync(services, severity);
        await using var scope = await ActAs.UserAsync(services, "steward");
        return await scope.ServiceProvider.GetRequiredService<WorkOrderService>().CreateFromProblemsAsync(problems, Ct);
    }
}
