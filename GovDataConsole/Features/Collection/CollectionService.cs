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
        var firstMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(1 - Math.Clamp(months, 1, 24));
        var monthKeys = Enumerable.Range(0, months).Select(i => firstMonth.AddMonths(i).ToString("yyyy-MM")).ToList();

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tasks = db.CollectionTasks.AsNoTracking().VisibleTo(user).Where(t => t.PeriodEnd >= firstMonth && t.PeriodStart <= today);
        if (departmentId is int id) tasks = tasks.Where(t => t.DepartmentId == id);
        var rows = await tasks.Select(t => new
        {
            t.DataResourceId, t.DataResource!.Code, t.DataResource.Name, Department = t.DataResource.Department!.Name, t.DepartmentId,
            t.DataResource.UpdateCycle, t.PeriodEnd, t.DueDate, t.Status,
        }).ToListAsync(ct);

        var matrix = rows.GroupBy(r => r.DataResourceId)
            .Select(g => new MatrixRow(g.Key, g.First().Code, g.First().Name, g.First().Department, g.First().UpdateCycle,
                monthKeys.Select(m => Cell(m, g.Where(t => t.PeriodEnd.ToString("yyyy-MM") == m).Select(t => t.Status).ToList())).ToList()))
            .OrderBy(r => r.DepartmentName).ThenBy(r => r.ResourceCode).ToList();

        var rates = rows.Where(r => DepartmentRate.Counts(r.DueDate, r.Status, today))
            .GroupBy(r => (r.DepartmentId, r.Department))
            .Select(g => DepartmentRate.Of(g.Key.DepartmentId, g.Key.Department, g.Select(t => t.Status).ToList()))
            .OrderByDescending(r => r.Timeliness).ThenBy(r => r.DepartmentName).ToList();
        return new CollectionOverview(monthKeys, matrix, rates);
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
