using GovDataConsole.Features.Organization;
using GovDataConsole.Features.Shared;
using T = GovDataConsole.Resources.UiText;
using S = GovDataConsole.Features.Rectification.WorkOrderStatus;

namespace GovDataConsole.Features.Rectification;

/// <summary>
/// The one place that says who may do what to an order in which state. Department staff act only on their own department's
/// orders; stewards and admins on all; managers only read. <see cref="Apply"/> moves the order and returns the timeline event.
/// </summary>
public static class WorkOrderStateMachine
{
    private sealed record Transition(S[] From, string[] Roles, bool OwnDepartment, Func<WorkOrder, S> To);

    private static readonly string[] Stewards = [Roles.Steward, Roles.Admin];
    private static readonly string[] Staff = [Roles.DepartmentStaff];
    private static readonly S[] Open = [S.Draft, S.Dispatched, S.InProgress, S.AwaitingReview, S.Disputed];

    private static readonly Dictionary<WorkOrderAction, Transition> Transitions = new()
    {
        [WorkOrderAction.Dispatch] = new([S.Draft], Stewards, false, _ => S.Dispatched),
        [WorkOrderAction.Sign] = new([S.Dispatched], Staff, true, _ => S.InProgress),
        [WorkOrderAction.Submit] = new([S.InProgress], Staff, true, _ => S.AwaitingReview),
        [WorkOrderAction.Approve] = new([S.AwaitingReview], Stewards, false, _ => S.Closed),
        [WorkOrderAction.Reject] = new([S.AwaitingReview], Stewards, false, _ => S.InProgress),
        [WorkOrderAction.Dispute] = new([S.Dispatched, S.InProgress], Staff, true, _ => S.Disputed),
        [WorkOrderAction.RejectDispute] = new([S.Disputed], Stewards, false, o => o.StatusBeforeDispute ?? S.InProgress),
        [WorkOrderAction.UpholdDispute] = new([S.Disputed], Stewards, false, _ => S.ClosedAsException),
        [WorkOrderAction.RequestExtension] = new([S.Dispatched, S.InProgress], Staff, true, o => o.Status),
        [WorkOrderAction.ApproveExtension] = new(Open, Stewards, false, o => o.Status),
        [WorkOrderAction.RefuseExtension] = new(Open, Stewards, false, o => o.Status),
        [WorkOrderAction.Comment] = new([.. Open, S.Closed, S.ClosedAsException], [Roles.Steward, Roles.Admin, Roles.DepartmentStaff], true, o => o.Status),
    };

    /// <summary>The actions <paramref name="user"/> may take on the order now (what the detail page offers).</summary>
    public static IReadOnlyList<WorkOrderAction> Allowed(WorkOrder order, UserContext user) =>
        Transitions.Keys.Where(action => Refusal(order, action, user) is null).ToList();

    /// <summary>Why the user may not take the action now, or null when allowed.</summary>
    public static Exception? Refusal(WorkOrder order, WorkOrderAction action, UserContext user)
    {
        var t = Transitions[action];
        var label = EnumLabels.Of(action);
        if (!t.Roles.Contains(user.Role)) return new AccessDeniedException(string.Format(T.WorkOrder_RoleRefused, label));
        if (t.OwnDepartment && user.IsDepartmentScoped && user.DepartmentId != order.DepartmentId)
            return new AccessDeniedException(T.WorkOrder_OtherDepartment);
        if (!t.From.Contains(order.Status)) return new BusinessRuleException(string.Format(T.WorkOrder_StateRefused, EnumLabels.Of(order.Status), label));
        return action switch
        {
            WorkOrderAction.RequestExtension when order.ExtensionPending => new BusinessRuleException(T.WorkOrder_ExtensionAlreadyPending),
            WorkOrderAction.ApproveExtension or WorkOrderAction.RefuseExtension when !order.ExtensionPending => new BusinessRuleException(T.WorkOrder_NoExtensionPending),
            _ => null,
        };
    }

    /// <summary>Checks and applies the action; the event records from → to. The caller adds side effects (due date, exceptions…).</summary>
    public static WorkOrderEvent Apply(WorkOrder order, WorkOrderAction action, UserContext user, string? comment, DateTime utc)
    {
        if (Refusal(order, action, user) is { } refusal) throw refusal;
        var from = order.Status;
        var to = Transitions[action].To(order);
        if (action == WorkOrderAction.Dispute) order.Disputed();
        order.MoveTo(to);
        order.Renew();
        return new WorkOrderEvent(order.Id, Enum.Parse<WorkOrderEventKind>(action.ToString()), from, to, user.UserName, comment, utc);
    }
}
