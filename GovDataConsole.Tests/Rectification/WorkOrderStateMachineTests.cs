using GovDataConsole.Features.Organization;
using GovDataConsole.Features.Rectification;
using GovDataConsole.Features.Shared;
using GovDataConsole.Quality;
using A = GovDataConsole.Features.Rectification.WorkOrderAction;
using S = GovDataConsole.Features.Rectification.WorkOrderStatus;

namespace GovDataConsole.Tests.Rectification;

/// <summary>
/// Every action in every state for every kind of user, against the table: who may do it (stewards and admins,
/// the owning department's staff, or both for comments), from which states, and what it leads to. Everything else is
/// refused with the exact exception and message: the wrong role, another department, the wrong state, no/already a
/// pending extension.
/// </summary>
public sealed class WorkOrderStateMachineTests
{
    public enum Actor { Steward, Admin, OwnStaff, OtherStaff, Manager }

    private const int Department = 7;

    private enum Who { Stewards, Staff, Everyone }

    /// <summary>To: the state the action leads to from the state before a dispute (null: the order stays where it is).</summary>
    private sealed record Rule(S[] From, Who Who, Func<S, S>? To, bool? NeedsPendingExtension = null);

    private static readonly S[] OpenStates = [S.Draft, S.Dispatched, S.InProgress, S.AwaitingReview, S.Disputed];

    private static readonly Dictionary<A, Rule> Table = new()
    {
        [A.Dispatch] = new([S.Draft], Who.Stewards, _ => S.Dispatched),
        [A.Sign] = new([S.Dispatched], Who.Staff, _ => S.InProgress),
        [A.Submit] = new([S.InProgress], Who.Staff, _ => S.AwaitingReview),
        [A.Approve] = new([S.AwaitingReview], Who.Stewards, _ => S.Closed),
        [A.Reject] = new([S.AwaitingReview], Who.Stewards, _ => S.InProgress),
        [A.Dispute] = new([S.Dispatched, S.InProgress], Who.Staff, _ => S.Disputed),
        [A.RejectDispute] = new([S.Disputed], Who.Stewards, before => before),
        [A.UpholdDispute] = new([S.Disputed], Who.Stewards, _ => S.ClosedAsException),
        [A.RequestExtension] = new([S.Dispatched, S.InProgress], Who.Staff, null, NeedsPendingExtension: false),
        [A.ApproveExtension] = new(OpenStates, Who.Stewards, null, NeedsPendingExtension: true),
        [A.RefuseExtension] = new(OpenStates, Who.Stewards, null, NeedsPendingExtension: true),
        [A.Comment] = new([.. OpenStates, S.Closed, S.ClosedAsException], Who.Everyone, null),
    };

    public static TheoryData<S, bool, S, Actor> Cases()
    {
        var data = new TheoryData<S, bool, S, Actor>();
        foreach (var status in Enum.GetValues<S>())
            foreach (var pending in new[] { false, true })
                foreach (var disputedFrom in status == S.Disputed ? new[] { S.Dispatched, S.InProgress } : [S.InProgress])
                    foreach (var actor in Enum.GetValues<Actor>())
                        data.Add(status, pending, disputedFrom, actor);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_action_is_allowed_or_refused_exactly_as_the_table_says(S status, bool extensionPending, S disputedFrom, Actor actor)
    {
        var user = UserOf(actor);
        var expectedAllowed = new List<A>();
        foreach (var action in Enum.GetValues<A>())
        {
            var order = Order(status, extensionPending, disputedFrom);
            var expected = ExpectedRefusal(Table[action], action, status, extensionPending, actor);
            var refusal = WorkOrderStateMachine.Refusal(order, action, user);
            if (expected is null)
            {
                Assert.True(refusal is null, $"{actor} {action} in {status}: refused with {refusal?.Message}");
                expectedAllowed.Add(action);
                var stamp = order.ConcurrencyStamp;
                var e = WorkOrderStateMachine.Apply(order, action, user, "说明", DateTime.UtcNow);
                var to = Table[action].To?.Invoke(disputedFrom) ?? status;
                Assert.Equal((status, to, to), (e.FromStatus!.Value, e.ToStatus!.Value, order.Status));
                Assert.Equal((action.ToString(), user.UserName, "说明"), (e.Kind.ToString(), e.Actor, e.Comment));
                Assert.NotEqual(stamp, order.ConcurrencyStamp);
                if (action == A.Dispute) Assert.Equal(status, order.StatusBeforeDispute);
            }
            else
            {
                Assert.True(refusal is not null, $"{actor} {action} in {status}: allowed, expected {expected.Value.Message}");
                Assert.Equal((expected.Value.Type, expected.Value.Message), (refusal.GetType(), refusal.Message));
                var before = (order.Status, order.ConcurrencyStamp);
                var thrown = Assert.ThrowsAny<Exception>(() => WorkOrderStateMachine.Apply(order, action, user, null, DateTime.UtcNow));
                Assert.Equal(expected.Value.Type, thrown.GetType());
                Assert.Equal(before, (order.Status, order.ConcurrencyStamp));
            }
        }
        Assert.Equal(expectedAllowed, WorkOrderStateMachine.Allowed(Order(status, extensionPending, disputedFrom), user).OrderBy(a => a));
    }

    [Fact]
    public void Managers_may_do_nothing_and_the_owning_departments_staff_sign_what_was_dispatched_to_them()
    {
        Assert.Empty(WorkOrderStateMachine.Allowed(Order(S.Dispatched, true, S.InProgress), UserOf(Actor.Manager)));
        Assert.Equal([A.Sign, A.Dispute, A.RequestExtension, A.Comment], WorkOrderStateMachine.Allowed(Order(S.Dispatched, false, S.InProgress), UserOf(Actor.OwnStaff)));
        Assert.Equal([A.Comment], WorkOrderStateMachine.Allowed(Order(S.Dispatched, false, S.InProgress), UserOf(Actor.Steward)));
        var refused = Assert.IsType<AccessDeniedException>(WorkOrderStateMachine.Refusal(Order(S.Dispatched, false, S.InProgress), A.Sign, UserOf(Actor.OtherStaff)));
        Assert.Equal("只能处理本部门的整改工单", refused.Message);
    }

    private static (Type Type, string Message)? ExpectedRefusal(Rule rule, A action, S status, bool pending, Actor actor)
    {
        var label = EnumLabels.Of(action);
        var isSteward = actor is Actor.Steward or Actor.Admin;
        var isStaff = actor is Actor.OwnStaff or Actor.OtherStaff;
        var roleFits = rule.Who switch { Who.Stewards => isSteward, Who.Staff => isStaff, _ => isSteward || isStaff };
        if (!roleFits) return (typeof(AccessDeniedException), $"您的角色不能执行“{label}”");
        if (actor == Actor.OtherStaff) return (typeof(AccessDeniedException), "只能处理本部门的整改工单");
        if (!rule.From.Contains(status)) return (typeof(BusinessRuleException), $"工单当前为“{EnumLabels.Of(status)}”，不能执行“{label}”");
        return rule.NeedsPendingExtension switch
        {
            false when pending => (typeof(BusinessRuleException), "已有待审批的延期申请"),
            true when !pending => (typeof(BusinessRuleException), "没有待审批的延期申请"),
            _ => null,
        };
    }

    private static WorkOrder Order(S status, bool extensionPending, S disputedFrom)
    {
        var order = new WorkOrder(Department, 1, 1, "测试工单", null, RuleSeverity.Major, 3, "steward", DateTime.UtcNow);
        if (status == S.Disputed)
        {
            order.MoveTo(disputedFrom);
            order.Disputed();
        }
        order.MoveTo(status);
        if (extensionPending) order.ExtensionRequested(new DateOnly(2026, 12, 31), "数据量大");
        return order;
    }

    private static UserContext UserOf(Actor actor) => actor switch
    {
        Actor.Steward => new("u1", "steward", "数据管理员", Roles.Steward, null, null),
        Actor.Admin => new("u2", "admin", "系统管理员", Roles.Admin, null, null),
        Actor.OwnStaff => new("u3", "gongan", "公安填报员", Roles.DepartmentStaff, Department, "市公安局"),
        Actor.OtherStaff => new("u4", "shichang", "市场填报员", Roles.DepartmentStaff, Department + 1, "市市场监管局"),
        _ => new("u5", "manager", "领导", Roles.Manager, null, null),
    };
}
