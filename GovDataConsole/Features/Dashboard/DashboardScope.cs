using GovDataConsole.Data;
using GovDataConsole.Features.Organization;
using GovDataConsole.Features.Rectification;
using GovDataConsole.Features.Shared;

namespace GovDataConsole.Features.Dashboard;

/// <summary>What the dashboards count: the user's orders as the order list shows them, and the current week (China time).</summary>
internal static class DashboardScope
{
    /// <summary>Orders of the user's department scope; drafts (待派发) only for stewards and admins, as in the order list.</summary>
    public static IQueryable<WorkOrder> Orders(AppDbContext db, UserContext user)
    {
        var orders = db.WorkOrders.VisibleTo(user);
        return user.Role is Roles.Steward or Roles.Admin ? orders : orders.Where(o => o.Status != WorkOrderStatus.Draft);
    }

    public static IQueryable<WorkOrder> Open(this IQueryable<WorkOrder> orders) =>
        orders.Where(o => o.Status != WorkOrderStatus.Closed && o.Status != WorkOrderStatus.ClosedAsException);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(ChinaTime.FromUtc(clock.GetUtcNow().UtcDateTime));

    /// <summary>Monday to Sunday of the week <paramref name="day"/> falls in.</summary>
    public static (DateOnly Monday, DateOnly Sunday) WeekOf(DateOnly day)
    {
        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        return (monday, monday.AddDays(6));
    }
}
