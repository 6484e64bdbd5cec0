using GovDataConsole.Data;
using GovDataConsole.Features.Calendar;
using GovDataConsole.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace GovDataConsole.Features.Rectification;

/// <summary>
/// A department's rectification figures for the orders dispatched to it in a period (the cohort), as of a moment:
/// 整改完成率 = closed ÷ received; 整改及时率 = closed on time ÷ closed (on time: the department's last submission — or the
/// closing, when it never submitted — on or before the due date). Handling time counts working days from dispatch to that day.
/// </summary>
public sealed record DepartmentRectification(int DepartmentId, int Received, int Closed, int ClosedOnTime, decimal? AverageHandlingWorkingDays,
    int ReworkRounds, int Overdue, int UpheldDisputes, IReadOnlyList<int> OrderIds)
{
    public decimal? CompletionRate => Received == 0 ? null : Math.Round(Closed * 100m / Received, 2);

    public decimal? TimelinessRate => Closed == 0 ? null : Math.Round(ClosedOnTime * 100m / Closed, 2);
}

/// <summary>Computes <see cref="DepartmentRectification"/> for every department that received orders in a period.</summary>
public sealed class RectificationMeasures(IDbContextFactory<AppDbContext> dbFactory, CalendarService calendar)
{
    /// <param name="from">First day of the period (China time).</param>
    /// <param name="to">Last day of the period.</param>
    /// <param name="asOfUtc">Orders closed after this moment count as open (so a published period is reproducible).</param>
    public async Task<IReadOnlyList<DepartmentRectification>> ForPeriodAsync(DateOnly from, DateOnly to, DateTime asOfUtc, CancellationToken ct)
    {
        var start = ChinaTime.StartOfDayUtc(from);
        var end = ChinaTime.StartOfDayUtc(to.AddDays(1));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var orders = await db.WorkOrders.AsNoTracking().Where(o => o.DispatchedUtc >= start && o.DispatchedUtc < end && o.DispatchedUtc <= asOfUtc)
            .Select(o => new { o.Id, o.DepartmentId, o.DispatchedUtc, o.SubmittedUtc, o.ClosedUtc, o.DueDate, o.ReworkRounds, o.OverdueSince, o.DisputeUpheld })
            .ToListAsync(ct);
        if (orders.Count == 0) return [];
        var days = await calendar.LoadAsync(from.AddDays(-1), DateOnly.FromDateTime(ChinaTime.FromUtc(asOfUtc)).AddDays(1), ct);
        static DateOnly Day(DateTime utc) => DateOnly.FromDateTime(ChinaTime.FromUtc(utc));
        return orders.GroupBy(o => o.DepartmentId).OrderBy(g => g.Key).Select(g =>
        {
            var closed = g.Where(o => o.ClosedUtc is { } c && c <= asOfUtc).ToList();
            var finished = closed.Select(o => (o, Day(o.SubmittedUtc ?? o.ClosedUtc!.Value))).ToList();
            return new DepartmentRectification(g.Key, g.Count(), closed.Count, finished.Count(x => x.o.DueDate is null || x.Item2 <= x.o.DueDate),
                finished.Count == 0 ? null : Math.Round((decimal)finished.Average(x => days.WorkingDaysBetween(Day(x.o.DispatchedUtc!.Value), x.Item2)), 2),
                g.Sum(o => o.ReworkRounds), g.Count(o => o.OverdueSince is not null), g.Count(o => o.DisputeUpheld && o.ClosedUtc <= asOfUtc),
                g.Select(o => o.Id).Order().ToList());
        }).ToList();
    }
}
