using GovDataConsole.Features.Scoring;
using GovDataConsole.Features.Shared;
using GovDataConsole.Scoring;
using Microsoft.EntityFrameworkCore;

namespace GovDataConsole.Data;

/// <summary>
/// Demo scores: the last three complete months computed and published, so the ranking shows grades and the change from the
/// month before. Run again (with a reason) after the scaled demo is added, each month gets a new published version.
/// </summary>
public sealed class DemoScoringSeed(IDbContextFactory<AppDbContext> dbFactory, ScoreComputation computation, TimeProvider clock)
{
    public const int Months = 3;

    /// <returns>The periods computed and published, oldest first.</returns>
    public async Task<IReadOnlyList<string>> SeedAsync(string? reason, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(ChinaTime.FromUtc(clock.GetUtcNow().UtcDateTime));
        var periods = ScorePeriod.Recent(ScorePeriodType.Month, today, Months + 1).Skip(1).Reverse().ToList();
        foreach (var period in periods)
        {
            var sheetId = await computation.ComputeAsync(period.Key, reason, ScoreJob.System, ct);
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var sheet = await db.ScoreSheets.SingleAsync(s => s.Id == sheetId, ct);
            sheet.Publish(clock.GetUtcNow().UtcDateTime, ScoreJob.System);
            await db.SaveChangesAsync(ct);
        }
        return periods.Select(p => p.Key).ToList();
    }
}
