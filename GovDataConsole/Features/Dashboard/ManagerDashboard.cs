using GovDataConsole.Data;
using GovDataConsole.Features.Collection;
using GovDataConsole.Features.Organization;
using GovDataConsole.Features.Quality;
using GovDataConsole.Features.Rectification;
using GovDataConsole.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace GovDataConsole.Features.Dashboard;

/// <summary>
/// The manager's dashboard (also open to stewards and admins): every figure aggregated in the database over the user's scope.
/// </summary>
public sealed class ManagerDashboard(
    IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, CollectionService collection, IRankingExcerptSource ranking, TimeProvider clock)
{
    public const int TrendMonths = 12;
    public const int RateMonths = 6;
    public const int RankingSize = 5;

    public async Task<ManagerView> LoadAsync(CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        user.EnsureRole(Roles.Manager, Roles.Steward, Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var trend = await TrendAsync(db, user, ct);
        var orders = WorkOrderQueries.Visible(db, user);
        var byStatus = await orders.GroupBy(o => o.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var overdue = await OverdueAsync(db, orders, ct);
        var rates = await collection.RatesAsync(RateMonths, ct);
        var total = new DepartmentRate(0, "", rates.Sum(r => r.Due), rates.Sum(r => r.OnTime), rates.Sum(r => r.Late), rates.Sum(r => r.Missing));
        return new ManagerView(trend, byStatus, overdue, await ranking.LatestPublishedAsync(RankingSize, ct), RateMonths, total, rates);
    }

    /// <summary>The mean score of completed runs per month (China time) over the last <see cref="TrendMonths"/> months, oldest first.</summary>
    private async Task<IReadOnlyList<MonthlyScore>> TrendAsync(AppDbContext db, UserContext user, CancellationToken ct)
    {
        var today = DashboardScope.Today(clock);
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(1 - TrendMonths);
        var from = ChinaTime.StartOfDayUtc(first);
        var offset = ChinaTime.Zone.BaseUtcOffset.TotalHours;
        var months = await db.CheckRuns.AsNoTracking().VisibleTo(user)
            .Where(r => r.Status == CheckRunStatus.Completed && r.Score != null && r.FinishedUtc >= from)
            .Select(r => new { Local = r.FinishedUtc!.Value.AddHours(offset), Score = (double)r.Score!.Value })
            .GroupBy(r => new { r.Local.Year, r.Local.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Mean = g.Average(r => r.Score), Runs = g.Count() })
            .ToListAsync(ct);
        return Enumerable.Range(0, TrendMonths).Select(i => first.AddMonths(i)).Select(m =>
        {
            var found = months.FirstOrDefault(x => x.Year == m.Year && x.Month == m.Month);
            return new MonthlyScore(m.ToString("yyyy-MM"), found is null ? null : Math.Round((decimal)found.Mean, 2), found?.Runs ?? 0);
        }).ToList();
    }

    /// <summary>Open orders marked 超期, counted per department, most first.</summary>
    private static async Task<IReadOnlyList<DepartmentCount>> OverdueAsync(AppDbContext db, IQueryable<WorkOrder> orders, CancellationToken ct)
    {
        var counts = await orders.Open().Where(o => o.OverdueSince != null).GroupBy(o => o.DepartmentId)
            .Select(g => new { DepartmentId = g.Key, Count = g.Count() }).ToListAsync(ct);
        var ids = counts.Select(c => c.DepartmentId).ToList();
        var names = await db.Departments.AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        return counts.Select(c => new DepartmentCount(c.DepartmentId, names.GetValueOrDefault(c.DepartmentId, ""), c.Count))
            .OrderByDescending(c => c.Count).ThenBy(c => c.DepartmentName, StringComparer.Ordinal).ToList();
    }
}
