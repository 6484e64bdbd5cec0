using GovDataConsole.Features.Shared;
using GovDataConsole.Quality;

namespace GovDataConsole.Features.Rectification;

/// <summary>The order list's filter: status, department, resource, severity, overdue, due this week, extension asked, text in number or title.</summary>
public sealed record WorkOrderQuery : GridRequest
{
    public WorkOrderStatus? Status { get; set; }
    public int? DepartmentId { get; set; }
    public int? ResourceId { get; set; }
    public RuleSeverity? Severity { get; set; }

    /// <summary>Open orders the reminder job has marked 超期.</summary>
    public bool Overdue { get; set; }

    /// <summary>Open orders due Monday to Sunday of the current week (China time).</summary>
    public bool DueThisWeek { get; set; }

    /// <summary>Open orders whose department asked for more time (延期申请待审批).</summary>
    public bool ExtensionPending { get; set; }
    public string? Search { get; set; }
}

public sealed record WorkOrderRow(
    int Id, string Number, string Title, int DepartmentId, string DepartmentName, int ResourceId, string ResourceName, RuleSeverity Severity,
    WorkOrderStatus Status, int ProblemCount, int OpenCount, DateOnly? DueDate, DateOnly? OverdueSince, bool ExtensionPending,
    string CreatedBy, DateTime CreatedUtc, DateTime? ClosedUtc)
{
    public bool IsOpen => Status is not (WorkOrderStatus.Closed or WorkOrderStatus.ClosedAsException);

    /// <summary>Marked 超期 by the reminder job and not yet closed (an approved extension clears the mark).</summary>
    public bool Overdue => OverdueSince is not null && IsOpen;
}

/// <summary>A page of the list and how many orders each status has under the same filter without its status.</summary>
public sealed record WorkOrderList(IReadOnlyList<WorkOrderRow> Items, int TotalCount, IReadOnlyDictionary<WorkOrderStatus, int> CountsByStatus);

/// <summary>A department or resource that has orders the user can see, for the list's filters.</summary>
public sealed record WorkOrderFilterOption(int Id, string Name);

public sealed record WorkOrderFilterOptions(IReadOnlyList<WorkOrderFilterOption> Departments, IReadOnlyList<WorkOrderFilterOption> Resources);

/// <summary>One entry of the timeline, with the actor's display name.</summary>
public sealed record WorkOrderEventRow(long Id, WorkOrderEventKind Kind, WorkOrderStatus? FromStatus, WorkOrderStatus? ToStatus, string Actor,
    string ActorName, string? Comment, string? AttachmentName, DateTime AtUtc);

/// <summary>An order as its page shows it: the order, names, what the viewer may do now (<see cref="Stamp"/> to send back) and its timeline.</summary>
public sealed record WorkOrderDetail(
    WorkOrderRow Order, string CreatedByName, string? Description, string ResourceCode, int RuleSetVersion, int ReworkRounds, bool DisputeUpheld,
    DateOnly? ExtensionRequestedDate, string? ExtensionReason, DateTime? DispatchedUtc, DateTime? SignedUtc, DateTime? SubmittedUtc,
    Guid Stamp, IReadOnlyList<WorkOrderAction> Actions, IReadOnlyList<WorkOrderEventRow> Timeline)
{
    public bool CanComment => Actions.Contains(WorkOrderAction.Comment);
}

/// <summary>A problem row of an order; <see cref="Value"/> masked unless the viewer is staff of the owning department.</summary>
public sealed record WorkOrderItemRow(long Id, int BatchId, int? RowNumber, string RuleName, RuleSeverity Severity, string? ItemName, string? Value,
    string Message, WorkOrderItemState State, string? Explanation, DateTime? FixedUtc);

/// <summary>An attachment of a timeline event, read for download.</summary>
public sealed record WorkOrderAttachment(string FileName, byte[] Content);
