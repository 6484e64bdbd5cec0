using GovDataConsole.Features.Organization;
using GovDataConsole.Features.Rectification;
using GovDataConsole.Features.Shared;
using GovDataConsole.Tests.Cleansing;
using GovDataConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static GovDataConsole.Tests.Cleansing.CleansingKit;
using static GovDataConsole.Tests.Rectification.RectificationKit;

namespace GovDataConsole.Tests.Rectification;

/// <summary>
/// Two people acting on the same version of an order: the concurrency token lets one write through, the other is told the
/// order changed, and the order moves once (one timeline event) — both at the database and through the service.
/// </summary>
[Collection(CleansingAppCollection.Name)]
public sealed class WorkOrderConcurrencyTests(DemoAppFixture app)
{
    private static readonly UserContext Steward = new("u1", "steward", "李晓梅", Roles.Steward, null, null);
    private static readonly UserContext Admin = new("u2", "admin", "系统管理员", Roles.Admin, null, null);

    [Fact]
    public async Task Of_two_contexts_that_loaded_the_same_version_the_second_save_is_refused_by_the_concurrency_token()
    {
        var orderId = await OrderAsync(app.Services, await ProblemIdsAsync(app.Services));
        await using var first = ActAs.Db(app.Services);
        await using var second = ActAs.Db(app.Services);
        var a = await first.WorkOrders.SingleAsync(o => o.Id == orderId, Ct);
        var b = await second.WorkOrders.SingleAsync(o => o.Id == orderId, Ct);
        Assert.Equal(a.ConcurrencyStamp, b.ConcurrencyStamp);

        first.WorkOrderEvents.Add(WorkOrderStateMachine.Apply(a, WorkOrderAction.Dispatch, Steward, null, DateTime.UtcNow));
        await first.SaveChangesAsync(Ct);
        second.WorkOrderEvents.Add(WorkOrderStateMachine.Apply(b, WorkOrderAction.Dispatch, Admin, null, DateTime.UtcNow));
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(Ct));

        await using var read = ActAs.Db(app.Services);
        var stored = await read.WorkOrders.AsNoTracking().SingleAsync(o => o.Id == orderId, Ct);
        Assert.Equal((WorkOrderStatus.Dispatched, a.ConcurrencyStamp), (stored.Status, stored.ConcurrencyStamp));
        Assert.Equal(["steward"], await read.WorkOrderEvents.Where(e => e.OrderId == orderId && e.Kind == WorkOrderEventKind.Dispatch).Select(e => e.Actor).ToListAsync(Ct));
    }

    [Fact]
    public async Task Two_people_sending_the_same_version_at_once_make_one_transition_and_the_other_is_told_the_order_changed()
    {
        var orderId = await OrderAsync(app.Services, await ProblemIdsAsync(app.Services));
        await ActAsync(app.Services, "steward", orderId, WorkOrderAction.Dispatch);
        await ActAsync(app.Services, "gongan", orderId, WorkOrderAction.Sign);
        var stamp = await StampAsync(app.Services, orderId);

        // The department submits while the steward comments on the version both of them loaded.
        var attempts = await Task.WhenAll(
            AttemptAsync("gongan", orderId, WorkOrderAction.Submit, new(stamp)),
            AttemptAsync("steward", orderId, WorkOrderAction.Comment, new(stamp, "请同时核对户籍地址")),
            AttemptAsync("gongan", orderId, WorkOrderAction.Submit, new(stamp)));
        Assert.Single(attempts, a => a is null);
        Assert.All(attempts.OfType<BusinessRuleException>(), e => Assert.Equal("工单已被他人更新，请查看最新状态后再操作", e.Message));
        Assert.Equal(2, attempts.OfType<BusinessRuleException>().Count());

        await using var db = ActAs.Db(app.Services);
        var events = await db.WorkOrderEvents.Where(e => e.OrderId == orderId && (e.Kind == WorkOrderEventKind.Submit || e.Kind == WorkOrderEventKind.Comment)).CountAsync(Ct);
        Assert.Equal(1, events);
        Assert.NotEqual(stamp, await StampAsync(app.Services, orderId));
    }

    private async Task<Exception?> AttemptAsync(string user, int orderId, WorkOrderAction action, WorkOrderActionInput input)
    {
        try
        {
            await AsAsync(app.Services, user, async s => { await s.ActAsync(orderId, action, input, Ct); return 0; });
            return null;
        }
        catch (BusinessRuleException e)
        {
            return e;
        }
    }
}
