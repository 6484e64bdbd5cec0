using GovDataConsole.Features.Organization;
using GovDataConsole.Quality;

namespace GovDataConsole.Features.Rectification;

/// <summary>
/// A rectification work order (整改工单): the problems of one department × resource × rule-set version handed back with a
/// deadline. Every change goes through <see cref="WorkOrderStateMachine"/> and renews <see cref="ConcurrencyStamp"/>, so two
/// people acting at once cannot both succeed.
/// </summary>
public class WorkOrder : IDepartmentOwned
{
    public int Id { get; private set; }
    public string Number { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string? Description { get; private set; }
    public int DepartmentId { get; private set; }
    public int DataResourceId { get; private set; }
    public int RuleSetVersion { get; private set; }
    public RuleSeverity Severity { get; private set; }
    public WorkOrderStatus Status { get; private set; }

    /// <summary>Where a dispute came from (待签收 or 整改中), to return there when it is rejected.</summary>
    public WorkOrderStatus? StatusBeforeDispute { get; private set; }
    public int ProblemCount { get; private set; }
    public int OpenCount { get; private set; }
    public DateOnly? DueDate { get; private set; }
    public DateOnly? ExtensionRequestedDate { get; private set; }
    public string? ExtensionReason { get; private set; }

    /// <summary>The first working day the order was past due (set by the reminder job).</summary>
    public DateOnly? OverdueSince { get; private set; }
    public DateOnly? LastRemindedOn { get; private set; }
    public DateTime? EscalatedUtc { get; private set; }
    public int ReworkRounds { get; private set; }
    public bool DisputeUpheld { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedUtc { get; private set; }
    public DateTime? DispatchedUtc { get; private set; }
    public DateTime? SignedUtc { get; private set; }
    public DateTime? SubmittedUtc { get; private set; }
    public DateTime? ClosedUtc { get; private set; }
    public Guid ConcurrencyStamp { get; private set; } = Guid.NewGuid();

    private WorkOrder() { }

    public WorkOrder(int departmentId, int dataResourceId, int ruleSetVersion, string title, string? description, RuleSeverity severity,
        int problemCount, string createdBy, DateTime utc)
    {
        (DepartmentId, DataResourceId, RuleSetVersion, Title, Description, Severity) = (departmentId, dataResourceId, ruleSetVersion, title, description, severity);
        (ProblemCount, OpenCount, CreatedBy, CreatedUtc, Status) = (problemCount, problemCount, createdBy, utc, WorkOrderStatus.Draft);
    }

    public bool IsOpen => Status is not (WorkOrderStatus.Closed or WorkOrderStatus.ClosedAsException);

    /// <summary>The SLA clock runs while the department holds the order.</summary>
    public bool IsWithDepartment => Status is WorkOrderStatus.Dispatched or WorkOrderStatus.InProgress;

    public bool ExtensionPending => ExtensionRequestedDate is not null;

    /// <summary>Closed by its due date (orders without one count as on time).</summary>
    public bool ClosedOnTime(Func<DateTime, DateOnly> toLocalDay) =>
        ClosedUtc is { } closed && (DueDate is null || toLocalDay(SubmittedUtc ?? closed) <= DueDate);

    internal void AssignNumber(int year) => Number = $"ZG-{year}-{Id:D6}";

    internal void Renew() => ConcurrencyStamp = Guid.NewGuid();

    internal void MoveTo(WorkOrderStatus status) => Status = status;

    internal void Dispatched(DateOnly due, DateTime utc) => (DueDate, DispatchedUtc) = (due, utc);

    internal void Signed(DateTime utc) => SignedUtc = utc;

    internal void Submitted(DateTime utc) => SubmittedUtc = utc;

    internal void Closed(DateTime utc, bool upheld) => (ClosedUtc, DisputeUpheld, ExtensionRequestedDate, ExtensionReason) = (utc, upheld, null, null);

    internal void Reworked() => (ReworkRounds, SubmittedUtc) = (ReworkRounds + 1, null);

    internal void Disputed() => StatusBeforeDispute = Status;

    internal void ExtensionRequested(DateOnly date, string reason) => (ExtensionRequestedDate, ExtensionReason) = (date, reason);

    internal void ExtensionDecided(bool approved)
    {
        if (approved && ExtensionRequestedDate is { } date)
        {
            DueDate = date;
            OverdueSince = null;
            EscalatedUtc = null;
        }
        (ExtensionRequestedDate, ExtensionReason) = (null, null);
    }

    internal void CountOpen(int open) => OpenCount = open;

    internal void MarkOverdue(DateOnly since) => OverdueSince ??= since;

    internal void Reminded(DateOnly day) => LastRemindedOn = day;

    internal void Escalated(DateTime utc) => EscalatedUtc = utc;
}
