using GovDataConsole.Features.Rectification;
using GovDataConsole.Features.Shared;

namespace GovDataConsole.Features.Dashboard;

/// <summary>What the dashboards count against: open orders, and today (China time) by the injected clock.</summary>
internal static class DashboardScope
{
    public static IQueryable<WorkOrder> Open(this IQueryable<WorkOrder> orders) =>
        orders.Where(o => o.Status != WorkOrderStatus.Closed && o.Status != WorkOrderStatus.ClosedAsException);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(ChinaTime.FromUtc(clock.GetUtcNow().UtcDateTime));
}
