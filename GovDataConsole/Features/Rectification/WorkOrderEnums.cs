namespace GovDataConsole.Features.Rectification;

// Stored as their names; Chinese labels come from resources (EnumLabels).

/// <summary>待派发 → 待签收 → 整改中 → 待复核 → 已办结; 申诉中 from 待签收/整改中; 误报/例外办结 when a dispute is upheld.</summary>
public enum WorkOrderStatus { Draft, Dispatched, InProgress, AwaitingReview, Closed, Disputed, ClosedAsException }

/// <summary>What a user (or the system) does to an order; each is a timeline event.</summary>
public enum WorkOrderAction
{
    Dispatch, Sign, Submit, Approve, Reject, Dispute, RejectDispute, UpholdDispute,
    RequestExtension, ApproveExtension, RefuseExtension, Comment,
}

/// <summary>Timeline event kinds: every action, plus what the system records.</summary>
public enum WorkOrderEventKind
{
    Created, Dispatch, Sign, Submit, Approve, Reject, Dispute, RejectDispute, UpholdDispute,
    RequestExtension, ApproveExtension, RefuseExtension, Comment, CorrectionUploaded, Overdue, Reminded, Escalated,
}

/// <summary>A problem row of an order: 待整改, 已整改 (passes its rule again), 认定例外 (dispute upheld).</summary>
public enum WorkOrderItemState { Open, Fixed, Excepted }
