using System.Linq.Expressions;
using System.Text.Json;
using GovDataConsole.Data;
using GovDataConsole.Features.Audit;
using GovDataConsole.Features.Collection;
using GovDataConsole.Features.Organization;
using GovDataConsole.Features.Rectification;
using GovDataConsole.Features.Shared;
using Microsoft.EntityFrameworkCore;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Features.Quality;

/// <summary>
/// The problem browser (问题数据): current problems within the user's department scope, the failing record behind one,
/// triage by the steward (exception / false positive, hand-over to rectification) and the exceptions it leaves. Values of
/// sensitive items are masked unless the viewer may reveal them and asks to (audited, as for batch records).
/// </summary>
public sealed class ProblemService(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, WorkOrderService workOrders)
{
    /// <summary>Row-level filters count up to this many matches (then the grid says "more than").</summary>
    public const int CountCap = 10_000;

    /// <summary>The most problems one triage action takes.</summary>
    public const int BulkCap = 10_000;

    private const int IdChunk = 500;

    // Every order ends on (BatchId, Id), the index order of current problems: the default is a walk of that index.
    private static readonly Dictionary<string, Expression<Func<Problem, object?>>> Sortable = new()
    {
        [nameof(ProblemRow.Severity)] = p => p.Severity,
        [nameof(ProblemRow.RuleName)] = p => p.RuleName,
        [nameof(ProblemRow.Dimension)] = p => p.Dimension,
    };

    public async Task<ProblemPage> ListAsync(ProblemQuery query, bool reveal, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        if (reveal) await RevealAsync(user, string.Format(T.Problem_RevealListDetail, query.Page + 1), ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (page, total, capped) = await PageAsync(db, user, query, ct);
        return new ProblemPage(await RowsAsync(db, page, reveal, ct), total, capped);
    }

    /// <summary>
    /// The grid's count and page of current problems (what <c>bench check</c> times): exact counts on the index walk when only
    /// department, resource or batch narrow the set, else capped at <see cref="CountCap"/>.
    /// </summary>
    internal static async Task<(List<Problem> Page, int Total, bool Capped)> PageAsync(AppDbContext db, UserContext user, ProblemQuery query, CancellationToken ct)
    {
        var problems = Filter(db, user, query);
        int total;
        var capped = false;
        if (query.FiltersRows)
        {
            total = await Order(problems, new GridRequest()).Take(CountCap + 1).CountAsync(ct);
            if (total > CountCap) (total, capped) = (CountCap, true);
        }
        else total = await problems.CountAsync(ct);
        return (await Order(problems, query).Skip(query.Skip).Take(query.Take).ToListAsync(ct), total, capped);
    }

    /// <summary>The resources of the user's scope with checked batches, for the filters.</summary>
    public async Task<IReadOnlyList<ProblemResource>> ResourcesAsync(CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = await db.DataBatches.AsNoTracking().VisibleTo(user).Where(b => b.CheckRunId != null).Select(b => b.DataResourceId).Distinct().ToListAsync(ct);
        return await db.DataResources.AsNoTracking().Where(r => ids.Contains(r.Id)).OrderBy(r => r.Code)
            .Select(r => new ProblemResource(r.Id, r.Code, r.Name, r.DepartmentId, r.Department!.Name)).ToListAsync(ct);
    }

    /// <summary>The rules of a resource's current runs (key and name), for the rule filter.</summary>
    public async Task<IReadOnlyList<(string Key, string Name)>> RulesAsync(int resourceId, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var runs = await db.DataBatches.AsNoTracking().VisibleTo(user).Where(b => b.DataResourceId == resourceId && b.CheckRunId != null)
            .Select(b => b.CheckRunId!.Value).Distinct().ToListAsync(ct);
        var rules = await db.CheckRunRules.AsNoTracking().Where(r => runs.Contains(r.RunId)).OrderByDescending(r => r.RunId)
            .Select(r => new { r.RuleKey, r.RuleName }).ToListAsync(ct);
        return rules.DistinctBy(r => r.RuleKey).OrderBy(r => r.RuleKey, StringComparer.Ordinal).Select(r => (r.RuleKey, r.RuleName)).ToList();
    }

    /// <summary>The record behind a problem, its fields masked unless revealed, with every field that run found failing marked.</summary>
    public async Task<ProblemRecord> RecordAsync(long problemId, bool reveal, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var problem = await db.Problems.AsNoTracking().FirstOrDefaultAsync(p => p.Id == problemId, ct) ?? throw new NotFoundException(T.Problem_NotFound);
        var batch = await db.DataBatches.AsNoTracking().SingleAsync(b => b.Id == problem.BatchId, ct);
        user.EnsureDepartment(batch.DepartmentId);
        if (reveal) await RevealAsync(user, string.Format(T.Problem_RevealRecordDetail, batch.Id, problem.RowNumber), ct);

        var found = problem.RecordId is long recordId
            ? await db.Problems.AsNoTracking().Where(p => p.RunId == problem.RunId && p.RecordId == recordId).OrderBy(p => p.Id).ToListAsync(ct)
            : [problem];
        var fields = new List<RecordField>();
        if (problem.RecordId is long id
            && await db.BatchRecords.Where(r => r.Id == id).Select(r => r.CleansedJson ?? r.ValuesJson).FirstOrDefaultAsync(ct) is { } json)
        {
            var values = JsonSerializer.Deserialize<string[]>(json) ?? [];
            var items = await BatchService.ItemsOfAsync(db, batch, ct);
            fields.AddRange(items.Select((item, i) => new RecordField(item.Code, item.Name,
                BatchService.Display(i < values.Length ? values[i] : "", item.Sensitivity, reveal),
                found.Where(p => p.ItemCode == item.Code).Select(p => p.Message).ToList())));
        }
        var rows = await RowsAsync(db, found, reveal, ct);
        return new ProblemRecord(problem.Id, batch.Id, problem.RowNumber, rows[0].ResourceName, fields, rows);
    }

    /// <summary>Marks open problems as exceptions (record × rule, with the reason): later runs no longer report them.</summary>
    public Task<TriageResult> MarkExceptionAsync(IReadOnlyCollection<long> ids, string reason, CancellationToken ct) =>
        ExceptAsync(db => SelectedAsync(db, ids, ct), reason, ct);

    /// <summary>As <see cref="MarkExceptionAsync"/> for every open problem of the filter (at most <see cref="BulkCap"/>).</summary>
    public Task<TriageResult> MarkExceptionByFilterAsync(ProblemQuery filter, string reason, CancellationToken ct) =>
        ExceptAsync(db => FilteredAsync(db, filter, ct), reason, ct);

    /// <summary>Hands open problems over to rectification as draft work orders.</summary>
    public Task<TriageResult> HandOverAsync(IReadOnlyCollection<long> ids, CancellationToken ct) => HandOverAsync(db => SelectedAsync(db, ids, ct), ct);

    public Task<TriageResult> HandOverByFilterAsync(ProblemQuery filter, CancellationToken ct) => HandOverAsync(db => FilteredAsync(db, filter, ct), ct);

    public async Task<GridPage<ExceptionRow>> ExceptionsAsync(ExceptionQuery query, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var exceptions = db.QualityExceptions.AsNoTracking().VisibleTo(user);
        if (query.ResourceId is int resourceId) exceptions = exceptions.Where(e => e.DataResourceId == resourceId);
        if (query.Active is bool active) exceptions = exceptions.Where(e => (e.RevokedUtc == null) == active);
        var total = await exceptions.CountAsync(ct);
        var page = await exceptions.OrderByDescending(e => e.Id).Skip(query.Skip).Take(query.Take).ToListAsync(ct);
        var resources = await ResourcesAsync(db, page.Select(e => e.DataResourceId), ct);
        return new GridPage<ExceptionRow>(page.Select(e =>
        {
            var r = resources[e.DataResourceId];
            return new ExceptionRow(e.Id, e.DataResourceId, r.Code, r.Name, r.DepartmentName, e.BatchId, e.RowNumber, e.RuleKey, e.RuleName, e.ItemName,
                BatchService.Display(e.Value ?? "", e.Sensitivity, false), e.Reason, e.CreatedBy, e.CreatedUtc, e.RevokedBy, e.RevokedUtc);
        }).ToList(), total);
    }

    /// <summary>Revokes an exception: the rule applies to the record again, and its current problem (if any) is open again.</summary>
    public async Task RevokeAsync(int exceptionId, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        user.EnsureRole(Roles.Steward, Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var exception = await db.QualityExceptions.FirstOrDefaultAsync(e => e.Id == exceptionId, ct) ?? throw new NotFoundException(T.Problem_ExceptionNotFound);
        user.EnsureDepartment(exception.DepartmentId);
        if (!exception.IsActive) throw new BusinessRuleException(T.Problem_ExceptionAlreadyRevoked);
        exception.Revoke(user.UserName, DateTime.UtcNow);
        var runId = await db.DataBatches.Where(b => b.Id == exception.BatchId).Select(b => b.CheckRunId).FirstOrDefaultAsync(ct);
        foreach (var problem in await db.Problems.Where(p => p.RunId == runId && p.RecordId == exception.RecordId && p.RuleKey == exception.RuleKey
                     && p.Status == ProblemStatus.Exception).ToListAsync(ct))
            problem.SetStatus(ProblemStatus.Open);
        await audit.StageAsync(db, AuditActions.QualityCategory, AuditActions.ExceptionRevoked, exception.RuleName,
            string.Format(T.Problem_RevokeDetail, exception.Id, exception.BatchId, exception.RowNumber));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Current problems of the scope and filters (unordered).</summary>
    internal static IQueryable<Problem> Filter(AppDbContext db, UserContext user, ProblemQuery query)
    {
        var problems = CurrentProblems.Of(db, user, query.DepartmentId, query.ResourceId, query.BatchId).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.RuleKey)) problems = problems.Where(p => p.RuleKey == query.RuleKey);
        if (query.Dimension is { } dimension) problems = problems.Where(p => p.Dimension == dimension);
        if (query.Severity is { } severity) problems = problems.Where(p => p.Severity == severity);
        if (query.Status is { } status) problems = problems.Where(p => p.Status == status);
        if (query.FoundFrom is { } from)
        {
            var start = ChinaTime.StartOfDayUtc(from);
            problems = problems.Where(p => p.FoundUtc >= start);
        }
        if (query.FoundTo is { } to)
        {
            var end = ChinaTime.StartOfDayUtc(to.AddDays(1));
            problems = problems.Where(p => p.FoundUtc < end);
        }
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim();
            problems = problems.Where(p => p.Message.Contains(text) || p.RuleName.Contains(text));
        }
        return problems;
    }

    /// <summary>The whitelisted sort, then the index order (batch, problem) in the same direction.</summary>
    internal static IOrderedQueryable<Problem> Order(IQueryable<Problem> problems, GridRequest request)
    {
        var ordered = request.SortBy is { } key && Sortable.TryGetValue(key, out var first)
            ? (request.Descending ? problems.OrderByDescending(first) : problems.OrderBy(first))
            : request.Descending ? problems.OrderByDescending(p => p.BatchId) : problems.OrderBy(p => p.BatchId);
        if (request.SortBy is { } sorted && Sortable.ContainsKey(sorted))
            ordered = request.Descending ? ordered.ThenByDescending(p => p.BatchId) : ordered.ThenBy(p => p.BatchId);
        return request.Descending ? ordered.ThenByDescending(p => p.Id) : ordered.ThenBy(p => p.Id);
    }

    private async Task<TriageResult> ExceptAsync(Func<AppDbContext, Task<(List<Target> Open, int Skipped)>> targets, string reason, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        user.EnsureRole(Roles.Steward, Roles.Admin);
        reason = reason?.Trim() ?? "";
        if (reason.Length == 0) throw new BusinessRuleException(T.Problem_ReasonRequired);
        if (reason.Length > 500) throw new BusinessRuleException(T.Problem_ReasonTooLong);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (open, skipped) = await targets(db);
        var withRecord = open.Where(t => t.RecordId is not null).ToList();
        if (open.Count > 0 && withRecord.Count == 0) throw new BusinessRuleException(T.Problem_BatchLevelNoException);

        var now = DateTime.UtcNow;
        var changed = 0;
        foreach (var run in withRecord.GroupBy(t => t.RunId))
            foreach (var chunk in run.Chunk(IdChunk))
            {
                var records = chunk.Select(t => t.RecordId).Distinct().ToList();
                var keys = chunk.Select(t => (t.RecordId!.Value, t.RuleKey)).ToHashSet();
                // The chosen problems and any other field the same rule failed in the same record (one exception covers them all).
                var affected = (await db.Problems.Where(p => p.RunId == run.Key && records.Contains(p.RecordId) && p.Status == ProblemStatus.Open).ToListAsync(ct))
                    .Where(p => keys.Contains((p.RecordId!.Value, p.RuleKey))).ToList();
                var ids = records.Select(r => r!.Value).ToList();
                var resourceId = affected.FirstOrDefault()?.DataResourceId;
                var existing = (await db.QualityExceptions.Where(e => e.DataResourceId == resourceId && ids.Contains(e.RecordId) && e.RevokedUtc == null)
                    .Select(e => new { e.RecordId, e.RuleKey }).ToListAsync(ct)).Select(e => (e.RecordId, e.RuleKey)).ToHashSet();
                foreach (var first in affected.GroupBy(p => (p.RecordId!.Value, p.RuleKey)).Where(g => !existing.Contains(g.Key)).Select(g => g.First()))
                    db.QualityExceptions.Add(new QualityException(first, reason, user.UserName, now));
                foreach (var problem in affected) problem.SetStatus(ProblemStatus.Exception);
                changed += affected.Count;
            }
        await audit.StageAsync(db, AuditActions.QualityCategory, AuditActions.ProblemsExcepted, Describe(withRecord),
            string.Format(T.Problem_ExceptDetail, changed, reason));
        await db.SaveChangesAsync(ct);
        return new TriageResult(changed, skipped, open.Count - withRecord.Count);
    }

    /// <summary>Open problems become draft work orders (grouped by department × resource × rule-set version), which mark them handed over.</summary>
    private async Task<TriageResult> HandOverAsync(Func<AppDbContext, Task<(List<Target> Open, int Skipped)>> targets, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        user.EnsureRole(Roles.Steward, Roles.Admin);
        List<Target> open;
        int skipped;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            (open, skipped) = await targets(db);
        if (open.Count == 0) return new TriageResult(0, skipped, 0);
        await workOrders.CreateFromProblemsAsync(open.Select(t => t.Id).ToList(), ct);
        return new TriageResult(open.Count, skipped, 0);
    }

    private sealed record Target(long Id, int RunId, long? RecordId, string RuleKey);

    /// <summary>The chosen problems that are current, visible and open; the rest count as skipped.</summary>
    private async Task<(List<Target> Open, int Skipped)> SelectedAsync(AppDbContext db, IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        if (ids.Count == 0) throw new BusinessRuleException(T.Problem_NoneSelected);
        if (ids.Count > BulkCap) throw new BusinessRuleException(string.Format(T.Problem_TooMany, BulkCap));
        var open = new List<Target>();
        var batches = db.DataBatches.VisibleTo(user);
        // By key, not through CurrentProblems (which walks batches): a few chosen rows are looked up directly.
        foreach (var chunk in ids.Distinct().Chunk(IdChunk))
            open.AddRange(await db.Problems.Where(p => chunk.Contains(p.Id) && p.Status == ProblemStatus.Open
                    && batches.Any(b => b.Id == p.BatchId && b.CheckRunId == p.RunId))
                .Select(p => new Target(p.Id, p.RunId, p.RecordId, p.RuleKey)).ToListAsync(ct));
        return (open, ids.Distinct().Count() - open.Count);
    }

    /// <summary>The open problems of a filter; more than <see cref="BulkCap"/> is refused.</summary>
    private async Task<(List<Target> Open, int Skipped)> FilteredAsync(AppDbContext db, ProblemQuery filter, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        if (filter.Status is not (null or ProblemStatus.Open)) throw new BusinessRuleException(T.Problem_OnlyOpen);
        var open = await Filter(db, user, filter with { Status = ProblemStatus.Open }).OrderBy(p => p.BatchId).ThenBy(p => p.Id)
            .Select(p => new Target(p.Id, p.RunId, p.RecordId, p.RuleKey)).Take(BulkCap + 1).ToListAsync(ct);
        if (open.Count > BulkCap) throw new BusinessRuleException(string.Format(T.Problem_TooMany, BulkCap));
        if (open.Count == 0) throw new BusinessRuleException(T.Problem_NoneOpen);
        return (open, 0);
    }

    private static string Describe(IReadOnlyList<Target> targets) =>
        string.Join(",", targets.Take(50).Select(t => t.Id)) + (targets.Count > 50 ? "…" : "");

    private async Task RevealAsync(UserContext user, string detail, CancellationToken ct)
    {
        user.EnsureRole(Roles.DepartmentStaff, Roles.Steward);
        await audit.WriteAsync(AuditActions.QualityCategory, AuditActions.ProblemsRevealed, null, detail, ct);
    }

    private static async Task<List<ProblemRow>> RowsAsync(AppDbContext db, IReadOnlyList<Problem> problems, bool reveal, CancellationToken ct)
    {
        var resources = await ResourcesAsync(db, problems.Select(p => p.DataResourceId), ct);
        return problems.Select(p =>
        {
            var r = resources[p.DataResourceId];
            return new ProblemRow(p.Id, p.BatchId, p.RowNumber, p.RecordId, p.DataResourceId, r.Code, r.Name, r.DepartmentName, p.RuleKey, p.RuleName,
                p.Dimension, p.Severity, p.ItemName, p.Value is null ? null : BatchService.Display(p.Value, p.Sensitivity, reveal), p.Message, p.Status, p.FoundUtc);
        }).ToList();
    }

    internal sealed record ResourceName(string Code, string Name, string DepartmentName);

    internal static async Task<Dictionary<int, ResourceName>> ResourcesAsync(AppDbContext db, IEnumerable<int> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        return await db.DataResources.AsNoTracking().Where(r => wanted.Contains(r.Id))
            .Select(r => new { r.Id, Row = new ResourceName(r.Code, r.Name, r.Department!.Name) }).ToDictionaryAsync(r => r.Id, r => r.Row, ct);
    }
}
