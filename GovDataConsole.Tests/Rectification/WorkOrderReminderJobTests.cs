using GovDataConsole.Features.Rectification;
using GovDataConsole.Quality;
using GovDataConsole.Tests.Cleansing;
using GovDataConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GovDataConsole.Tests.Cleansing.CleansingKit;

namespace GovDataConsole.Tests.Rectification;

/// <summary>Due dates across the 2026 National Day holiday and its make-up Saturday, then reminders, 超期 and 督办 day by day with a fake clock.</summary>
[Collection(CleansingAppCollection.Name)]
public sealed class WorkOrderReminderJobTests(DemoAppFixture app)
{
    private static DateTimeOffset At(int month, int day, int hour) => new(2026, month, day, hour, 30, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task A_critical_order_dispatched_before_national_day_is_due_on_the_make_up_saturday_then_reminded_marked_overdue_and_escalated_once()
    {
        var clock = new SettableClock(At(9, 30, 10));
        var orderId = Assert.Single(await RectificationKit.CreateOrderAsync(app.Services, RuleSeverity.Critical));
        await using (var scope = await ActAs.UserAsync(app.Services, "steward"))
        {
            var service = ActivatorUtilities.CreateInstance<WorkOrderService>(scope.ServiceProvider, clock);
            await service.ActAsync(orderId, WorkOrderAction.Dispatch, new(await StampAsync(orderId)), Ct);
        }
        // 3 working days after Wed 30 Sep: 1–7 Oct are off, so Thu 8, Fri 9 and the make-up Saturday 10 Oct.
        Assert.Equal(new DateOnly(2026, 10, 10), (await OrderAsync(orderId)).DueDate);

        var expected = new (int Month, int Day, WorkOrderEventKind[] Kinds)[]
        {
            (10, 8, []),                                        // two working days before: nothing yet
            (10, 9, [WorkOrderEventKind.Reminded]),             // one working day before
            (10, 10, [WorkOrderEventKind.Reminded]),            // the due day (a make-up working Saturday)
            (10, 11, []),                                       // Sunday: the job rests
            (10, 12, [WorkOrderEventKind.Overdue]),             // first working day past due; 1 day overdue
            (10, 13, [WorkOrderEventKind.Escalated]),           // 2 working days overdue: 督办
            (10, 14, []),                                       // escalated once only
        };
        foreach (var (month, day, kinds) in expected)
        {
            clock.Now = At(month, day, 8);
            var before = await EventCountAsync(orderId);
            await RunJobAsync(clock);
            await RunJobAsync(clock);
            Assert.Equal(kinds, await EventsSinceAsync(orderId, before));
        }

        var order = await OrderAsync(orderId);
        Assert.Equal((new DateOnly(2026, 10, 12), new DateOnly(2026, 10, 10)), (order.OverdueSince, order.LastRemindedOn));
        await using var db = ActAs.Db(app.Services);
        var inbox = await db.Notifications.AsNoTracking().Where(n => n.Link == $"rectification/orders/{orderId}").ToListAsync(Ct);
        Assert.Equal(2, inbox.Count(n => n.UserName == "gongan" && n.Kind == NotificationKind.Reminder));
        Assert.Contains(inbox, n => n.UserName == "manager" && n.Kind == NotificationKind.Escalation);
        Assert.DoesNotContain(inbox, n => n.UserName == "shichang");
    }

    private async Task RunJobAsync(TimeProvider clock)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await ActivatorUtilities.CreateInstance<WorkOrderReminderJob>(scope.ServiceProvider, clock).RunAsync(Ct);
    }

    private async Task<WorkOrder> OrderAsync(int id)
    {
        await using var db = ActAs.Db(app.Services);
        return await db.WorkOrders.AsNoTracking().SingleAsync(o => o.Id == id, Ct);
    }

    private async Task<Guid> StampAsync(int id) => (await OrderAsync(id)).ConcurrencyStamp;

    private async Task<int> EventCountAsync(int id)
    {
        await using var db = ActAs.Db(app.Services);
        return await db.WorkOrderEvents.CountAsync(e => e.OrderId == id, Ct);
    }

    private async Task<WorkOrderEventKind[]> EventsSinceAsync(int id, int skip)
    {
        await using var db = ActAs.Db(app.Services);
        return [.. await db.WorkOrderEvents.Where(e => e.OrderId == id).OrderBy(e => e.Id).Skip(skip).Select(e => e.Kind).ToListAsync(Ct)];
    }
}
