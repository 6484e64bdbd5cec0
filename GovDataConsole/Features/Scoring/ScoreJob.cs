using GovDataConsole.Data;
using GovDataConsole.Features.Shared;
using GovDataConsole.Scoring;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace GovDataConsole.Features.Scoring;

/// <summary>Computes a period's scores on request, and every night the draft of the period that just ended when it has no sheet yet.</summary>
public sealed class ScoreJob(ScoreComputation computation, IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public const string RecurringId = "score-previous-period";
    public const string System = "system";

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public Task ComputeAsync(string periodKey, string? reason, string requestedBy, CancellationToken ct) =>
        computation.ComputeAsync(periodKey, reason, requestedBy, ct);

    /// <summary>The previous month, and the previous quarter, each computed as a draft unless it already has a sheet.</summary>
    [AutomaticRetry(Attempts = 2)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task ScheduledAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(ChinaTime.FromUtc(clock.GetUtcNow().UtcDateTime));
        foreach (var type in Enum.GetValues<ScorePeriodType>())
        {
            var period = ScorePeriod.Containing(type, today).Previous;
            bool exists;
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
                exists = await db.ScoreSheets.AnyAsync(s => s.PeriodKey == period.Key, ct)
                    || !await db.ScoringModels.AnyAsync(m => m.PeriodType == type, ct);
            if (!exists) await computation.ComputeAsync(period.Key, null, System, ct);
        }
    }
}
