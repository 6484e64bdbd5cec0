using GovDataConsole.Data;
using GovDataConsole.Features.Audit;
using GovDataConsole.Features.Calendar;
using GovDataConsole.Features.Organization;
using GovDataConsole.Features.Quality;
using GovDataConsole.Features.Shared;
using GovDataConsole.Quality;
using Microsoft.EntityFrameworkCore;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Features.Rectification;

/// <summary>What a user sends with an action: the stamp of the order as they saw it, a comment, a date, an attachment.</summary>
public sealed record WorkOrderActionInput(Guid Stamp, string? Comment = null, DateOnly? ExtensionDate = null, string? AttachmentName = null, Stream? Attachment = null);

/// <summary>
/// Rectification commands: turning problems into orders (grouped by department × resource × rule-set version; a problem is in
/// at most one open order) and acting on orders through <see cref="WorkOrderStateMachine"/>, with optimistic concurrency,
/// due dates on the working-day calendar, notifications and an audited timeline.
/// </summary>
public sealed class WorkOrderService(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, CalendarService calendar, Notifier notifier,
    FileStore files, RectificationOptions options, AuditLog audit, TimeProvider clock)
{
    public const long MaxAttachmentBytes = 20L * 1024 * 1024;

    /// <summary>The system acting for automatic orders and the reminder job.</summary>
    public static readonly UserContext System = new("system", "system", "系统", Roles.Admin, null, null);

    /// <summary>Orders (drafts) from problems chosen in the problem browser; returns the new order ids.</summary>
    public async Task<IReadOnlyList<int>> CreateFromProblemsAsync(IReadOnlyCollection<long> problemIds, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        user.EnsureRole(Roles.Steward, Roles.Admin);
        if (problemIds.Count == 0) throw new BusinessRuleException(T.WorkOrder_NoProblems);
        if (problemIds.Count > options.MaxProblemsPerRequest) throw new BusinessRuleException(string.Format(T.WorkOrder_TooManyProblems, options.MaxProblemsPerRequest));
        var ids = await CreateAsync(problemIds, null, user, ct);
        await audit.WriteAsync(AuditActions.RectificationCategory, AuditActions.WorkOrderCreated, string.Join(",", ids), string.Format(T.WorkOrder_AuditCreated, problemIds.Count), ct);
        return ids;
    }

    /// <summary>
    /// After a check run: orders for its open problems as the resource's setting says, dispatched at once by the system.
    /// Problems already in an open order are left there; when nothing is left the run simply adds no order.
    /// </summary>
    public async Task<IReadOnlyList<int>> CreateAutomaticAsync(int runId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = await db.CheckRuns.AsNoTracking().SingleAsync(r => r.Id == runId, ct);
        var mode = await db.QualitySettings.Where(s => s.DataResourceId == run.DataResourceId).Select(s => (AutoOrderMode?)s.AutoOrders).FirstOrDefaultAsync(ct) ?? AutoOrderMode.Off;
        if (mode == AutoOrderMode.Off || run.Status != CheckRunStatus.Completed) return [];
        var problems = await db.Problems.Where(p => p.RunId == runId && p.Status == ProblemStatus.Open && (mode == AutoOrderMode.All || p.Severity == RuleSeverity.Critical))
            .Select(p => p.Id).Take(options.MaxProblemsPerRequest).ToListAsync(ct);
        return problems.Count == 0 ? [] : await CreateAsync(problems, WorkOrderAction.Dispatch, System, ct);
    }

    private async Task<IReadOnlyList<int>> CreateAsync(IReadOnlyCollection<long> problemIds, WorkOrderAction? then, UserContext user, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var problems = await db.Problems.Where(p => problemIds.Contains(p.Id)).ToListAsync(ct);
        if (problems.Count != problemIds.Count) throw new NotFoundException(T.Problem_NotFound);
        if (problems.Any(p => p.Status == ProblemStatus.Exception)) throw new BusinessRuleException(T.WorkOrder_ExceptionProblem);
        var keys = problems.Select(p => p.RuleKey).Distinct().ToList();
        var records = problems.Select(p => p.RecordId).OfType<long>().Distinct().ToList();
        var taken = (await db.WorkOrderItems.Where(i => keys.Contains(i.RuleKey) && (i.RecordId == null || records.Contains(i.RecordId.Value)) && i.State == WorkOrderItemState.Open
                && db.WorkOrders.Any(o => o.Id == i.OrderId && o.Status != WorkOrderStatus.Closed && o.Status != WorkOrderStatus.ClosedAsException))
            .Select(i => new { i.RecordId, i.BatchId, i.RuleKey }).ToListAsync(ct)).ToHashSet();
        var free = problems.Where(p => !taken.Contains(new { p.RecordId, p.BatchId, p.RuleKey })).ToList();
        if (free.Count == 0) return then is null ? throw new BusinessRuleException(T.WorkOrder_AllInOpenOrders) : [];

        var runIds = free.Select(p => p.RunId).Distinct().ToList();
        var versions = await db.CheckRuns.Where(r => runIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.RuleSetVersion, ct);
        var resourceIds = free.Select(p => p.DataResourceId).Distinct().ToList();
        var resources = await db.DataResources.Where(r => resourceIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var created = new List<WorkOrder>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var group in free.GroupBy(p => (p.DepartmentId, p.DataResourceId, Version: versions[p.RunId])))
        {
            var severity = group.Min(p => p.Severity);
            var order = new WorkOrder(group.Key.DepartmentId, group.Key.DataResourceId, group.Key.Version,
                string.Format(T.WorkOrder_DefaultTitle, resources[group.Key.DataResourceId], group.Count()),
                string.Join("；", group.GroupBy(p => p.RuleName).Select(g => $"{g.Key} {g.Count()} 条")), severity, group.Count(), user.UserName, now);
            db.WorkOrders.Add(order);
            await db.SaveChangesAsync(ct);
            order.AssignNumber(ChinaTime.FromUtc(now).Year);
            db.WorkOrderItems.AddRange(group.Select(p => new WorkOrderItem(order.Id, p)));
            db.WorkOrderEvents.Add(new WorkOrderEvent(order.Id, WorkOrderEventKind.Created, null, WorkOrderStatus.Draft, user.UserName, null, now));
            foreach (var p in group) p.SetStatus(ProblemStatus.HandedOver);
            await db.SaveChangesAsync(ct);
            created.Add(order);
        }
        await tx.CommitAsync(ct);
        if (then is { } action)
            foreach (var order in created) await ActAsAsync(order.Id, action, new WorkOrderActionInput(order.ConcurrencyStamp), user, ct);
        return created.Select(o => o.Id).ToList();
    }

    /// <summary>Actions that must say why (申诉, 复核不通过, 申请延期) or are a comment.</summary>
    public static bool NeedsComment(WorkOrderAction action) =>
        action is WorkOrderAction.Dispute or WorkOrderAction.Reject or WorkOrderAction.RequestExtension or WorkOrderAction.Comment;

    /// <summary>The signed-in user takes an action on an order (see <see cref="WorkOrderStateMachine"/>).</summary>
    public async Task ActAsync(int orderId, WorkOrderAction action, WorkOrderActionInput input, CancellationToken ct) =>
        await ActAsAsync(orderId, action, input, await currentUser.GetAsync(), ct);

    private async Task ActAsAsync(int orderId, WorkOrderAction action, WorkOrderActionInput input, UserContext user, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await db.WorkOrders.SingleOrDefaultAsync(o => o.Id == orderId, ct) ?? throw new NotFoundException(T.WorkOrder_NotFound);
        if (!user.CanAccessDepartment(order.DepartmentId)) throw new NotFoundException(T.WorkOrder_NotFound);
        if (order.ConcurrencyStamp != input.Stamp) throw new BusinessRuleException(T.WorkOrder_Changed);
        var comment = string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim();
        if (comment?.Length > 1000) throw new BusinessRuleException(T.WorkOrder_CommentTooLong);
        if (comment is null && NeedsComment(action))
            throw new BusinessRuleException(T.WorkOrder_CommentRequired);

        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(ChinaTime.FromUtc(now));
        if (action == WorkOrderAction.RequestExtension && (input.ExtensionDate is not { } asked || asked <= (order.DueDate ?? today)))
            throw new BusinessRuleException(T.WorkOrder_ExtensionDateInvalid);

        await ApplyAsync(db, order, action, input, comment, user, now, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new BusinessRuleException(T.WorkOrder_Changed);
        }
        await NotifyAsync(order, action, ct);
    }

    /// <summary>
    /// Applies an action to an order tracked by <paramref name="db"/> with its side effects, timeline event and audit entry,
    /// without saving: the caller saves (in its own transaction) and then calls <see cref="NotifyAsync"/>.
    /// </summary>
    internal async Task ApplyAsync(AppDbContext db, WorkOrder order, WorkOrderAction action, WorkOrderActionInput input, string? comment, UserContext user,
        DateTime now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(ChinaTime.FromUtc(now));
        var e = WorkOrderStateMachine.Apply(order, action, user, comment, now);
        switch (action)
        {
            case WorkOrderAction.Dispatch:
                var days = options.DueDaysFor(order.Severity);
                order.Dispatched((await calendar.LoadAsync(today, today.AddDays(days * 3 + 60), ct)).AddWorkingDays(today, days), now);
                break;
            case WorkOrderAction.Sign: order.Signed(now); break;
            case WorkOrderAction.Submit: order.Submitted(now); break;
            case WorkOrderAction.Approve: order.Closed(now, false); break;
            case WorkOrderAction.Reject: order.Reworked(); break;
            case WorkOrderAction.UpholdDispute:
                order.Closed(now, true);
                await ExceptOpenItemsAsync(db, order, comment ?? T.WorkOrder_DisputeUpheldReason, user, now, ct);
                break;
            case WorkOrderAction.RequestExtension: order.ExtensionRequested(input.ExtensionDate!.Value, comment!); break;
            case WorkOrderAction.ApproveExtension: order.ExtensionDecided(true); break;
            case WorkOrderAction.RefuseExtension: order.ExtensionDecided(false); break;
        }
        if (input.Attachment is { } stream && input.AttachmentName is { } name)
        {
            var stored = await files.SaveAsync(stream, "orders", Path.GetExtension(name), MaxAttachmentBytes, ct);
            e = new WorkOrderEvent(e.OrderId, e.Kind, e.FromStatus, e.ToStatus, e.Actor, e.Comment, e.AtUtc, Path.GetFileName(name), stored.RelativePath);
        }
        db.WorkOrderEvents.Add(e);
        await audit.StageAsync(db, AuditActions.RectificationCategory, AuditActions.WorkOrderAction, order.Number,
            $"{EnumLabels.Of(action)}：{EnumLabels.Of(e.FromStatus!.Value)} → {EnumLabels.Of(order.Status)}");
    }

    /// <summary>An upheld dispute: the order's open rows become exceptions, excluded from later runs.</summary>
    private static async Task ExceptOpenItemsAsync(AppDbContext db, WorkOrder order, string reason, UserContext user, DateTime now, CancellationToken ct)
    {
        var items = await db.WorkOrderItems.Where(i => i.OrderId == order.Id && i.State == WorkOrderItemState.Open).ToListAsync(ct);
        var problemIds = items.Select(i => i.ProblemId).ToList();
        var problems = await db.Problems.Where(p => problemIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        foreach (var item in items)
        {
            item.Except();
            if (!problems.TryGetValue(item.ProblemId, out var problem) || problem.RecordId is null) continue;
            problem.SetStatus(ProblemStatus.Exception);
            db.QualityExceptions.Add(new QualityException(problem, reason, user.UserName, now));
        }
        order.CountOpen(0);
    }

    internal async Task NotifyAsync(WorkOrder order, WorkOrderAction action, CancellationToken ct)
    {
        var toDepartment = action is WorkOrderAction.Dispatch or WorkOrderAction.Approve or WorkOrderAction.Reject or WorkOrderAction.RejectDispute
            or WorkOrderAction.UpholdDispute or WorkOrderAction.ApproveExtension or WorkOrderAction.RefuseExtension;
        var toStewards = action is WorkOrderAction.Submit or WorkOrderAction.Dispute or WorkOrderAction.RequestExtension;
        if (!toDepartment && !toStewards) return;
        var users = toDepartment ? await notifier.DepartmentStaffAsync(order.DepartmentId, ct) : await notifier.InRoleAsync(Roles.Steward, ct);
        var kind = action == WorkOrderAction.Dispatch ? NotificationKind.OrderDispatched : NotificationKind.OrderChanged;
        await notifier.SendAsync(new NotificationMessage(users, kind, string.Format(T.Notification_OrderTitle, order.Number, EnumLabels.Of(action)),
            string.Format(T.Notification_OrderBody, order.Title, EnumLabels.Of(order.Status), order.DueDate?.ToString("yyyy-MM-dd") ?? "—"), $"rectification/orders/{order.Id}"), ct);
    }
}
