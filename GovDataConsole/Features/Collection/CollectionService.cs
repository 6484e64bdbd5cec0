using GovDataConsole.Data;
using GovDataConsole.Features.Organization;
using GovDataConsole.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace GovDataConsole.Features.Collection;

/// <summary>Collection tasks as people read them: the department × period matrix, the rates, and what is due.</summary>
public sealed class CollectionService(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser)
{
    /// <summary>The last <paramref name="months"/> months (ending this month) for the visible departments.</summary>
    public async Task<CollectionOverview> OverviewAsync(int? departmentId, int months, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        var today = ChinaTime.Today;
        var firstMonth = FirstMonth(today, months);
        var monthKeys = Enumerable.Range(0, months).Select(i => firstMonth.AddMonths(i).ToString("yyyy-MM")).ToList();

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tasks = Tasks(db, user, departmentId, firstMonth, today);
        var rows = await tasks.Select(t => new
        {
            t.DataResourceId, t.DataResource!.Code, t.DataResource.Name, Department = t.DataResource.Department!.Name, t.DataResource.UpdateCycle, t.PeriodEnd,
            t.Status,
        }).ToListAsync(ct);

        var matrix = rows.GroupBy(r => r.DataResourceId)
            .Select(g => new MatrixRow(g.Key, g.First().Code, g.First().Name, g.First().Department, g.First().UpdateCycle,
                monthKeys.Select(m => Cell(m, g.Where(t => t.PeriodEnd.ToString("yyyy-MM") == m).Select(t => t.Status).ToList())).ToList()))
            .OrderBy(r => r.DepartmentName).ThenBy(r => r.ResourceCode).ToList();
        return new CollectionOverview(monthKeys, matrix, await RatesAsync(tasks, today, ct));
    }

    /// <summary>
    /// The per-department rates of <see cref="OverviewAsync"/> without the matrix (the manager's dashboard), counted in the
    /// database: a query per status and department, not a row per task.
    /// </summary>
    public async Task<IReadOnlyList<DepartmentRate>> RatesAsync(int months, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        var today = ChinaTime.Today;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await RatesAsync(Tasks(db, user, null, FirstMonth(today, months), today), today, ct);
    }

    private static DateOnly FirstMonth(DateOnly today, int months) => new DateOnly(today.Year, today.Month, 1).AddMonths(1 - Math.Clamp(months, 1, 24));

    /// <summary>The visible tasks of the months from <paramref name="firstMonth"/> that have started by <paramref name="today"/>.</summary>
    private static IQueryable<CollectionTask> Tasks(AppDbContext db, UserContext user, int? departmentId, DateOnly firstMonth, DateOnly today)
    {
        var tasks = db.CollectionTasks.AsNoTracking().VisibleTo(user).Where(t => t.PeriodEnd >= firstMonth && t.PeriodStart <= today);
        return departmentId is int id ? tasks.Where(t => t.DepartmentId == id) : tasks;
    }

    /// <summary>Best timeliness first.</summary>
    private static async Task<IReadOnlyList<DepartmentRate>> RatesAsync(IQueryable<CollectionTask> tasks, DateOnly today, CancellationToken ct)
    {
        var counts = await tasks.Where(DepartmentRate.CountsOn(today))
            .GroupBy(t => new { t.DepartmentId, Department = t.DataResource!.Department!.Name, t.Status })
            .Select(g => new { g.Key.DepartmentId, g.Key.Department, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        return counts.GroupBy(c => (c.DepartmentId, c.Department))
            .Select(g => DepartmentRate.Of(g.Key.DepartmentId, g.Key.Department, g.ToDictionary(c => c.Status, c => c.Count)))
            .OrderByDescending(r => r.Timeliness).ThenBy(r => r.DepartmentName).ToList();
    }

    /// <summary>Open tasks (待提交 and 缺报) of the visible departments, soonest due first.</summary>
    public async Task<IReadOnlyList<TaskRow>> OpenTasksAsync(int max, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.CollectionTasks.AsNoTracking().VisibleTo(user)
            .Where(t => t.Status == CollectionTaskStatus.Pending || t.Status == CollectionTaskStatus.Missing)
            .OrderBy(t => t.DueDate).ThenBy(t => t.DataResource!.Code).Take(max)
            .Select(t => new TaskRow(t.Id, t.DataResourceId, t.DataResource!.Code, t.DataResource.Name, t.DataResource.Department!.Name,
                t.PeriodKey, t.DueDate, t.Status, t.BatchId))
            .ToListAsync(ct);
    }

    private static MatrixCell Cell(string month, IReadOnlyList<CollectionTaskStatus> statuses) => new(month, statuses.Count,
        statuses.Count(s => s == CollectionTaskStatus.Submitted), statuses.Count(s => s == CollectionTaskStatus.SubmittedLate),
        statuses.Count(s => s == CollectionTaskStatus.Missing), statuses.Count(s => s == CollectionTaskStatus.Pending));
}
