using GovDataConsole.Features.Catalog;
using GovDataConsole.Features.Quality;
using GovDataConsole.Quality;

namespace GovDataConsole.Features.Rectification;

/// <summary>A problem handed over in an order (copied from the problem, so later runs don't change what was handed over).</summary>
public class WorkOrderItem
{
    public long Id { get; private set; }
    public int OrderId { get; private set; }
    public long ProblemId { get; private set; }
    public int BatchId { get; private set; }
    public long? RecordId { get; private set; }
    public int? RowNumber { get; private set; }
    public string RuleKey { get; private set; } = "";
    public string RuleName { get; private set; } = "";
    public RuleSeverity Severity { get; private set; }
    public string? ItemCode { get; private set; }
    public string? ItemName { get; private set; }
    public SensitivityKind Sensitivity { get; private set; }
    public string? Value { get; private set; }
    public string Message { get; private set; } = "";
    public WorkOrderItemState State { get; private set; }
    public string? Explanation { get; private set; }
    public DateTime? FixedUtc { get; private set; }

    private WorkOrderItem() { }

    public WorkOrderItem(int orderId, Problem problem)
    {
        OrderId = orderId;
        (ProblemId, BatchId, RecordId, RowNumber, RuleKey, RuleName, Severity) =
            (problem.Id, problem.BatchId, problem.RecordId, problem.RowNumber, problem.RuleKey, problem.RuleName, problem.Severity);
        (ItemCode, ItemName, Sensitivity, Value, Message) = (problem.ItemCode, problem.ItemName, problem.Sensitivity, problem.Value, problem.Message);
    }

    internal void Fix(string? explanation, DateTime utc) => (State, Explanation, FixedUtc) = (WorkOrderItemState.Fixed, explanation, utc);

    internal void StillFailing(string message, string? value, string? explanation) => (Message, Value, Explanation) = (message, value, explanation);

    internal void Except() => State = WorkOrderItemState.Excepted;
}

/// <summary>One entry of an order's timeline: who did what, when, from which state to which, with a comment and an attachment.</summary>
public class WorkOrderEvent
{
    public long Id { get; private set; }
    public int OrderId { get; private set; }
    public WorkOrderEventKind Kind { get; private set; }
    public WorkOrderStatus? FromStatus { get; private set; }
    public WorkOrderStatus? ToStatus { get; private set; }
    public string Actor { get; private set; } = "";
    public string? Comment { get; private set; }
    public string? AttachmentName { get; private set; }
    public string? AttachmentPath { get; private set; }
    public DateTime AtUtc { get; private set; }

    private WorkOrderEvent() { }

    public WorkOrderEvent(int orderId, WorkOrderEventKind kind, WorkOrderStatus? from, WorkOrderStatus? to, string actor, string? comment, DateTime utc,
        string? attachmentName = null, string? attachmentPath = null)
    {
        (OrderId, Kind, FromStatus, ToStatus, Actor, Comment, AtUtc) = (orderId, kind, from, to, actor, comment, utc);
        (AttachmentName, AttachmentPath) = (attachmentName, attachmentPath);
    }
}
