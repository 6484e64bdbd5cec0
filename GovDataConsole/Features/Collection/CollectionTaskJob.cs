using GovDataConsole.Data;
using GovDataConsole.Features.Calendar;
using GovDataConsole.Features.Catalog;
using GovDataConsole.Features.Shared;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace GovDataConsole.Features.Collection;

/// <summary>
/// Generates one task per published resource and period, due a number of working days after the period ends,
/// and marks overdue tasks 缺报. Idempotent: existing tasks are never created twice (unique resource × period).
/// </summary>
public sealed class CollectionTaskJob(IDbContextFactory<AppDbContext> dbFactory, CalendarService calendar, CollectionOptions options)
{
    public const string RecurringId = "collection-tasks";

    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task RunAsync(CancellationToken ct) => await RunAsync(ChinaTime.Today, ct);

    public async Task<int> RunAsync(DateOnly today, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var from = today.AddDays(-options.LookbackDays);
        var resources = await db.DataResources.Where(r => r.Status == ResourceStatus.Published && r.PublishedUtc != null).ToListAsync(ct);
        var existing = (await db.CollectionTasks.Where(t => t.PeriodEnd >= from.AddDays(-400))
            .Select(t => new { t.DataResourceId, t.PeriodKey }).ToListAsync(ct))
            .Select(t => (t.DataResourceId, t.PeriodKey)).ToHashSet();
        var workingDays = await calendar.LoadAsync(from.AddDays(-400), today.AddDays(400), ct);

        var created = 0;
        foreach (var resource in resources)
        {
            var published = DateOnly.FromDateTime(ChinaTime.FromUtc(resource.PublishedUtc!.Value));
            var start = published > from ? published : from;
            foreach (var period in CollectionPeriod.Between(resource.UpdateCycle, start, today))
            {
                if (!existing.Add((resource.Id, period.Key))) continue;
                db.CollectionTasks.Add(new CollectionTask(resource, period, workingDays.AddWorkingDays(period.End, options.GraceWorkingDays)));
                created++;
            }
        }
        await db.SaveChangesAsync(ct);

        await db.CollectionTasks.Where(t => t.Status == CollectionTaskStatus.Pending && t.DueDate < today)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, CollectionTaskStatus.Missing), ct);
        return created;
    }
}
