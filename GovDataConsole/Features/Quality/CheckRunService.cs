using System.Linq.Expressions;
using System.Text.Json;
using GovDataConsole.Data;
using GovDataConsole.Features.Audit;
using GovDataConsole.Features.Collection;
using GovDataConsole.Features.Organization;
using GovDataConsole.Features.Shared;
using GovDataConsole.Quality;
using Microsoft.EntityFrameworkCore;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Features.Quality;

/// <summary>
/// Check runs as people see them: the run list and a run's detail within the department scope, cancelling and re-running
/// (stewards and admins, audited), a resource's score history, and the comparison of two runs of a resource.
/// </summary>
public sealed class CheckRunService(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, CheckRunQueue queue, AuditLog audit)
{
    private const int TrendLength = 60;

    private static readonly Dictionary<string, Expression<Func<CheckRun, object?>>> Sortable = new()
    {
        [nameof(RunRow.Id)] = r => r.Id,
        [nameof(RunRow.Status)] = r => r.Status,
        [nameof(RunRow.Score)] = r => r.Score,
        [nameof(RunRow.ProblemCount)] = r => r.ProblemCount,
        [nameof(RunRow.QueuedUtc)] = r => r.QueuedUtc,
    };

    private static readonly Dictionary<string, Expression<Func<Problem, object?>>> ProblemSortable = new()
    {
        [nameof(ComparedProblemRow.Id)] = p => p.Id,
        [nameof(ComparedProblemRow.RowNumber)] = p => p.RowNumber,
        [nameof(ComparedProblemRow.RuleName)] = p => p.RuleName,
        [nameof(ComparedProblemRow.Severity)] = p => p.Severity,
    };

    public async Task<GridPage<RunRow>> ListAsync(RunQuery query, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var runs = db.CheckRuns.AsNoTracking().VisibleTo(user);
        if (query.ResourceId is int resourceId) runs = runs.Where(r => r.DataResourceId == resourceId);
        if (query.Status is CheckRunStatus status) runs = runs.Where(r => r.Status == status);
        if (query.Trigger is CheckTrigger trigger) runs = runs.Where(r => r.Trigger == trigger);
        var page = await runs.ToGridPageAsync(query with { Descending = query.SortBy is null || query.Descending }, Sortable, nameof(RunRow.Id), r => r, ct);
        return new GridPage<RunRow>(await RowsAsync(db, page.Items, ct), page.TotalCount);
    }

    /// <summary>The resources of the user's scope that have check runs.</summary>
    public async Task<IReadOnlyList<RunResource>> ResourcesAsync(CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.DataResources.AsNoTracking().VisibleTo(user).Where(r => db.CheckRuns.Any(c => c.DataResourceId == r.Id))
            .OrderBy(r => r.Code).Select(r => new RunResource(r.Id, r.Code, r.Name)).ToListAsync(ct);
    }

    public async Task<RunDetail> GetAsync(int runId, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = await LoadAsync(db, runId, user, ct);
        var row = (await RowsAsync(db, [run], ct))[0];
        var batch = run.BatchId is int batchId
            ? await db.DataBatches.AsNoTracking().Where(b => b.Id == batchId).Select(b => $"#{b.Id} · {b.PeriodKey} · {b.FileName}").FirstOrDefaultAsync(ct)
            : null;
        var rules = await db.CheckRunRules.AsNoTracking().Where(r => r.RunId == runId).OrderBy(r => r.Id)
            .Select(r => new RuleOutcomeRow(r.RuleKey, r.RuleName, r.Template, r.Dimension, r.Severity, r.Weight, r.Threshold, r.Checked, r.Failed,
                r.FailureRate, r.Passed))
            .ToListAsync(ct);
        var previous = await db.CheckRuns.AsNoTracking()
            .Where(r => r.DataResourceId == run.DataResourceId && r.Id < run.Id && r.Status == CheckRunStatus.Completed
                && (r.BatchId == null || run.BatchId == null || r.BatchId == run.BatchId))
            .OrderByDescending(r => r.Id).Select(r => (int?)r.Id).FirstOrDefaultAsync(ct);
        return new RunDetail(row, batch, Dimensions(run.DimensionScoresJson), rules, previous);
    }

    /// <summary>Stops a run that has not finished (stewards and admins).</summary>
    public async Task CancelAsync(int runId, CancellationToken ct)
    {
        var run = await ManageableAsync(runId, ct);
        if (!await queue.CancelAsync(runId, ct)) throw new BusinessRuleException(T.Runs_CannotCancel);
        await audit.WriteAsync(AuditActions.QualityCategory, AuditActions.CheckRunCancelled, run.Code, string.Format(T.Runs_AuditDetail, runId), ct);
    }

    /// <summary>Runs a finished run again over the same scope; its results are replaced (stewards and admins).</summary>
    public async Task RerunAsync(int runId, CancellationToken ct)
    {
        var run = await ManageableAsync(runId, ct);
        if (!await queue.RequeueAsync(runId, ct)) throw new BusinessRuleException(T.Runs_CannotRerun);
        await audit.WriteAsync(AuditActions.QualityCategory, AuditActions.CheckRunRequeued, run.Code, string.Format(T.Runs_AuditDetail, runId), ct);
    }

    /// <summary>The latest completed runs of a resource, oldest first: the score trend and the runs to compare.</summary>
    public async Task<IReadOnlyList<TrendPoint>> HistoryAsync(int resourceId, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var departmentId = await db.DataResources.Where(r => r.Id == resourceId).Select(r => (int?)r.DepartmentId).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException(T.Catalog_NotFound);
        user.EnsureDepartment(departmentId);
        var runs = await db.CheckRuns.AsNoTracking().Where(r => r.DataResourceId == resourceId && r.Status == CheckRunStatus.Completed)
            .OrderByDescending(r => r.Id).Take(TrendLength)
            .Select(r => new { r.Id, r.FinishedUtc, r.BatchId, r.ProblemCount, r.Score, r.DimensionScoresJson }).ToListAsync(ct);
        return runs.OrderBy(r => r.Id)
            .Select(r => new TrendPoint(r.Id, r.FinishedUtc ?? default, r.BatchId, r.ProblemCount, r.Score, Dimensions(r.DimensionScoresJson))).ToList();
    }

    /// <summary>Counts of new, fixed and remaining problems between two completed runs of one resource, over the batches both covered.</summary>
    public async Task<RunComparison> CompareAsync(int runA, int runB, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (a, b, shared, onlyA, onlyB) = await ComparableAsync(db, runA, runB, ct);
        var rows = await RowsAsync(db, [a, b], ct);
        var (inA, inB) = (InScope(db, a.Id, shared), InScope(db, b.Id, shared));
        var problemsA = await inA.CountAsync(ct);
        var fixedCount = await Unmatched(inA, inB).CountAsync(ct);
        return new RunComparison(rows[0], rows[1], shared, onlyA, onlyB, problemsA, await inB.CountAsync(ct),
            await Unmatched(inB, inA).CountAsync(ct), fixedCount, await Matched(inB, inA).CountAsync(ct),
            problemsA == 0 ? null : Math.Round(fixedCount * 100m / problemsA, 2));
    }

    /// <summary>One page of a comparison's category: new and remaining problems as found by run B, fixed ones as found by run A.</summary>
    public async Task<GridPage<ComparedProblemRow>> ComparedProblemsAsync(int runA, int runB, ComparisonCategory category, GridRequest page, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (a, b, shared, _, _) = await ComparableAsync(db, runA, runB, ct);
        var (inA, inB) = (InScope(db, a.Id, shared), InScope(db, b.Id, shared));
        var problems = category switch
        {
            ComparisonCategory.New => Unmatched(inB, inA),
            ComparisonCategory.Fixed => Unmatched(inA, inB),
            _ => Matched(inB, inA),
        };
        var result = await problems.ToGridPageAsync(page, ProblemSortable, nameof(ComparedProblemRow.Id), p => p, ct);
        return new GridPage<ComparedProblemRow>(result.Items.Select(p => new ComparedProblemRow(p.Id, p.BatchId, p.RowNumber, p.RuleKey, p.RuleName, p.Dimension,
            p.Severity, p.ItemName, p.Value is null ? null : BatchService.Display(p.Value, p.Sensitivity, false), p.Message)).ToList(), result.TotalCount);
    }

    /// <summary>Both runs visible, completed, distinct and of one resource; with the batches both covered and those only one did.</summary>
    private async Task<(CheckRun A, CheckRun B, List<int> Shared, List<int> OnlyA, List<int> OnlyB)> ComparableAsync(
        AppDbContext db, int runA, int runB, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        var a = await LoadAsync(db, runA, user, ct);
        var b = await LoadAsync(db, runB, user, ct);
        if (a.Id == b.Id) throw new BusinessRuleException(T.Compare_SameRun);
        if (a.DataResourceId != b.DataResourceId) throw new BusinessRuleException(T.Compare_DifferentResources);
        if (a.Status != CheckRunStatus.Completed || b.Status != CheckRunStatus.Completed) throw new BusinessRuleException(T.Compare_NotCompleted);
        var (scopeA, scopeB) = (await BatchesOfAsync(db, a, ct), await BatchesOfAsync(db, b, ct));
        return (a, b, scopeA.Intersect(scopeB).Order().ToList(), scopeA.Except(scopeB).Order().ToList(), scopeB.Except(scopeA).Order().ToList());
    }

    /// <summary>
    /// The batches a run covered: its batch, else those it split into chunks plus any only a batch-level rule reported on
    /// (a batch without records has no chunk).
    /// </summary>
    private static async Task<HashSet<int>> BatchesOfAsync(AppDbContext db, CheckRun run, CancellationToken ct)
    {
        if (run.BatchId is int batchId) return [batchId];
        var chunked = await db.CheckRunChunks.Where(c => c.RunId == run.Id).Select(c => c.BatchId).Distinct().ToListAsync(ct);
        var reported = await db.Problems.Where(p => p.RunId == run.Id && p.RecordId == null).Select(p => p.BatchId).Distinct().ToListAsync(ct);
        return [.. chunked, .. reported];
    }

    private static IQueryable<Problem> InScope(AppDbContext db, int runId, List<int> batches) =>
        db.Problems.AsNoTracking().Where(p => p.RunId == runId && batches.Contains(p.BatchId));

    private static IQueryable<Problem> Unmatched(IQueryable<Problem> left, IQueryable<Problem> right) => WithCounterpart(left, right, false);

    private static IQueryable<Problem> Matched(IQueryable<Problem> left, IQueryable<Problem> right) => WithCounterpart(left, right, true);

    /// <summary>
    /// Problems of <paramref name="left"/> that have (or lack) a counterpart in <paramref name="right"/>: the same record and
    /// rule, or for batch-level rules the same batch and rule.
    /// </summary>
    private static IQueryable<Problem> WithCounterpart(IQueryable<Problem> left, IQueryable<Problem> right, bool present) =>
        left.Where(p => right.Any(q => q.RuleKey == p.RuleKey
            && ((p.RecordId != null && q.RecordId == p.RecordId) || (p.RecordId == null && q.RecordId == null && q.BatchId == p.BatchId))) == present);

    /// <summary>Stewards and admins only; the run's resource code for the audit record.</summary>
    private async Task<(int Id, string Code)> ManageableAsync(int runId, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = await LoadAsync(db, runId, user, ct);
        user.EnsureRole(Roles.Steward, Roles.Admin);
        return (run.Id, await db.DataResources.Where(r => r.Id == run.DataResourceId).Select(r => r.Code).FirstAsync(ct));
    }

    private static async Task<CheckRun> LoadAsync(AppDbContext db, int runId, UserContext user, CancellationToken ct)
    {
        var run = await db.CheckRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, ct) ?? throw new NotFoundException(T.Runs_NotFound);
        user.EnsureDepartment(run.DepartmentId);
        return run;
    }

    private static async Task<List<RunRow>> RowsAsync(AppDbContext db, IReadOnlyList<CheckRun> runs, CancellationToken ct)
    {
        var ids = runs.Select(r => r.DataResourceId).Distinct().ToList();
        var resources = await db.DataResources.AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(r => new { r.Id, r.Code, r.Name, Department = r.Department!.Name }).ToDictionaryAsync(r => r.Id, ct);
        return runs.Select(r =>
        {
            var resource = resources[r.DataResourceId];
            return new RunRow(r.Id, r.DataResourceId, resource.Code, resource.Name, resource.Department, r.BatchId, r.Trigger, r.Status, r.RuleSetVersion,
                r.ChunksDone, r.ChunkCount, r.RowsChecked, r.ProblemCount, r.Score, r.RequestedBy, r.QueuedUtc, r.StartedUtc, r.FinishedUtc, r.FailureReason,
                r.DepartmentId);
        }).ToList();
    }

    /// <summary>Stored dimension scores ({"Completeness": 98.5, …}) in dimension order; unknown names are skipped.</summary>
    private static IReadOnlyDictionary<QualityDimension, decimal> Dimensions(string? json)
    {
        var result = new SortedDictionary<QualityDimension, decimal>();
        foreach (var (name, score) in (json is null ? null : JsonSerializer.Deserialize<Dictionary<string, decimal>>(json)) ?? [])
            if (Enum.TryParse<QualityDimension>(name, out var dimension)) result[dimension] = score;
        return result;
    }
}
