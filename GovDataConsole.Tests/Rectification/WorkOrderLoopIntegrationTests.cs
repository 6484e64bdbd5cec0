using GovDataConsole.Features.Quality;
using GovDataConsole.Features.Rectification;
using GovDataConsole.Features.Shared;
using GovDataConsole.Quality;
using GovDataConsole.Tests.Cleansing;
using GovDataConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GovDataConsole.Tests.Cleansing.CleansingKit;

namespace GovDataConsole.Tests.Rectification;

/// <summary>Problems of a real check run become an order that goes round the loop; refusals and a stale stamp are caught.</summary>
[Collection(CleansingAppCollection.Name)]
public sealed class WorkOrderLoopIntegrationTests(DemoAppFixture app)
{
    [Fact]
    public async Task Problems_become_one_order_per_department_and_resource_that_goes_from_draft_to_closed_with_a_timeline()
    {
        var problems = await RectificationKit.ProblemIdsAsync(app.Services);
        var orderId = Assert.Single(await AsAsync("steward", s => s.CreateFromProblemsAsync(problems, Ct)));
        await Assert.ThrowsAsync<BusinessRuleException>(() => AsAsync("steward", s => s.CreateFromProblemsAsync(problems, Ct)));

        await ActAsync("steward", orderId, WorkOrderAction.Dispatch);
        await Assert.ThrowsAsync<NotFoundException>(() => ActAsync("shichang", orderId, WorkOrderAction.Sign));
        await Assert.ThrowsAsync<AccessDeniedException>(() => ActAsync("steward", orderId, WorkOrderAction.Sign));
        await Assert.ThrowsAsync<AccessDeniedException>(() => ActAsync("manager", orderId, WorkOrderAction.Sign));
        await ActAsync("gongan", orderId, WorkOrderAction.Sign);
        await Assert.ThrowsAsync<BusinessRuleException>(() => ActAsync("steward", orderId, WorkOrderAction.Approve));
        await ActAsync("gongan", orderId, WorkOrderAction.Submit);
        await ActAsync("steward", orderId, WorkOrderAction.Reject, "户籍地址仍为空");
        await ActAsync("gongan", orderId, WorkOrderAction.Submit);
        await ActAsync("steward", orderId, WorkOrderAction.Approve);

        await using var db = ActAs.Db(app.Services);
        var order = await db.WorkOrders.AsNoTracking().SingleAsync(o => o.Id == orderId, Ct);
        Assert.Equal((WorkOrderStatus.Closed, 1, 4, RuleSeverity.Major), (order.Status, order.ReworkRounds, order.ProblemCount, order.Severity));
        Assert.Matches(@"^ZG-\d{4}-\d{6}$", order.Number);
        Assert.NotNull(order.DueDate);
        var timeline = await db.WorkOrderEvents.AsNoTracking().Where(e => e.OrderId == orderId).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync(Ct);
        Assert.Equal([WorkOrderEventKind.Created, WorkOrderEventKind.Dispatch, WorkOrderEventKind.Sign, WorkOrderEventKind.Submit, WorkOrderEventKind.Reject,
            WorkOrderEventKind.Submit, WorkOrderEventKind.Approve], timeline);
        Assert.All(await db.Problems.AsNoTracking().Where(p => problems.Contains(p.Id)).ToListAsync(Ct), p => Assert.Equal(ProblemStatus.HandedOver, p.Status));
        Assert.True(await db.Notifications.AnyAsync(n => n.UserName == "gongan" && n.Kind == NotificationKind.OrderDispatched && n.Link == $"rectification/orders/{orderId}", Ct));
    }

    [Fact]
    public async Task Of_two_people_acting_on_the_same_version_of_an_order_only_the_first_succeeds()
    {
        var orderId = Assert.Single(await AsAsync("steward", async s => await s.CreateFromProblemsAsync(await RectificationKit.ProblemIdsAsync(app.Services), Ct)));
        var stamp = await StampAsync(orderId);
        await AsAsync("steward", async s => { await s.ActAsync(orderId, WorkOrderAction.Dispatch, new(stamp), Ct); return 0; });
        var late = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            AsAsync("admin", async s => { await s.ActAsync(orderId, WorkOrderAction.Dispatch, new(stamp), Ct); return 0; }));
        Assert.Equal("工单已被他人更新，请查看最新状态后再操作", late.Message);
    }

    [Fact]
    public async Task A_runs_automatic_orders_are_dispatched_once_and_asking_again_adds_nothing()
    {
        var problems = await RectificationKit.ProblemIdsAsync(app.Services, RuleSeverity.Critical);
        int runId;
        await using (var db = ActAs.Db(app.Services))
        {
            var problem = await db.Problems.AsNoTracking().SingleAsync(p => p.Id == problems[0], Ct);
            runId = problem.RunId;
            var settings = new QualitySettings(problem.DataResourceId);
            settings.Update(null, AutoOrderMode.CriticalOnly);
            db.QualitySettings.Add(settings);
            await db.SaveChangesAsync(Ct);
        }
        await using var scope = app.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<WorkOrderService>();

        var orderId = Assert.Single(await service.CreateAutomaticAsync(runId, Ct));
        Assert.Empty(await service.CreateAutomaticAsync(runId, Ct));

        await using var check = ActAs.Db(app.Services);
        var order = await check.WorkOrders.AsNoTracking().SingleAsync(o => o.Id == orderId, Ct);
        Assert.Equal((WorkOrderStatus.Dispatched, "system", RuleSeverity.Critical), (order.Status, order.CreatedBy, order.Severity));
        var critical = await check.Problems.Where(p => p.RunId == runId && p.Severity == RuleSeverity.Critical).Select(p => p.Id).OrderBy(i => i).ToListAsync(Ct);
        Assert.Superset(problems.ToHashSet(), critical.ToHashSet());
        Assert.Equal(critical, await check.WorkOrderItems.Where(i => i.OrderId == orderId).Select(i => i.ProblemId).OrderBy(i => i).ToListAsync(Ct));
    }

    private Task<Guid> StampAsync(int orderId) => RectificationKit.StampAsync(app.Services, orderId);

    private Task ActAsync(string user, int orderId, WorkOrderAction action, string? comment = null) =>
        RectificationKit.ActAsync(app.Services, user, orderId, action, comment);

    private Task<TResult> AsAsync<TResult>(string user, Func<WorkOrderService, Task<TResult>> act) => RectificationKit.AsAsync(app.Services, user, act);
}
