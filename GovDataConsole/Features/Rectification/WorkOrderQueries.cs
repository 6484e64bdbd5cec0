using System.Linq.Expressions;
using GovDataConsole.Data;
using GovDataConsole.Excel;
using GovDataConsole.Features.Audit;
using GovDataConsole.Features.Catalog.Inventory;
using GovDataConsole.Features.Collection;
using GovDataConsole.Features.Organization;
using GovDataConsole.Features.Shared;
using Microsoft.EntityFrameworkCore;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Features.Rectification;

/// <summary>
/// Reading work orders: the filtered list with counts per status, an order with its timeline and the actions the viewer may take,
/// its problem rows, attachments and the list as a workbook. Department staff see their own department's dispatched orders only;
/// drafts (待派发) are the stewards' and admins'. Anything not visible is "not found", so ids of other departments do not leak.
/// </summary>
public sealed class WorkOrderQueries(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, FileStore files, AuditLog audit, TimeProvider clock)
{
    public const int MaxExportRows = 100_000;

    private static readonly Dictionary<string, Expression<Func<WorkOrder, object?>>> Sortable = new()
    {
        [nameof(WorkOrderRow.Number)] = o => o.Id,
        [nameof(WorkOrderRow.Severity)] = o => o.Severity,
        [nameof(WorkOrderRow.Status)] = o => o.Status,
        [nameof(WorkOrderRow.ProblemCount)] = o => o.ProblemCount,
        [nameof(WorkOrderRow.OpenCount)] = o => o.OpenCount,
        [nameof(WorkOrderRow.DueDate)] = o => o.DueDate,
        [nameof(WorkOrderRow.CreatedUtc)] = o => o.CreatedUtc,
    };

    public async Task<WorkOrderList> ListAsync(WorkOrderQuery query, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var unfiltered = Filter(db, user, query with { Status = null });
        var counts = await unfiltered.GroupBy(o => o.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var filtered = query.Status is { } status ? unfiltered.Where(o => o.Status == status) : unfiltered;
        var page = await filtered.ToGridPageAsync(query with { Descending = query.SortBy is null || query.Descending }, Sortable,
            nameof(WorkOrderRow.Number), ToRow(db), ct);
        return new WorkOrderList(page.Items, page.TotalCount, counts);
    }

    /// <summary>The departments and resources of the orders the user can see.</summary>
    public async Task<WorkOrderFilterOptions> FilterOptionsAsync(CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var orders = Visible(db, user);
        var departments = await db.Departments.AsNoTracking().Where(d => orders.Any(o => o.DepartmentId == d.Id)).OrderBy(d => d.Code)
            .Select(d => new WorkOrderFilterOption(d.Id, d.Name)).ToListAsync(ct);
        var resources = await db.DataResources.AsNoTracking().Where(r => orders.Any(o => o.DataResourceId == r.Id)).OrderBy(r => r.Code)
            .Select(r => new WorkOrderFilterOption(r.Id, r.Name)).ToListAsync(ct);
        return new WorkOrderFilterOptions(departments, resources);
    }

    public async Task<WorkOrderDetail> GetAsync(int orderId, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await LoadAsync(db, user, orderId, ct);
        var row = await db.WorkOrders.Where(o => o.Id == orderId).Select(ToRow(db)).SingleAsync(ct);
        var resourceCode = await db.DataResources.Where(r => r.Id == order.DataResourceId).Select(r => r.Code).SingleAsync(ct);
        var events = await db.WorkOrderEvents.AsNoTracking().Where(e => e.OrderId == orderId).OrderBy(e => e.AtUtc).ThenBy(e => e.Id).ToListAsync(ct);
        var names = await DisplayNamesAsync(db, events.Select(e => e.Actor).Append(order.CreatedBy), ct);
        var timeline = events.Select(e => new WorkOrderEventRow(e.Id, e.Kind, e.FromStatus, e.ToStatus, e.Actor, names.GetValueOrDefault(e.Actor, e.Actor),
            e.Comment, e.AttachmentName, e.AtUtc)).ToList();
        return new WorkOrderDetail(row, names.GetValueOrDefault(order.CreatedBy, order.CreatedBy), order.Description, resourceCode, order.RuleSetVersion, order.ReworkRounds, order.DisputeUpheld,
            order.ExtensionRequestedDate, order.ExtensionReason, order.DispatchedUtc, order.SignedUtc, order.SubmittedUtc, order.ConcurrencyStamp,
            WorkOrderStateMachine.Allowed(order, user), timeline);
    }

    /// <summary>
    /// The order's problem rows in row order. Sensitive values are shown only to the owning department's staff (whose data it
    /// is, as in the rectification workbook); everyone else sees them masked.
    /// </summary>
    public async Task<GridPage<WorkOrderItemRow>> ItemsAsync(int orderId, WorkOrderItemState? state, GridRequest page, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await LoadAsync(db, user, orderId, ct);
        var unmasked = user.IsDepartmentScoped && user.DepartmentId == order.DepartmentId;
        var items = db.WorkOrderItems.AsNoTracking().Where(i => i.OrderId == orderId);
        if (state is { } s) items = items.Where(i => i.State == s);
        var total = await items.CountAsync(ct);
        var rows = await items.OrderBy(i => i.BatchId).ThenBy(i => i.RowNumber).ThenBy(i => i.Id).Skip(page.Skip).Take(page.Take).ToListAsync(ct);
        return new GridPage<WorkOrderItemRow>(rows.Select(i => new WorkOrderItemRow(i.Id, i.BatchId, i.RowNumber, i.RuleName, i.Severity, i.ItemName,
            i.Value is null ? null : BatchService.Display(i.Value, i.Sensitivity, unmasked), i.Message, i.State, i.Explanation, i.FixedUtc)).ToList(), total);
    }

    /// <summary>The file attached to a timeline event, for users who can see the order.</summary>
    public async Task<WorkOrderAttachment> AttachmentAsync(int orderId, long eventId, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await LoadAsync(db, user, orderId, ct);
        var attachment = await db.WorkOrderEvents.Where(e => e.Id == eventId && e.OrderId == orderId && e.AttachmentPath != null)
            .Select(e => new { e.AttachmentName, e.AttachmentPath }).FirstOrDefaultAsync(ct);
        var path = attachment is null ? null : files.FullPath(attachment.AttachmentPath!);
        if (path is null || !File.Exists(path)) throw new NotFoundException(T.WorkOrder_AttachmentNotFound);
        return new WorkOrderAttachment(attachment!.AttachmentName ?? Path.GetFileName(path), await File.ReadAllBytesAsync(path, ct));
    }

    /// <summary>The list under the current filter (status included) as a workbook, at most <see cref="MaxExportRows"/> rows; audited.</summary>
    public async Task<WorkbookFile> ExportAsync(WorkOrderQuery query, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        await audit.WriteAsync(AuditActions.RectificationCategory, AuditActions.WorkOrdersExported, null, T.WorkOrder_ExportDetail, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await Filter(db, user, query).OrderByDescending(o => o.Id).Take(MaxExportRows).Select(ToRow(db)).ToListAsync(ct);
        var names = await DisplayNamesAsync(db, rows.Select(r => r.CreatedBy), ct);
        string[] header = [T.WorkOrder_Number, T.WorkOrder_Title, T.WorkOrder_Department, T.WorkOrder_Resource, T.WorkOrder_Severity, T.Common_Status,
            T.WorkOrder_ProblemCount, T.WorkOrder_OpenCount, T.WorkOrder_DueDate, T.WorkOrder_IsOverdue, T.WorkOrder_CreatedBy, T.WorkOrder_CreatedAt, T.WorkOrder_ClosedAt];
        using var output = new MemoryStream();
        using (var workbook = StreamingWorkbookWriter.Create(output))
        {
            workbook.BeginSheet(T.WorkOrder_Sheet, header, [16, 40, 20, 24, 10, 12, 8, 10, 12, 10, 12, 20, 20]);
            foreach (var r in rows)
                workbook.WriteRow([r.Number, r.Title, r.DepartmentName, r.ResourceName, EnumLabels.Of(r.Severity), EnumLabels.Of(r.Status),
                    r.ProblemCount.ToString(), r.OpenCount.ToString(), r.DueDate?.ToString("yyyy-MM-dd"), r.OverdueSince is null ? T.Common_No : T.Common_Yes,
                    names.GetValueOrDefault(r.CreatedBy, r.CreatedBy), ChinaTime.Format(r.CreatedUtc), r.ClosedUtc is { } closed ? ChinaTime.Format(closed) : null]);
        }
        return new WorkbookFile(string.Format(T.WorkOrder_ExportFileName, ChinaTime.FromUtc(clock.GetUtcNow().UtcDateTime).ToString("yyyyMMddHHmm")), output.ToArray());
    }

    /// <summary>Monday to Sunday of the week <paramref name="day"/> falls in.</summary>
    public static (DateOnly Monday, DateOnly Sunday) WeekOf(DateOnly day)
    {
        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        return (monday, monday.AddDays(6));
    }

    /// <summary>Orders the user may see: their department's for staff; drafts only for stewards and admins.</summary>
    internal static IQueryable<WorkOrder> Visible(AppDbContext db, UserContext user)
    {
        var orders = db.WorkOrders.AsNoTracking().VisibleTo(user);
        return SeesDrafts(user) ? orders : orders.Where(o => o.Status != WorkOrderStatus.Draft);
    }

    private static bool SeesDrafts(UserContext user) => user.Role is Roles.Steward or Roles.Admin;

    private IQueryable<WorkOrder> Filter(AppDbContext db, UserContext user, WorkOrderQuery query)
    {
        var orders = Visible(db, user);
        if (query.Status is { } status) orders = orders.Where(o => o.Status == status);
        if (query.DepartmentId is { } departmentId) orders = orders.Where(o => o.DepartmentId == departmentId);
        if (query.ResourceId is { } resourceId) orders = orders.Where(o => o.DataResourceId == resourceId);
        if (query.Severity is { } severity) orders = orders.Where(o => o.Severity == severity);
        if (query.Overdue || query.DueThisWeek || query.ExtensionPending)
            orders = orders.Where(o => o.Status != WorkOrderStatus.Closed && o.Status != WorkOrderStatus.ClosedAsException);
        if (query.Overdue) orders = orders.Where(o => o.OverdueSince != null);
        if (query.ExtensionPending) orders = orders.Where(o => o.ExtensionRequestedDate != null);
        if (query.DueThisWeek)
        {
            var (monday, sunday) = WeekOf(DateOnly.FromDateTime(ChinaTime.FromUtc(clock.GetUtcNow().UtcDateTime)));
            orders = orders.Where(o => o.DueDate >= monday && o.DueDate <= sunday);
        }
        if (query.Search?.Trim() is { Length: > 0 } text) orders = orders.Where(o => o.Number.Contains(text) || o.Title.Contains(text));
        return orders;
    }

    private static Expression<Func<WorkOrder, WorkOrderRow>> ToRow(AppDbContext db) => o => new WorkOrderRow(o.Id, o.Number, o.Title, o.DepartmentId,
        db.Departments.Where(d => d.Id == o.DepartmentId).Select(d => d.Name).FirstOrDefault() ?? "", o.DataResourceId,
        db.DataResources.Where(r => r.Id == o.DataResourceId).Select(r => r.Name).FirstOrDefault() ?? "", o.Severity, o.Status, o.ProblemCount, o.OpenCount,
        o.DueDate, o.OverdueSince, o.ExtensionRequestedDate != null, o.CreatedBy, o.CreatedUtc, o.ClosedUtc);

    private static async Task<WorkOrder> LoadAsync(AppDbContext db, UserContext user, int orderId, CancellationToken ct) =>
        await Visible(db, user).FirstOrDefaultAsync(o => o.Id == orderId, ct) ?? throw new NotFoundException(T.WorkOrder_NotFound);

    private static async Task<Dictionary<string, string>> DisplayNamesAsync(AppDbContext db, IEnumerable<string> userNames, CancellationToken ct)
    {
        var names = userNames.Distinct().ToList();
        var found = await db.Users.AsNoTracking().Where(u => names.Contains(u.UserName!)).Select(u => new { u.UserName, u.DisplayName }).ToListAsync(ct);
        var map = found.ToDictionary(u => u.UserName!, u => u.DisplayName);
        map.TryAdd(WorkOrderService.System.UserName, WorkOrderService.System.DisplayName);
        return map;
    }
}
