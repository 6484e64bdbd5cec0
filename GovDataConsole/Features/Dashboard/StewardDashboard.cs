using GovDataConsole.Data;
using GovDataConsole.Features.Collection;
using GovDataConsole.Features.Organization;
using GovDataConsole.Features.Quality;
using GovDataConsole.Features.Rectification;
using GovDataConsole.Quality;
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

    /// <summary>
    /// Open current problems per resource and severity, the resources with most first. One pass over the current problems
    /// (on the covering index of batch, run, status and severity), one row per resource with a count per severity (the three
    /// severities are spelled out so the database counts them in that pass; the drill-down test walks every severity).
    /// </summary>
    private static async Task<IReadOnlyList<ProblemCell>> NewProblemsAsync(AppDbContext db, UserContext user, CancellationToken ct)
    {
        var perResource = CurrentProblems.Of(db, user).Where(p => p.Status == ProblemStatus.Open).GroupBy(p => p.DataResourceId)
            .Select(g => new
            {
                DataResourceId = g.Key,
                Critical = g.Count(p => p.Severity == RuleSeverity.Critical),
                Major = g.Count(p => p.Severity == RuleSeverity.Major),
                Minor = g.Count(p => p.Severity == RuleSeverity.Minor),
            });
        var rows = await (from c in perResource
                          join r in db.DataResources on c.DataResourceId equals r.Id
                          select new { c.DataResourceId, r.Code, r.Name, Department = r.Department!.Name, c.Critical, c.Major, c.Minor }).ToListAsync(ct);
        return rows.OrderByDescending(r => r.Critical + r.Major + r.Minor).ThenBy(r => r.Code, StringComparer.Ordinal)
            .SelectMany(r => new[] { (RuleSeverity.Critical, r.Critical), (RuleSeverity.Major, r.Major), (RuleSeverity.Minor, r.Minor) }
                .Where(x => x.Item2 > 0)
                .Select(x => new ProblemCell(r.DataResourceId, r.Code, r.Name, r.Department, x.Item1, x.Item2)))
            .ToList();
    }
}
