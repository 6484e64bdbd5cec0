using GovDataConsole.Data;
using GovDataConsole.Scoring;
using Microsoft.EntityFrameworkCore;

namespace GovDataConsole.Features.Scoring;

/// <summary>Version 1 of the monthly and the quarterly model with the default parameters, so scores can be computed at once.</summary>
public static class ScoringSeed
{
    public static async Task EnsureAsync(AppDbContext db, CancellationToken ct)
    {
        foreach (var type in Enum.GetValues<ScorePeriodType>())
            if (!await db.ScoringModels.AnyAsync(m => m.PeriodType == type, ct))
                db.ScoringModels.Add(new ScoringModel(type, 1, new ScoringParameters(), Resources.UiText.Scoring_DefaultModelNote, ScoreJob.System, DateTime.UtcNow));
        await db.SaveChangesAsync(ct);
    }
}
