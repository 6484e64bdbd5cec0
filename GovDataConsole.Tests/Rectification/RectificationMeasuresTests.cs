using GovDataConsole.Features.Rectification;
using GovDataConsole.Quality;
using GovDataConsole.Tests.Cleansing;
using GovDataConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GovDataConsole.Tests.Cleansing.CleansingKit;

namespace GovDataConsole.Tests.Rectification;

/// <summary>March 2026 for 公安局, acted out with a fake clock: the scoring measures come out exactly as counted by hand.</summary>
[Collection(CleansingAppCollection.Name)]
public sealed class RectificationMeasuresTests(DemoAppFixture app)
{
    private readonly SettableClock clock = new();

    [Fact]
    public async Task Received_closed_on_time_handling_days_rework_and_upheld_disputes_of_a_month()
    {
        // A: dispatched Mon 2 Mar (due Thu 5), submitted Wed 4, approved — on time, 2 working days.
        var a = await DispatchedAsync(3, 2);
        await ActAsync("gongan", a, WorkOrderAction.Sign, 3, 3);
        await ActAsync("gongan", a, WorkOrderAction.Submit, 3, 4);
        await ActAsync("steward", a, WorkOrderAction.Approve, 3, 5);
        // B: dispatched Mon 2 Mar, submitted late Mon 9, sent back, submitted Tue 10, approved — late, 6 working days, 1 rework round.
        var b = await DispatchedAsync(3, 2);
        await ActAsync("gongan", b, WorkOrderAction.Sign, 3, 3);
        await ActAsync("gongan", b, WorkOrderAction.Submit, 3, 9);
        await ActAsync("steward", b, WorkOrderAction.Reject, 3, 9, "仍有空值");
        await ActAsync("gongan", b, WorkOrderAction.Submit, 3, 10);
        await ActAsync("steward", b, WorkOrderAction.Approve, 3, 10);
        // C: dispatched Tue 3, disputed and upheld Wed 4 — closed on time as an exception, 1 working day.
        var c = await DispatchedAsync(3, 3);
        await ActAsync("gongan", c, WorkOrderAction.Dispute, 3, 4, "地址为空属实，系境外人员");
        await ActAsync("steward", c, WorkOrderAction.UpholdDispute, 3, 4);
        // D: dispatched Tue 31 Mar, still open.
        await DispatchedAsync(3, 31);

        await using var scope = app.Services.CreateAsyncScope();
        var measures = await scope.ServiceProvider.GetRequiredService<RectificationMeasures>()
            .ForPeriodAsync(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), new DateTime(2026, 4, 15, 0, 0, 0, DateTimeKind.Utc), Ct);

        var gongan = Assert.Single(measures);
        Assert.Equal((4, 3, 2, 3.00m, 1, 0, 1), (gongan.Received, gongan.Closed, gongan.ClosedOnTime, gongan.AverageHandlingWorkingDays,
            gongan.ReworkRounds, gongan.Overdue, gongan.UpheldDisputes));
        Assert.Equal((75.00m, 66.67m), (gongan.CompletionRate, gongan.TimelinessRate));
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<RectificationMeasures>()
            .ForPeriodAsync(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc), Ct));
    }

    private async Task<int> DispatchedAsync(int month, int day)
    {
        var id = Assert.Single(await RectificationKit.CreateOrderAsync(app.Services, RuleSeverity.Critical));
        await ActAsync("steward", id, WorkOrderAction.Dispatch, month, day);
        return id;
    }

    private async Task ActAsync(string user, int orderId, WorkOrderAction action, int month, int day, string? comment = null)
    {
        clock.Now = new DateTimeOffset(2026, month, day, 10, 0, 0, TimeSpan.FromHours(8));
        Guid stamp;
        await using (var db = ActAs.Db(app.Services))
            stamp = await db.WorkOrders.Where(o => o.Id == orderId).Select(o => o.ConcurrencyStamp).SingleAsync(Ct);
        await using var scope = await ActAs.UserAsync(app.Services, user);
        await ActivatorUtilities.CreateInstance<WorkOrderService>(scope.ServiceProvider, clock).ActAsync(orderId, action, new(stamp, comment), Ct);
    }
}
