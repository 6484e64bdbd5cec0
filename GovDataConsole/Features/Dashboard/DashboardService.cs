using GovDataConsole.Data;
using GovDataConsole.Features.Audit;
using GovDataConsole.Features.Organization;
using GovDataConsole.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace GovDataConsole.Features.Dashboard;

public sealed record HomeSummary(int Departments, int EnabledDepartments, int Users, int SignInsToday, int FailedSignInsToday, int LockedUsers);

/// <summary>Figures for the home page, within the viewer's department scope.</summary>
public sealed class DashboardService(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser)
{
    public async Task<HomeSummary> GetSummaryAsync(CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var departments = db.Departments.AsNoTracking().VisibleTo(user);
        var users = user.IsDepartmentScoped ? db.Users.Where(u => u.DepartmentId == user.DepartmentId) : db.Users;
        var since = ChinaTime.StartOfDayUtc(ChinaTime.Today);
        var now = DateTimeOffset.UtcNow;
        var admin = user.IsInRole(Roles.Admin);
        var signIns = admin ? db.AuditEntries.Where(e => e.TimeUtc >= since && e.Category == AuditActions.SignInCategory) : null;
        return new HomeSummary(
            await departments.CountAsync(ct),
            await departments.CountAsync(d => d.Enabled, ct),
            await users.CountAsync(ct),
            signIns is null ? 0 : await signIns.CountAsync(e => e.Action == AuditActions.SignIn, ct),
            signIns is null ? 0 : await signIns.CountAsync(e => !e.Succeeded, ct),
            admin ? await db.Users.CountAsync(u => u.LockoutEnd != null && u.LockoutEnd > now, ct) : 0);
    }
}
