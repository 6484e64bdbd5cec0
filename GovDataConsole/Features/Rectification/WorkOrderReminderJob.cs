using GovDataConsole.Data;
using GovDataConsole.Features.Calendar;
using GovDataConsole.Features.Organization;
using GovDataConsole.Features.Shared;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Features.Rectification;

/// <summary>
/// Daily on working days, for orders the department holds (待签收, 整改中): 催办 the department's staff one working day before
/// and on the due date; mark 超期 the day after; 督办 managers and the department (naming its head contact) once an order is
/// <see cref="RectificationOptions.EscalateAfterOverdueWorkingDays"/> working days overdue. Each step happens once per order
/// (per day for reminders), so running the job twice changes nothing.
/// </summary>
public sealed class WorkOrderReminderJob(IDbContextFactory<AppDbContext> dbFactory, CalendarService calendar, Notifier notifier, RectificationOptions options,
    TimeProvider clock)
{
    public const string RecurringId = "work-order-reminders";

    [AutomaticRetry(Attempts = 2)]
    public async Task RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(ChinaTime.FromUtc(now));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var orders = await db.WorkOrders.Where(o => (o.Status == WorkOrderStatus.Dispatched || o.Status == WorkOrderStatus.InProgress) && o.DueDate != null)
            .ToListAsync(ct);
        if (orders.Count == 0) return;
        var days = await calendar.LoadAsync(orders.Min(o => o.DueDate!.Value).AddDays(-10), today.AddDays(30), ct);
        if (!days.IsWorkingDay(today)) return;
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, ct);
        foreach (var order in orders)
        {
            var due = order.DueDate!.Value;
            if ((today == due || days.NextWorkingDay(today) == due) && order.LastRemindedOn != today)
            {
                order.Reminded(today);
                await RecordAsync(db, order, WorkOrderEventKind.Reminded, string.Format(T.WorkOrder_ReminderComment, due.ToString("yyyy-MM-dd")), now, ct);
                await NotifyAsync(order, NotificationKind.Reminder, await notifier.DepartmentStaffAsync(order.DepartmentId, ct),
                    string.Format(T.Notification_ReminderBody, order.Title, due.ToString("yyyy-MM-dd")), ct);
            }
            if (today <= due) continue;
            if (order.OverdueSince is null)
            {
                order.MarkOverdue(days.NextWorkingDay(due));
                await RecordAsync(db, order, WorkOrderEventKind.Overdue, string.Format(T.WorkOrder_OverdueComment, due.ToString("yyyy-MM-dd")), now, ct);
            }
            var overdue = days.WorkingDaysBetween(due, today);
            if (overdue < options.EscalateAfterOverdueWorkingDays || order.EscalatedUtc is not null) continue;
            order.Escalated(now);
            var department = departments.GetValueOrDefault(order.DepartmentId);
            var body = string.Format(T.Notification_EscalationBody, order.Title, department?.Name ?? "", overdue, department?.ContactPerson ?? "—");
            await RecordAsync(db, order, WorkOrderEventKind.Escalated, body, now, ct);
            var recipients = (await notifier.InRoleAsync(Roles.Manager, ct)).Concat(await notifier.DepartmentStaffAsync(order.DepartmentId, ct)).ToList();
            await NotifyAsync(order, NotificationKind.Escalation, recipients, body, ct);
        }
    }

    private static async Task RecordAsync(AppDbContext db, WorkOrder order, WorkOrderEventKind kind, string comment, DateTime now, CancellationToken ct)
    {
        order.Renew();
        db.WorkOrderEvents.Add(new WorkOrderEvent(order.Id, kind, order.Status, order.Status, WorkOrderService.System.UserName, comment, now));
        await db.SaveChangesAsync(ct);
    }

    private Task NotifyAsync(WorkOrder order, NotificationKind kind, IReadOnlyList<string> users, string body, CancellationToken ct) =>
        notifier.SendAsync(new NotificationMessage(users, kind, string.Format(T.Notification_OrderTitle, order.Number, EnumLabels.Of(kind)), body,
            $"rectification/orders/{order.Id}"), ct);
}
