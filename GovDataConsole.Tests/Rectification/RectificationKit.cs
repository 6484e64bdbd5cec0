using GovDataConsole.Features.Quality;
using GovDataConsole.Features.Rectification;
using GovDataConsole.Quality;
using GovDataConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GovDataConsole.Tests.Cleansing.CleansingKit;

namespace GovDataConsole.Tests.Rectification;

/// <summary>
/// Real problems for work orders: a fresh person resource of a department, the messy batch, and a check run of two rules
/// (户籍地址 not blank: 4 problems, 一般 unless asked otherwise; 公民身份号码 valid: 严重) — plus helpers that act on orders as a demo user.
/// </summary>
internal static class RectificationKit
{
    public const string AddressRule = "R1";
    public const string IdRule = "R2";

    private static QualityRuleSet RuleSet(int resourceId, RuleSeverity addressSeverity) => new(resourceId, 1,
    [
        new QualityRule(AddressRule, RuleTemplate.NotBlank, ["HJDZ"], new Dictionary<string, string>(), addressSeverity, 1, 0),
        new QualityRule(IdRule, RuleTemplate.ResidentId, ["SFZH"], new Dictionary<string, string>(), RuleSeverity.Critical, 1, 0),
    ], "steward", DateTime.UtcNow);

    /// <summary>
    /// The problems of a check run of a new batch. With the job server off the import, cleansing and check run in-process;
    /// with it on (the browser app) the batch goes through the real pipeline and this waits for its check run.
    /// </summary>
    public static async Task<List<Problem>> ProblemsAsync(IServiceProvider services, string departmentCode = "330100GAJ", bool jobServer = false,
        RuleSeverity addressSeverity = RuleSeverity.Major)
    {
        var resource = await PublishResourceAsync(services, departmentCode);
        int runId;
        if (jobServer)
        {
            await AddRulesAsync(services, resource, addressSeverity);
            var batchId = await QueueAsync(services, resource, MessyCsv());
            runId = await CompletedRunAsync(services, batchId);
        }
        else
        {
            var batchId = await ImportAsync(services, resource);
            await CleanseAsync(services, batchId);
            await AddRulesAsync(services, resource, addressSeverity);
            await using var scope = services.CreateAsyncScope();
            runId = (await scope.ServiceProvider.GetRequiredService<CheckRunQueue>().QueueAsync(resource, batchId, CheckTrigger.Manual, "steward", Ct))!.Value;
            await scope.ServiceProvider.GetRequiredService<QualityCheckJob>().RunInlineAsync(runId, 1, Ct);
        }
        await using var db = ActAs.Db(services);
        return await db.Problems.AsNoTracking().Where(p => p.RunId == runId).OrderBy(p => p.Id).ToListAsync(Ct);
    }

    /// <summary>The 4 户籍地址 problems of a fresh 公安局 batch, of the given severity.</summary>
    public static async Task<List<long>> ProblemIdsAsync(IServiceProvider services, RuleSeverity severity = RuleSeverity.Major) =>
        (await ProblemsAsync(services, addressSeverity: severity)).Where(p => p.RuleKey == AddressRule).Select(p => p.Id).ToList();

    /// <summary>A draft order (as the steward) for fresh 户籍地址 problems.</summary>
    public static async Task<IReadOnlyList<int>> CreateOrderAsync(IServiceProvider services, RuleSeverity severity = RuleSeverity.Major) =>
        await AsAsync(services, "steward", async s => await s.CreateFromProblemsAsync(await ProblemIdsAsync(services, severity), Ct));

    private static async Task AddRulesAsync(IServiceProvider services, int resourceId, RuleSeverity addressSeverity)
    {
        await using var db = ActAs.Db(services);
        db.QualityRuleSets.Add(RuleSet(resourceId, addressSeverity));
        await db.SaveChangesAsync(Ct);
    }

    private static async Task<int> CompletedRunAsync(IServiceProvider services, int batchId)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            await using var db = ActAs.Db(services);
            var run = await db.CheckRuns.AsNoTracking().Where(r => r.BatchId == batchId).OrderByDescending(r => r.Id).FirstOrDefaultAsync(Ct);
            if (run is { Status: CheckRunStatus.Completed }) return run.Id;
            if (run is { Status: CheckRunStatus.Failed }) throw new InvalidOperationException($"Check run {run.Id} failed: {run.FailureReason}");
            await Task.Delay(250, Ct);
        }
        throw new TimeoutException($"No completed check run of batch {batchId}.");
    }

    /// <summary>A draft order of the given problems, created by the steward.</summary>
    public static async Task<int> OrderAsync(IServiceProvider services, IReadOnlyCollection<long> problemIds) =>
        Assert.Single(await AsAsync(services, "steward", s => s.CreateFromProblemsAsync(problemIds, Ct)));

    public static async Task<Guid> StampAsync(IServiceProvider services, int orderId)
    {
        await using var db = ActAs.Db(services);
        return await db.WorkOrders.Where(o => o.Id == orderId).Select(o => o.ConcurrencyStamp).SingleAsync(Ct);
    }

    /// <summary>Takes the action as the user on the order as it is now.</summary>
    public static async Task ActAsync(IServiceProvider services, string user, int orderId, WorkOrderAction action, string? comment = null,
        string? attachmentName = null, byte[]? attachment = null)
    {
        var stamp = await StampAsync(services, orderId);
        using var stream = attachment is null ? null : new MemoryStream(attachment);
        await AsAsync(services, user, async s => { await s.ActAsync(orderId, action, new(stamp, comment, null, attachmentName, stream), Ct); return 0; });
    }

    public static async Task<TResult> AsAsync<TResult>(IServiceProvider services, string user, Func<WorkOrderService, Task<TResult>> act)
    {
        await using var scope = await ActAs.UserAsync(services, user);
        return await act(scope.ServiceProvider.GetRequiredService<WorkOrderService>());
    }
}
