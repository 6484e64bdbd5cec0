using System.Runtime.CompilerServices;
using ClosedXML.Excel;
using GovDataConsole.Features.Audit;
using GovDataConsole.Features.Catalog;
using GovDataConsole.Features.Quality;
using GovDataConsole.Features.Rectification;
using GovDataConsole.Features.Shared;
using GovDataConsole.Quality;
using GovDataConsole.Standards;
using GovDataConsole.Tests.Cleansing;
using GovDataConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GovDataConsole.Tests.Cleansing.CleansingKit;
using static GovDataConsole.Tests.Rectification.RectificationKit;

namespace GovDataConsole.Tests.Rectification;

/// <summary>
/// The order list, detail, problem rows, attachments and export on real orders of two departments: filters, counts per status,
/// overdue and due this week on a fixed clock, drafts only for stewards, masking for everyone but the owning department,
/// and department staff told "not found" for another department's order by every door.
/// </summary>
[Collection(CleansingAppCollection.Name)]
public sealed class WorkOrderQueryTests(DemoAppFixture app)
{
    /// <summary>Wednesday 2026-12-16 10:00 in China: the week is 14–20 December.</summary>
    private static readonly TimeProvider MidWeek = new FixedClock(new DateTimeOffset(2026, 12, 16, 2, 0, 0, TimeSpan.Zero));

    /// <summary>Sunday 2026-12-20 17:30 UTC is already Monday the 21st in China: the week is 21–27 December.</summary>
    private static readonly TimeProvider MondayInChina = new FixedClock(new DateTimeOffset(2026, 12, 20, 17, 30, 0, TimeSpan.Zero));

    private static readonly ConditionalWeakTable<DemoAppFixture, Task<World>> Worlds = [];

    /// <summary>
    /// 公安 resource: a draft; two dispatched (one due 12-11 and 超期, one due 12-21); one 整改中 with the ID problems (严重, due
    /// 12-20); one closed (due 12-17, was overdue). 市场 resource: one dispatched order.
    /// </summary>
    private sealed record World(int Resource, int Draft, int Overdue, int DueNextWeek, int InProgress, int Closed, int OtherResource, int OtherOrder,
        int OtherDepartment, List<Problem> IdProblems);

    private Task<World> WorldAsync() => Worlds.GetValue(app, _ => BuildAsync(app.Services));

    private static async Task<World> BuildAsync(IServiceProvider services)
    {
        var problems = await ProblemsAsync(services);
        var address = problems.Where(p => p.RuleKey == AddressRule).Select(p => p.Id).ToList();
        var ids = problems.Where(p => p.RuleKey == IdRule).ToList();
        Assert.Equal(4, address.Count);
        Assert.NotEmpty(ids);
        var draft = await OrderAsync(services, [address[0]]);
        var overdue = await OrderAsync(services, [address[1]]);
        var closed = await OrderAsync(services, [address[2]]);
        var nextWeek = await OrderAsync(services, [address[3]]);
        var inProgress = await OrderAsync(services, ids.Select(p => p.Id).ToList());
        foreach (var id in new[] { overdue, closed, nextWeek, inProgress }) await ActAsync(services, "steward", id, WorkOrderAction.Dispatch);
        foreach (var id in new[] { closed, inProgress }) await ActAsync(services, "gongan", id, WorkOrderAction.Sign);
        await ActAsync(services, "gongan", closed, WorkOrderAction.Submit);
        await ActAsync(services, "steward", closed, WorkOrderAction.Approve);
        await using (var db = ActAs.Db(services))
        {
            var orders = await db.WorkOrders.Where(o => new[] { overdue, closed, nextWeek, inProgress }.Contains(o.Id)).ToDictionaryAsync(o => o.Id, Ct);
            orders[overdue].Dispatched(new DateOnly(2026, 12, 11), DateTime.UtcNow);
            orders[overdue].MarkOverdue(new DateOnly(2026, 12, 14));
            orders[closed].Dispatched(new DateOnly(2026, 12, 17), DateTime.UtcNow);
            orders[closed].MarkOverdue(new DateOnly(2026, 12, 18));
            orders[nextWeek].Dispatched(new DateOnly(2026, 12, 21), DateTime.UtcNow);
            orders[inProgress].Dispatched(new DateOnly(2026, 12, 20), DateTime.UtcNow);
            await db.SaveChangesAsync(Ct);
        }

        var other = await ProblemsAsync(services, "330100SCJ");
        var otherOrder = await OrderAsync(services, other.Select(p => p.Id).ToList());
        await ActAsync(services, "steward", otherOrder, WorkOrderAction.Dispatch);
        await using var read = ActAs.Db(services);
        var gaj = await read.WorkOrders.Where(o => o.Id == draft).Select(o => o.DataResourceId).SingleAsync(Ct);
        var scj = await read.WorkOrders.Where(o => o.Id == otherOrder).Select(o => new { o.DataResourceId, o.DepartmentId }).SingleAsync(Ct);
        return new World(gaj, draft, overdue, nextWeek, inProgress, closed, scj.DataResourceId, otherOrder, scj.DepartmentId, ids);
    }

    [Fact]
    public async Task The_list_filters_by_status_severity_text_overdue_and_due_this_week_and_counts_each_status_without_the_status_filter()
    {
        var w = await WorldAsync();
        var all = await ListAsync("steward", new() { ResourceId = w.Resource });
        Assert.Equal(5, all.TotalCount);
        var everyStatus = new Dictionary<WorkOrderStatus, int>
        {
            [WorkOrderStatus.Draft] = 1, [WorkOrderStatus.Dispatched] = 2, [WorkOrderStatus.InProgress] = 1, [WorkOrderStatus.Closed] = 1,
        };
        Assert.Equal(everyStatus, all.CountsByStatus);

        var dispatched = await ListAsync("steward", new() { ResourceId = w.Resource, Status = WorkOrderStatus.Dispatched });
        Assert.Equal([w.DueNextWeek, w.Overdue], dispatched.Items.Select(o => o.Id));
        Assert.Equal(everyStatus, dispatched.CountsByStatus);

        var critical = await ListAsync("steward", new() { ResourceId = w.Resource, Severity = RuleSeverity.Critical });
        Assert.Equal([w.InProgress], critical.Items.Select(o => o.Id));
        Assert.Equal(new Dictionary<WorkOrderStatus, int> { [WorkOrderStatus.InProgress] = 1 }, critical.CountsByStatus);

        var number = all.Items.Single(o => o.Id == w.InProgress).Number;
        Assert.Equal([w.InProgress], (await ListAsync("steward", new() { Search = $" {number} " })).Items.Select(o => o.Id));
        Assert.Empty((await ListAsync("steward", new() { ResourceId = w.Resource, Search = "没有这样的工单" })).Items);
        Assert.Empty((await ListAsync("steward", new() { ResourceId = w.Resource, DepartmentId = w.OtherDepartment })).Items);

        // 超期: open orders the job marked; the closed order that was overdue is not among them.
        var overdue = await ListAsync("steward", new() { ResourceId = w.Resource, Overdue = true });
        Assert.Equal([w.Overdue], overdue.Items.Select(o => o.Id));
        Assert.True(overdue.Items[0].Overdue);
        Assert.False(all.Items.Single(o => o.Id == w.Closed).Overdue);

        // 本周到期: Monday to Sunday in China time, open orders only (the closed one is due on the 17th).
        Assert.Equal([w.InProgress], (await ListAsync("steward", new() { ResourceId = w.Resource, DueThisWeek = true }, MidWeek)).Items.Select(o => o.Id));
        Assert.Equal([w.DueNextWeek], (await ListAsync("steward", new() { ResourceId = w.Resource, DueThisWeek = true }, MondayInChina)).Items.Select(o => o.Id));
        Assert.Equal((new DateOnly(2026, 12, 14), new DateOnly(2026, 12, 20)), WorkOrderQueries.WeekOf(new DateOnly(2026, 12, 20)));
        Assert.Equal((new DateOnly(2026, 12, 21), new DateOnly(2026, 12, 27)), WorkOrderQueries.WeekOf(new DateOnly(2026, 12, 21)));

        // Sorted by due date (drafts have none), paged; an unknown sort column falls back to the number.
        var byDue = await ListAsync("steward", new() { ResourceId = w.Resource, SortBy = nameof(WorkOrderRow.DueDate), PageSize = 2, Page = 1 });
        Assert.Equal(5, byDue.TotalCount);
        Assert.Equal([w.Closed, w.InProgress], byDue.Items.Select(o => o.Id));
        var fallback = await ListAsync("steward", new() { ResourceId = w.Resource, SortBy = "DROP TABLE" });
        Assert.Equal(all.Items.Select(o => o.Id).Order(), fallback.Items.Select(o => o.Id));
    }

    [Fact]
    public async Task Department_staff_see_their_departments_dispatched_orders_managers_everything_but_drafts()
    {
        var w = await WorldAsync();
        var gongan = await ListAsync("gongan", new() { ResourceId = w.Resource });
        Assert.Equal(4, gongan.TotalCount);
        Assert.DoesNotContain(WorkOrderStatus.Draft, gongan.CountsByStatus.Keys);
        Assert.DoesNotContain(w.Draft, gongan.Items.Select(o => o.Id));
        Assert.Equal(4, (await ListAsync("manager", new() { ResourceId = w.Resource })).TotalCount);

        Assert.Empty((await ListAsync("shichang", new() { ResourceId = w.Resource })).Items);
        var shichang = await ListAsync("shichang", new() { PageSize = 200 });
        Assert.Contains(w.OtherOrder, shichang.Items.Select(o => o.Id));
        Assert.All(shichang.Items, o => Assert.Equal(w.OtherDepartment, o.DepartmentId));

        await using var scope = await ActAs.UserAsync(app.Services, "shichang");
        var options = await scope.ServiceProvider.GetRequiredService<WorkOrderQueries>().FilterOptionsAsync(Ct);
        Assert.Equal([w.OtherDepartment], options.Departments.Select(d => d.Id));
        Assert.Contains(w.OtherResource, options.Resources.Select(r => r.Id));
        Assert.DoesNotContain(w.Resource, options.Resources.Select(r => r.Id));
    }

    [Fact]
    public async Task The_detail_offers_exactly_the_allowed_actions_and_the_timeline_names_who_did_what()
    {
        var w = await WorldAsync();
        Assert.Equal([WorkOrderAction.Dispatch, WorkOrderAction.Comment], (await GetAsync("steward", w.Draft)).Actions);
        var forGongan = await GetAsync("gongan", w.Overdue);
        Assert.Equal([WorkOrderAction.Sign, WorkOrderAction.Dispute, WorkOrderAction.RequestExtension, WorkOrderAction.Comment], forGongan.Actions);
        Assert.Equal((new DateOnly(2026, 12, 11), true, "清洗测试人口信息"), (forGongan.Order.DueDate, forGongan.Order.Overdue, forGongan.Order.ResourceName));
        Assert.Empty((await GetAsync("manager", w.Overdue)).Actions);
        Assert.Equal([WorkOrderAction.Comment], (await GetAsync("steward", w.Overdue)).Actions);

        var closed = await GetAsync("gongan", w.Closed);
        Assert.Equal([WorkOrderAction.Comment], closed.Actions);
        Assert.Equal([WorkOrderEventKind.Created, WorkOrderEventKind.Dispatch, WorkOrderEventKind.Sign, WorkOrderEventKind.Submit, WorkOrderEventKind.Approve],
            closed.Timeline.Select(e => e.Kind));
        string gonganName;
        await using (var db = ActAs.Db(app.Services)) gonganName = await db.Users.Where(u => u.UserName == "gongan").Select(u => u.DisplayName).SingleAsync(Ct);
        var signed = closed.Timeline.Single(e => e.Kind == WorkOrderEventKind.Sign);
        Assert.Equal(("gongan", gonganName, WorkOrderStatus.Dispatched, WorkOrderStatus.InProgress), (signed.Actor, signed.ActorName, signed.FromStatus, signed.ToStatus));
        Assert.Equal((WorkOrderStatus.Closed, "杭州市公安局", "李晓梅"), (closed.Order.Status, closed.Order.DepartmentName, closed.CreatedByName));

        await Assert.ThrowsAsync<NotFoundException>(() => GetAsync("gongan", w.Draft));
        await Assert.ThrowsAsync<NotFoundException>(() => GetAsync("shichang", w.Overdue));
        await Assert.ThrowsAsync<NotFoundException>(() => GetAsync("steward", int.MaxValue));
    }

    [Fact]
    public async Task Problem_rows_are_paged_and_unmasked_only_for_the_owning_departments_staff()
    {
        var w = await WorldAsync();
        var values = w.IdProblems.OrderBy(p => p.RowNumber).Select(p => p.Value).ToList();
        var gongan = await ItemsAsync("gongan", w.InProgress, null, new GridRequest { PageSize = 200 });
        Assert.Equal(values, gongan.Items.Select(i => i.Value));
        Assert.All(gongan.Items, i => Assert.Equal((WorkOrderItemState.Open, "公民身份号码"), (i.State, i.ItemName)));
        foreach (var viewer in new[] { "steward", "manager" })
        {
            var masked = await ItemsAsync(viewer, w.InProgress, null, new GridRequest { PageSize = 200 });
            Assert.Equal(values.Select(v => v is null ? null : Masking.Mask(SensitivityKind.ResidentId, v)), masked.Items.Select(i => i.Value));
            Assert.All(masked.Items, i => Assert.Contains("*", i.Value));
        }

        var page = await ItemsAsync("gongan", w.InProgress, null, new GridRequest { PageSize = 1, Page = values.Count - 1 });
        Assert.Equal((values.Count, values[^1]), (page.TotalCount, Assert.Single(page.Items).Value));
        Assert.Empty((await ItemsAsync("gongan", w.InProgress, WorkOrderItemState.Fixed, new GridRequest())).Items);
        await Assert.ThrowsAsync<NotFoundException>(() => ItemsAsync("shichang", w.InProgress, null, new GridRequest()));
        await Assert.ThrowsAsync<NotFoundException>(() => ItemsAsync("gongan", w.Draft, null, new GridRequest()));
    }

    [Fact]
    public async Task Attachments_are_read_by_whoever_sees_the_order_and_not_found_for_anyone_else()
    {
        var w = await WorldAsync();
        var content = "户籍系统截图说明"u8.ToArray();
        await ActAsync(app.Services, "gongan", w.InProgress, WorkOrderAction.Comment, "附上户籍系统的截图", "证明材料.txt", content);
        var e = (await GetAsync("gongan", w.InProgress)).Timeline.Last();
        Assert.Equal((WorkOrderEventKind.Comment, "证明材料.txt"), (e.Kind, e.AttachmentName));

        foreach (var viewer in new[] { "gongan", "steward", "manager" })
        {
            var file = await AttachmentAsync(viewer, w.InProgress, e.Id);
            Assert.Equal("证明材料.txt", file.FileName);
            Assert.Equal(content, file.Content);
        }
        await Assert.ThrowsAsync<NotFoundException>(() => AttachmentAsync("shichang", w.InProgress, e.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => AttachmentAsync("steward", w.Overdue, e.Id));
        var withoutFile = (await GetAsync("steward", w.InProgress)).Timeline.First();
        await Assert.ThrowsAsync<NotFoundException>(() => AttachmentAsync("steward", w.InProgress, withoutFile.Id));
    }

    [Fact]
    public async Task The_export_holds_the_filtered_list_in_the_issues_columns_within_the_viewers_scope_and_is_audited()
    {
        var w = await WorldAsync();
        var rows = await ExportAsync("steward", new() { ResourceId = w.Resource });
        Assert.Equal(["工单号", "标题", "部门", "资源", "严重程度", "状态", "问题数", "待整改数", "截止日期", "是否超期", "创建人", "创建时间", "办结时间"], rows[0]);
        Assert.Equal(6, rows.Count);
        var list = await ListAsync("steward", new() { ResourceId = w.Resource });
        var overdue = list.Items.Single(o => o.Id == w.Overdue);
        var row = rows.Single(r => r[0] == overdue.Number);
        Assert.Equal([overdue.Number, overdue.Title, "杭州市公安局", "清洗测试人口信息", "一般", "待签收", "1", "1", "2026-12-11", "是"], row.Take(10));
        Assert.Equal("李晓梅", row[10]);
        var closed = rows.Single(r => r[0] == list.Items.Single(o => o.Id == w.Closed).Number);
        Assert.Equal(("已办结", "是"), (closed[5], closed[9]));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$", closed[12]);
        Assert.Equal("", rows.Single(r => r[5] == "待派发")[12]);

        Assert.Equal(2, (await ExportAsync("steward", new() { ResourceId = w.Resource, Status = WorkOrderStatus.Closed })).Count);
        Assert.Equal(5, (await ExportAsync("gongan", new() { ResourceId = w.Resource })).Count);
        Assert.DoesNotContain(rows, r => r[0] == "");
        Assert.Single(await ExportAsync("shichang", new() { ResourceId = w.Resource }));
        await using var db = ActAs.Db(app.Services);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.WorkOrdersExported && a.UserName == "shichang", Ct));
    }

    private async Task<WorkOrderList> ListAsync(string user, WorkOrderQuery query, TimeProvider? clock = null)
    {
        await using var scope = await ActAs.UserAsync(app.Services, user);
        var queries = clock is null
            ? scope.ServiceProvider.GetRequiredService<WorkOrderQueries>()
            : ActivatorUtilities.CreateInstance<WorkOrderQueries>(scope.ServiceProvider, clock);
        return await queries.ListAsync(query, Ct);
    }

    private Task<WorkOrderDetail> GetAsync(string user, int orderId) => QueryAsync(user, q => q.GetAsync(orderId, Ct));

    private Task<GridPage<WorkOrderItemRow>> ItemsAsync(string user, int orderId, WorkOrderItemState? state, GridRequest page) =>
        QueryAsync(user, q => q.ItemsAsync(orderId, state, page, Ct));

    private Task<WorkOrderAttachment> AttachmentAsync(string user, int orderId, long eventId) => QueryAsync(user, q => q.AttachmentAsync(orderId, eventId, Ct));

    /// <summary>The exported sheet's rows (header first) as text.</summary>
    private async Task<List<string[]>> ExportAsync(string user, WorkOrderQuery query)
    {
        var file = await QueryAsync(user, q => q.ExportAsync(query, Ct));
        Assert.EndsWith(".xlsx", file.FileName);
        using var workbook = new XLWorkbook(new MemoryStream(file.Content));
        var sheet = workbook.Worksheet("整改工单");
        return sheet.RowsUsed().Select(r => Enumerable.Range(1, 13).Select(c => r.Cell(c).GetString()).ToArray()).ToList();
    }

    private async Task<T> QueryAsync<T>(string user, Func<WorkOrderQueries, Task<T>> query)
    {
        await using var scope = await ActAs.UserAsync(app.Services, user);
        return await query(scope.ServiceProvider.GetRequiredService<WorkOrderQueries>());
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
