using GovDataConsole.Data;
using GovDataConsole.Features.Dashboard;
using GovDataConsole.Features.Shared;
using GovDataConsole.Scoring;
using Microsoft.EntityFrameworkCore;

namespace GovDataConsole.Features.Scoring;

/// <summary>The dashboards' view of scoring: the newest published monthly sheet's ends, and a department's own latest score.</summary>
public sealed class ScoringRankingSource(IDbContextFactory<AppDbContext> dbFactory) : IRankingExcerptSource
{
    public async Task<RankingExcerpt?> LatestPublishedAsync(int size, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var sheet = await Published(db).FirstOrDefaultAsync(ct);
        if (sheet is null) return null;
        var scores = await db.DepartmentScores.AsNoTracking().Where(s => s.SheetId == sheet.Id).OrderBy(s => s.Rank).ThenBy(s => s.DepartmentName).ToListAsync(ct);
        var entries = scores.Select(s => new RankingEntry(s.DepartmentId, s.DepartmentName, s.Rank, s.Total, EnumLabels.Of(s.Grade))).ToList();
        return new RankingExcerpt(sheet.PeriodKey, entries.Count, Ranking.Top(entries, size), Ranking.Bottom(entries, size), $"scoring?period={sheet.PeriodKey}");
    }

    public async Task<OwnScore?> OwnAsync(int departmentId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var published = await (from s in Published(db)
                               join d in db.DepartmentScores on s.Id equals d.SheetId
                               where d.DepartmentId == departmentId
                               select new { s.Id, s.PeriodKey, d.Total, d.Grade, d.Rank }).FirstOrDefaultAsync(ct);
        if (published is not null)
            return new OwnScore(published.PeriodKey, true, published.Total, EnumLabels.Of(published.Grade), published.Rank,
                await db.DepartmentScores.CountAsync(d => d.SheetId == published.Id, ct), $"scoring/{published.PeriodKey}/{departmentId}");
        var draft = await (from s in db.ScoreSheets
                           join d in db.DepartmentScores on s.Id equals d.SheetId
                           where d.DepartmentId == departmentId && s.Status == ScoreSheetStatus.Draft && s.PeriodType == ScorePeriodType.Month
                           orderby s.PeriodKey descending, s.Version descending
                           select new { s.PeriodKey, d.Total }).FirstOrDefaultAsync(ct);
        return draft is null ? null : new OwnScore(draft.PeriodKey, false, draft.Total, null, null, null, $"scoring/{draft.PeriodKey}/{departmentId}");
    }

    private static IQueryable<ScoreSheet> Published(AppDbContext db) =>
        db.ScoreSheets.AsNoTracking().Where(s => s.Status == ScoreSheetStatus.Published && s.PeriodType == ScorePeriodType.Month)
            .OrderByDescending(s => s.PeriodKey).ThenByDescending(s => s.Version);
}
