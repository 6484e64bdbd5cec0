using GovDataConsole.Data;
using GovDataConsole.Features.Collection;
using GovDataConsole.Features.Organization;
using GovDataConsole.Features.Rectification;
using GovDataConsole.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace GovDataConsole.Features.Dashboard;

/// <summary>A department's own dashboard: its tasks, its open orders and its score. Department staff only, own department only.</summary>
public sealed class StaffDashboard(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, IRankingExcerptSource ranking, TimeProvider clock)
{
    /// <summary>Rows listed per section; the counts cover all.</summary>
    public const int ListSize = 8;

    public async Task<StaffView> LoadAsync(CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        user.EnsureRole(Roles.DepartmentStaff);
        var departmentId = user.DepartmentId ?? throw new AccessDeniedException(Resources.UiText.Error_OtherDepartment);
        var today = DashboardScope.Today(clock);
        var (_, sunday) = WorkOrderQueries.WeekOf(today);
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        var tasks = db.CollectionTasks.AsNoTracking().VisibleTo(user);
        var dueThisWeek = tasks.Where(t => t.Status == CollectionTaskStatus.Pending && t.DueDate >= today && t.DueDate <= sunday);
        var overdue = tasks.Where(t => t.Status == CollectionTaskStatus.Missing || (t.Status == CollectionTaskStatus.Pending && t.DueDate < today));
        var orders = WorkOrderQueries.Visible(db, user).Open();
        var openOrders = await orders.OrderBy(o => o.DueDate == null).ThenBy(o => o.DueDate).ThenBy(o => o.Id).Take(ListSize)
            .Select(o => new OpenOrder(o.Id, o.Number, o.Title, o.Status, o.DueDate, o.OverdueSince != null)).ToListAsync(ct);

        return new StaffView(user.DepartmentName ?? "", sunday,
            await dueThisWeek.CountAsync(ct), await ListAsync(dueThisWeek, ct),
            await overdue.CountAsync(ct), await ListAsync(overdue, ct),
            await orders.CountAsync(ct), openOrders, await ranking.OwnAsync(departmentId, ct));
    }

    private static Task<List<TaskRow>> ListAsync(IQueryable<CollectionTask> tasks, CancellationToken ct) =>
        tasks.OrderBy(t => t.DueDate).ThenBy(t => t.DataResource!.Code).Take(ListSize)
            .Select(t => new TaskRow(t.Id, t.DataResourceId, t.DataResource!.Code, t.DataResource.Name, t.DataResource.Department!.Name,
                t.PeriodKey, t.DueDate, t.Status, t.BatchId))
            .ToListAsync(ct);
}
