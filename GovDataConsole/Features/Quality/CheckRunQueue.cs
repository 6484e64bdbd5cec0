using GovDataConsole.Data;
using GovDataConsole.Features.Collection;
using GovDataConsole.Features.Shared;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace GovDataConsole.Features.Quality;

/// <summary>
/// Creates check runs with a snapshot of the resource's effective rules and queues them: after each cleansing, on a
/// resource's cron schedule, and on demand (through <see cref="QualityService"/>, which checks permissions first).
/// </summary>
public sealed class CheckRunQueue(IDbContextFactory<AppDbContext> dbFactory, IBackgroundJobClient jobs, IRecurringJobManager recurring, HeldChunkKeys heldKeys)
{
    public static string RecurringId(int resourceId) => $"quality-check-{resourceId}";

    /// <summary>Queues a run of a resource (or one of its batches); null when the resource has no enabled rules.</summary>
    public async Task<int?> QueueAsync(int resourceId, int? batchId, CheckTrigger trigger, string requestedBy, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var departmentId = await db.DataResources.Where(r => r.Id == resourceId).Select(r => r.DepartmentId).FirstAsync(ct);
        var (version, rules) = await QualityRules.EffectiveAsync(db, resourceId, ct);
        if (!rules.Any(r => r.Enabled)) return null;
        var run = new CheckRun(resourceId, departmentId, batchId, trigger, version, GovDataConsole.Quality.QualityRule.ToJson(rules), requestedBy, DateTime.UtcNow);
        db.CheckRuns.Add(run);
        await db.SaveChangesAsync(ct);
        jobs.Enqueue<QualityCheckJob>(j => j.StartAsync(run.Id, CancellationToken.None));
        return run.Id;
    }

    /// <summary>Runs the same scope again with its own rules snapshot: its results are replaced, never duplicated.</summary>
    public async Task<bool> RequeueAsync(int runId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var requeued = await db.CheckRuns.Where(r => r.Id == runId && (r.Status == CheckRunStatus.Completed || r.Status == CheckRunStatus.Failed || r.Status == CheckRunStatus.Cancelled))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, CheckRunStatus.Queued).SetProperty(r => r.FailureReason, (string?)null)
                .SetProperty(r => r.FinishedUtc, (DateTime?)null).SetProperty(r => r.QueuedUtc, DateTime.UtcNow), ct) == 1;
        if (requeued) jobs.Enqueue<QualityCheckJob>(j => j.StartAsync(runId, CancellationToken.None));
        return requeued;
    }

    /// <summary>Stops a run that has not finished: its chunks stop at their next page.</summary>
    public async Task<bool> CancelAsync(int runId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.CheckRuns.Where(r => r.Id == runId && (r.Status == CheckRunStatus.Queued || r.Status == CheckRunStatus.Running || r.Status == CheckRunStatus.Aggregating))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, CheckRunStatus.Cancelled).SetProperty(r => r.FinishedUtc, DateTime.UtcNow), ct) != 1) return false;
        heldKeys.Drop(runId);
        return true;
    }

    /// <summary>After cleansing: a run of that batch.</summary>
    public async Task QueueAfterCleansingAsync(int batchId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var resourceId = await db.DataBatches.Where(b => b.Id == batchId).Select(b => b.DataResourceId).FirstAsync(ct);
        await QueueAsync(resourceId, batchId, CheckTrigger.AfterCleansing, "system", ct);
    }

    /// <summary>The recurring job's entry: a run over the resource's current data.</summary>
    public async Task RunScheduledAsync(int resourceId, CancellationToken ct) => await QueueAsync(resourceId, null, CheckTrigger.Scheduled, "system", ct);

    /// <summary>Adds, changes or removes a resource's recurring check (cron in China time).</summary>
    public void Schedule(int resourceId, string? cron)
    {
        if (string.IsNullOrWhiteSpace(cron)) recurring.RemoveIfExists(RecurringId(resourceId));
        else recurring.AddOrUpdate<CheckRunQueue>(RecurringId(resourceId), q => q.RunScheduledAsync(resourceId, CancellationToken.None), cron,
            new RecurringJobOptions { TimeZone = ChinaTime.Zone });
    }

    /// <summary>At start-up: every stored schedule registered, and runs a dead process left unfinished queued again.</summary>
    public async Task RestoreAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        foreach (var s in await db.QualitySettings.AsNoTracking().Where(s => s.Cron != null).ToListAsync(ct)) Schedule(s.DataResourceId, s.Cron);
        var stuck = await db.CheckRuns.Where(r => r.Status == CheckRunStatus.Running || r.Status == CheckRunStatus.Aggregating).Select(r => r.Id).ToListAsync(ct);
        foreach (var id in stuck)
        {
            await db.CheckRuns.Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, CheckRunStatus.Queued), ct);
            jobs.Enqueue<QualityCheckJob>(j => j.StartAsync(id, CancellationToken.None));
        }
    }
}
