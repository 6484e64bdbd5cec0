using GovDataConsole.Calendar;
using GovDataConsole.Features.Rectification;
using GovDataConsole.Features.Shared;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Data;

/// <summary>One timeline entry of a scaled demo order.</summary>
internal sealed record PlannedEvent(WorkOrderEventKind Kind, WorkOrderStatus? From, WorkOrderStatus? To, string Actor, string? Comment, DateTime AtUtc);

/// <summary>
/// A scaled demo order and the life it has had by now: the state it reached through the real transitions (待派发 → 待签收 →
/// 整改中 → 待复核 → 已办结, 申诉, 复核不通过, 延期申请), every step a timeline event, 超期 / 督办 where the reminder job would have
/// marked them. Older orders are mostly closed, recent ones in every state; how often a department closes on time
/// follows its quality.
/// </summary>
internal sealed class PlannedOrder
{
    public required int Id { get; init; }
    public required DateTime CreatedUtc { get; init; }
    public WorkOrderStatus Status { get; private set; } = WorkOrderStatus.Draft;
    public WorkOrderStatus? StatusBeforeDispute { get; private set; }
    public DateTime? DispatchedUtc { get; private set; }
    public DateTime? SignedUtc { get; private set; }
    public DateTime? SubmittedUtc { get; private set; }
    public DateTime? ClosedUtc { get; private set; }
    public DateOnly? DueDate { get; private set; }
    public DateOnly? ExtensionRequestedDate { get; private set; }
    public string? ExtensionReason { get; private set; }
    public DateOnly? OverdueSince { get; private set; }
    public DateOnly? LastRemindedOn { get; private set; }
    public DateTime? EscalatedUtc { get; private set; }
    public int ReworkRounds { get; private set; }
    public bool DisputeUpheld { get; private set; }
    public List<PlannedEvent> Events { get; } = [];

    /// <summary>Share of the order's rows fixed by now (the rest stay 待整改, or become 例外 when a dispute was upheld).</summary>
    public double FixedShare { get; private set; }

    /// <summary>When the fixed rows were fixed.</summary>
    public DateTime? FixedUtc => SubmittedUtc ?? SignedUtc;

    /// <summary>Plays the order's life up to <paramref name="nowUtc"/>.</summary>
    public void Live(Random random, WorkingCalendar days, int dueWorkingDays, int escalateAfter, double onTime, string staff, string steward,
        string title, string departmentName, string? contact, DateTime nowUtc)
    {
        var today = Day(nowUtc);
        var age = today.DayNumber - Day(CreatedUtc).DayNumber;
        var roll = random.NextDouble();
        var target = age > 30
            ? Pick(roll, (0.88, WorkOrderStatus.Closed), (0.93, WorkOrderStatus.ClosedAsException), (0.97, WorkOrderStatus.InProgress), (1, WorkOrderStatus.Dispatched))
            : age > 10
                ? Pick(roll, (0.03, WorkOrderStatus.Draft), (0.55, WorkOrderStatus.Closed), (0.60, WorkOrderStatus.ClosedAsException),
                    (0.72, WorkOrderStatus.AwaitingReview), (0.87, WorkOrderStatus.InProgress), (0.93, WorkOrderStatus.Disputed), (1, WorkOrderStatus.Dispatched))
                : Pick(roll, (0.08, WorkOrderStatus.Draft), (0.30, WorkOrderStatus.Dispatched), (0.58, WorkOrderStatus.InProgress),
                    (0.75, WorkOrderStatus.AwaitingReview), (0.82, WorkOrderStatus.Disputed), (1, WorkOrderStatus.Closed));
        Events.Add(new(WorkOrderEventKind.Created, null, WorkOrderStatus.Draft, WorkOrderService.System.UserName, null, CreatedUtc));
        if (target == WorkOrderStatus.Draft) return;

        var dispatched = CreatedUtc.AddMinutes(1);
        DueDate = days.AddWorkingDays(Day(dispatched), dueWorkingDays);
        Move(WorkOrderEventKind.Dispatch, WorkOrderStatus.Dispatched, WorkOrderService.System.UserName, null, dispatched);
        DispatchedUtc = dispatched;
        if (target == WorkOrderStatus.Dispatched)
        {
            AskForTimeSometimes(random, staff, dispatched.AddHours(3), nowUtc);
            Held(days, escalateAfter, title, departmentName, contact, today, nowUtc);
            return;
        }

        var signed = Later(dispatched, random.Next(1, 20), nowUtc);
        Move(WorkOrderEventKind.Sign, WorkOrderStatus.InProgress, staff, null, signed);
        SignedUtc = signed;
        if (target is WorkOrderStatus.Disputed or WorkOrderStatus.ClosedAsException)
        {
            StatusBeforeDispute = WorkOrderStatus.InProgress;
            var disputed = Later(signed, random.Next(1, 30), nowUtc);
            Move(WorkOrderEventKind.Dispute, WorkOrderStatus.Disputed, staff, DemoScaleNames.DisputeReasons[random.Next(DemoScaleNames.DisputeReasons.Length)], disputed);
            if (target == WorkOrderStatus.Disputed) return;
            ClosedUtc = Later(disputed, random.Next(20, 72), nowUtc);
            Move(WorkOrderEventKind.UpholdDispute, WorkOrderStatus.ClosedAsException, steward, T.WorkOrder_DisputeUpheldReason, ClosedUtc.Value);
            DisputeUpheld = true;
            return;
        }

        var submitDay = random.NextDouble() < onTime
            ? DateOnly.FromDayNumber(Math.Min(DueDate.Value.DayNumber, Day(signed).DayNumber + random.Next(0, 3)))
            : days.AddWorkingDays(DueDate.Value, random.Next(1, 9));
        var submitted = Max(AtWork(submitDay, random), signed.AddHours(1));
        if (target == WorkOrderStatus.InProgress || submitted >= nowUtc.AddHours(-1))
        {
            FixedShare = random.NextDouble() * 0.6;
            AskForTimeSometimes(random, staff, signed.AddHours(2), nowUtc);
            Held(days, escalateAfter, title, departmentName, contact, today, nowUtc);
            return;
        }
        MarkedWhileHeld(days, escalateAfter, title, departmentName, contact, submitDay, nowUtc);
        if (target == WorkOrderStatus.Closed && random.NextDouble() < 0.15)
        {
            Move(WorkOrderEventKind.Submit, WorkOrderStatus.AwaitingReview, staff, null, submitted);
            var rejected = Later(submitted, random.Next(2, 24), nowUtc);
            Move(WorkOrderEventKind.Reject, WorkOrderStatus.InProgress, steward, DemoScaleNames.RejectComments[random.Next(DemoScaleNames.RejectComments.Length)], rejected);
            ReworkRounds = 1;
            submitted = Later(rejected, random.Next(2, 30), nowUtc);
        }
        Move(WorkOrderEventKind.Submit, WorkOrderStatus.AwaitingReview, staff, null, submitted);
        SubmittedUtc = submitted;
        FixedShare = 1;
        if (target == WorkOrderStatus.AwaitingReview) return;
        ClosedUtc = Later(submitted, random.Next(1, 48), nowUtc);
        Move(WorkOrderEventKind.Approve, WorkOrderStatus.Closed, steward, null, ClosedUtc.Value);
    }

    private void Move(WorkOrderEventKind kind, WorkOrderStatus to, string actor, string? comment, DateTime at)
    {
        Events.Add(new(kind, Status, to, actor, comment, at));
        Status = to;
    }

    private void AskForTimeSometimes(Random random, string staff, DateTime at, DateTime nowUtc)
    {
        if (random.NextDouble() >= 0.12 || at >= nowUtc || DueDate is not { } due) return;
        ExtensionRequestedDate = due.AddDays(random.Next(5, 15));
        ExtensionReason = DemoScaleNames.ExtensionReasons[random.Next(DemoScaleNames.ExtensionReasons.Length)];
        Events.Add(new(WorkOrderEventKind.RequestExtension, Status, Status, staff, ExtensionReason, at));
    }

    /// <summary>Still with the department today: what the reminder job has done by now (催办 on the due date, 超期, 督办).</summary>
    private void Held(WorkingCalendar days, int escalateAfter, string title, string departmentName, string? contact, DateOnly today, DateTime nowUtc)
    {
        if (DueDate is not { } due || due > today) return;
        LastRemindedOn = due;
        Events.Add(new(WorkOrderEventKind.Reminded, Status, Status, WorkOrderService.System.UserName,
            string.Format(T.WorkOrder_ReminderComment, due.ToString("yyyy-MM-dd")), Min(AtNine(due), nowUtc)));
        if (due < today) MarkedWhileHeld(days, escalateAfter, title, departmentName, contact, today, nowUtc);
    }

    /// <summary>
    /// 超期 the first working day after the due date, 督办 (as the job words it that day) once <paramref name="escalateAfter"/> working
    /// days late, if still held by then (<paramref name="until"/>).
    /// </summary>
    private void MarkedWhileHeld(WorkingCalendar days, int escalateAfter, string title, string departmentName, string? contact, DateOnly until, DateTime nowUtc)
    {
        if (DueDate is not { } due || until <= due) return;
        OverdueSince = days.NextWorkingDay(due);
        Events.Add(new(WorkOrderEventKind.Overdue, Status, Status, WorkOrderService.System.UserName,
            string.Format(T.WorkOrder_OverdueComment, due.ToString("yyyy-MM-dd")), Min(AtNine(OverdueSince.Value), nowUtc)));
        if (days.WorkingDaysBetween(due, until) < escalateAfter) return;
        EscalatedUtc = Min(AtNine(days.AddWorkingDays(due, escalateAfter)), nowUtc);
        Events.Add(new(WorkOrderEventKind.Escalated, Status, Status, WorkOrderService.System.UserName,
            string.Format(T.Notification_EscalationBody, title, departmentName, escalateAfter, contact ?? "—"), EscalatedUtc.Value));
    }

    private static WorkOrderStatus Pick(double roll, params (double Below, WorkOrderStatus Status)[] choices) =>
        choices.First(c => roll < c.Below).Status;

    private static DateOnly Day(DateTime utc) => DateOnly.FromDateTime(ChinaTime.FromUtc(utc));

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private static DateTime AtNine(DateOnly day) => ChinaTime.StartOfDayUtc(day).AddHours(9);

    private static DateTime AtWork(DateOnly day, Random random) => ChinaTime.StartOfDayUtc(day).AddHours(9).AddMinutes(random.Next(8 * 60));

    /// <summary><paramref name="hours"/> after <paramref name="from"/>, but before now.</summary>
    private static DateTime Later(DateTime from, int hours, DateTime nowUtc)
    {
        var at = from.AddHours(hours);
        return at < nowUtc ? at : from.AddTicks((nowUtc - from).Ticks / 2);
    }
}
