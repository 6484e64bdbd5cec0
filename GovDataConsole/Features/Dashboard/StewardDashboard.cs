using GovDataConsole.Data;
using GovDataConsole.Features.Collection;
using GovDataConsole.Features.Organization;
using GovDataConsole.Features.Quality;
using GovDataConsole.Features.Rectification;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace GovDataConsole.Features.Dashboard;

/// <summary>The steward's (and admin's) triage queue and failed jobs, each figure counted in the database.</summary>
public sealed class StewardDashboard(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, JobStorage jobs)
{
    public async Task<StewardView> LoadAsync(CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        user.EnsureRole(Roles.Steward, Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var orders = WorkOrderQueries.Visible(db, user);
        return new StewardView(
            await NewProblemsAsync(db, user, ct),
            await orders.CountAsync(o => o.Status == WorkOrderStatus.AwaitingReview, ct),
            await orders.CountAsync(o => o.Status == WorkOrderStatus.Disputed, ct),
            await orders.Open().CountAsync(o => o.ExtensionRequestedDate != null, ct),
            await db.CheckRuns.AsNoTracking().VisibleTo(user).CountAsync(r => r.Status == CheckRunStatus.Failed, ct),
            await db.DataBatches.AsNoTracking().VisibleTo(user).CountAsync(b => b.Status == BatchStatus.Failed, ct),
            user.IsInRole(Roles.Admin) ? jobs.GetMonitoringApi().FailedCount() : null);
    }

    /// <summary>Open current problems per resource and severity, the resources with most first.</summary>
    private static async Task<IReadOnlyList<ProblemCell>> NewProblemsAsync(AppDbContext db, UserContext user, CancellationToken ct)
    {
        var counts = await CurrentProblems.Of(db, user).Where(p => p.Status == ProblemStatus.Open)
            .GroupBy(p => new { p.DataResourceId, p.Severity }).Select(g => new { g.Key.DataResourceId, g.Key.Severity, Count = g.Count() })
            .ToListAsync(ct);
        var resources = await ProblemService.ResourcesAsync(db, counts.Select(c => c.DataResourceId), ct);
        var totals = counts.GroupBy(c => c.DataResourceId).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        return counts.Select(c =>
            {
                var r = resources[c.DataResourceId];
                return new ProblemCell(c.DataResourceId, r.Code, r.Name, r.DepartmentName, c.Severity, c.Count);
            })
            .OrderByDescending(c => totals[c.ResourceId]).ThenBy(c => c.ResourceCode, StringComparer.Ordinal).ThenBy(c => c.Severity).ToList();
    }
}
