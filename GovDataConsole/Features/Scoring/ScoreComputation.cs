using GovDataConsole.Data;
using GovDataConsole.Features.Catalog;
using GovDataConsole.Features.Collection;
using GovDataConsole.Features.Quality;
using GovDataConsole.Features.Rectification;
using GovDataConsole.Features.Shared;
using GovDataConsole.Scoring;
using Microsoft.EntityFrameworkCore;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Features.Scoring;

/// <summary>A sheet of a period was (re)computed or published.</summary>
public sealed record ScoreSheetChanged(string PeriodKey);

/// <summary>
/// Computes every scored department's total for a period with the latest model of its period type and stores it as a sheet:
/// a draft is replaced, a published sheet is left as it is and the period gets the next version (a reason is then required).
/// Scored departments: the enabled ones owning a published resource, and any department with runs, tasks, orders or manual
/// items in the period. Everything is read as of the moment of computation.
/// </summary>
public sealed class ScoreComputation(IDbContextFactory<AppDbContext> dbFactory, RectificationMeasures measures, TimeProvider clock,
    LiveUpdates<ScoreSheetChanged> updates)
{
    public async Task<int> ComputeAsync(string periodKey, string? reason, string by, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var period = Parse(periodKey, now);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var model = await db.ScoringModels.Where(m => m.PeriodType == period.Type).OrderByDescending(m => m.Version).FirstOrDefaultAsync(ct)
            ?? throw new BusinessRuleException(T.Scoring_NoModel);
        var latest = await db.ScoreSheets.Where(s => s.PeriodKey == period.Key).OrderByDescending(s => s.Version).FirstOrDefaultAsync(ct);
        if (latest is { IsPublished: true } && string.IsNullOrWhiteSpace(reason)) throw new BusinessRuleException(T.Scoring_ReasonRequired);

        var lines = await MeasureAsync(db, period, model.Parameters, now, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        ScoreSheet sheet;
        if (latest is { IsPublished: false })
        {
            sheet = latest;
            await db.ScoreIndicatorValues.Where(v => v.SheetId == sheet.Id).ExecuteDeleteAsync(ct);
            await db.DepartmentScores.Where(v => v.SheetId == sheet.Id).ExecuteDeleteAsync(ct);
        }
        else db.ScoreSheets.Add(sheet = new ScoreSheet(period, (latest?.Version ?? 0) + 1));
        sheet.Computed(model, now, by, reason);
        await db.SaveChangesAsync(ct);

        var ranks = ScoreFormula.Ranks(lines.Select(l => l.Total).ToList());
        foreach (var (line, rank) in lines.Zip(ranks))
        {
            db.DepartmentScores.Add(new DepartmentScore(sheet.Id, line.DepartmentId, line.DepartmentName, line.Total, model.Parameters.GradeOf(line.Total), rank));
            foreach (var v in line.Indicators)
                db.ScoreIndicatorValues.Add(new ScoreIndicatorValue(sheet.Id, line.DepartmentId, v.Indicator, v.Weight, v.Value, v.Points, v.Inputs.ToJson()));
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await updates.PublishAsync(new ScoreSheetChanged(period.Key));
        return sheet.Id;
    }

    /// <summary>The period of <paramref name="periodKey"/>; refuses malformed keys and periods that have not started.</summary>
    public static ScorePeriod Parse(string periodKey, DateTime nowUtc)
    {
        if (!ScorePeriod.TryParse(periodKey, out var period)) throw new BusinessRuleException(string.Format(T.Scoring_BadPeriod, periodKey));
        if (period.Start > DateOnly.FromDateTime(ChinaTime.FromUtc(nowUtc))) throw new BusinessRuleException(string.Format(T.Scoring_FuturePeriod, period.Key));
        return period;
    }

    private sealed record IndicatorResult(ScoreIndicator Indicator, decimal Weight, decimal Value, decimal Points, ScoreInputs Inputs);

    private sealed record DepartmentLine(int DepartmentId, string DepartmentName, string Code, IReadOnlyList<IndicatorResult> Indicators)
    {
        public decimal Total => ScoreFormula.Total(Indicators.Sum(i => i.Points));
    }

    private async Task<List<DepartmentLine>> MeasureAsync(AppDbContext db, ScorePeriod period, ScoringParameters p, DateTime now, CancellationToken ct)
    {
        var start = ChinaTime.StartOfDayUtc(period.Start);
        var end = ChinaTime.StartOfDayUtc(period.End.AddDays(1));
        var today = DateOnly.FromDateTime(ChinaTime.FromUtc(now));

        var periodRuns = db.CheckRuns.AsNoTracking()
            .Where(r => r.Status == CheckRunStatus.Completed && r.Score != null && r.FinishedUtc >= start && r.FinishedUtc < end && r.FinishedUtc <= now);
        var runs = await periodRuns
            .Join(db.DataResources, r => r.DataResourceId, d => d.Id, (r, d) => new
            {
                r.Id, r.DepartmentId, r.DataResourceId, d.Name, Score = r.Score!.Value, r.RowsChecked, FinishedUtc = r.FinishedUtc!.Value, r.QueuedUtc,
            })
            .OrderBy(r => r.FinishedUtc).ThenBy(r => r.Id).ToListAsync(ct);
        var tasks = await db.CollectionTasks.AsNoTracking().Where(t => t.PeriodEnd >= period.Start && t.PeriodEnd <= period.End)
            .OrderBy(t => t.PeriodEnd).ThenBy(t => t.Id)
            .Select(t => new { t.DepartmentId, Input = new TaskInput(t.Id, t.DataResourceId, t.DataResource!.Name, t.PeriodKey, t.DueDate, t.Status) })
            .ToListAsync(ct);
        var rectification = (await measures.ForPeriodAsync(period.Start, period.End, now, ct)).ToDictionary(r => r.DepartmentId);
        var recurrences = await RecurrencesAsync(db, periodRuns, runs.Select(r => (r.Id, r.DataResourceId, r.DepartmentId, r.Name, r.QueuedUtc)).ToList(), now, ct);
        var adjustments = await db.ScoreAdjustments.AsNoTracking().Where(a => a.PeriodKey == period.Key).OrderBy(a => a.Id).ToListAsync(ct);

        var active = runs.Select(r => r.DepartmentId).Concat(tasks.Select(t => t.DepartmentId)).Concat(rectification.Keys)
            .Concat(adjustments.Select(a => a.DepartmentId)).Distinct().ToList();
        var departments = await db.Departments.AsNoTracking()
            .Where(d => (d.Enabled && db.DataResources.Any(r => r.DepartmentId == d.Id && r.Status == ResourceStatus.Published)) || active.Contains(d.Id))
            .Select(d => new { d.Id, d.Name, d.Code }).ToListAsync(ct);

        var runsOf = runs.ToLookup(r => r.DepartmentId);
        var tasksOf = tasks.ToLookup(t => t.DepartmentId, t => t.Input);
        var recurrencesOf = recurrences.ToLookup(x => x.DepartmentId, x => x.Input);
        var adjustmentsOf = adjustments.ToLookup(a => a.DepartmentId);
        return departments.Select(d =>
        {
            var own = runsOf[d.Id].ToList();
            var quality = ScoreFormula.Quality(own.Select(r => (r.Score, r.RowsChecked)).ToList());
            var counted = tasksOf[d.Id].Where(t => DepartmentRate.Counts(t.DueDate, t.Status, today)).ToList();
            var rate = DepartmentRate.Of(d.Id, d.Name, counted.Select(t => t.Status).ToList());
            var collection = new ScoreInputs { Tasks = counted, Due = rate.Due, OnTime = rate.OnTime, Late = rate.Late, Missing = rate.Missing };
            var rect = rectification.GetValueOrDefault(d.Id);
            var orders = new ScoreInputs { Received = rect?.Received ?? 0, Closed = rect?.Closed ?? 0, ClosedOnTime = rect?.ClosedOnTime ?? 0, OrderIds = rect?.OrderIds ?? [] };
            var pairs = recurrencesOf[d.Id].ToList();
            var items = adjustmentsOf[d.Id].ToList();
            var (bonus, deduction) = ScoreFormula.Manual(items.Select(a => a.Points), p.ManualCap);
            return new DepartmentLine(d.Id, d.Name, d.Code,
            [
                Weighted(p, ScoreIndicator.DataQuality, quality,
                    new ScoreInputs { Runs = own.Select(r => new RunInput(r.Id, r.DataResourceId, r.Name, r.Score, r.RowsChecked, r.FinishedUtc)).ToList() }),
                Weighted(p, ScoreIndicator.CollectionTimeliness, ScoreFormula.Rate(rate.OnTime, rate.Due), collection),
                Weighted(p, ScoreIndicator.CollectionCompleteness, ScoreFormula.Rate(rate.OnTime + rate.Late, rate.Due), collection),
                // No orders received: full marks; orders received but none closed yet: 整改及时率 0.
                Weighted(p, ScoreIndicator.RectificationTimeliness, rect is null ? 100 : rect.TimelinessRate ?? 0, orders),
                Weighted(p, ScoreIndicator.RectificationCompletion, rect?.CompletionRate ?? 100, orders),
                new(ScoreIndicator.Recurrence, 0, pairs.Count, ScoreFormula.RecurrencePenalty(pairs.Count, p.RecurrencePoints, p.RecurrenceCap),
                    new ScoreInputs { Recurrences = pairs, PointsEach = p.RecurrencePoints, Cap = p.RecurrenceCap }),
                new(ScoreIndicator.Manual, 0, bonus + deduction, bonus + deduction, new ScoreInputs
                {
                    Adjustments = items.Select(a => new AdjustmentInput(a.Id, a.Points, a.Reason, a.EvidenceName, a.CreatedBy)).ToList(),
                    Bonus = bonus, Deduction = deduction, Cap = p.ManualCap,
                }),
            ]);
        }).OrderByDescending(l => l.Total).ThenBy(l => l.Code).ToList();
    }

    private static IndicatorResult Weighted(ScoringParameters p, ScoreIndicator indicator, decimal value, ScoreInputs inputs) =>
        new(indicator, p.WeightOf(indicator), value, ScoreFormula.Points(p.WeightOf(indicator), value), inputs);

    /// <summary>
    /// (resource, rule) pairs whose rule found failing rows in a run of the period queued after an order on that resource covering
    /// that rule was closed (已办结; orders closed as exceptions do not count). Each pair counts once, with its first such run and the
    /// latest order closed before it.
    /// </summary>
    /// <remarks>
    /// The period's runs, their resources and the closed orders are given to the database as subqueries, not as id lists:
    /// a month of a large deployment has thousands of runs and tens of thousands of closed orders (SQL Server takes at most
    /// 2,100 parameters).
    /// </remarks>
    private static async Task<List<(int DepartmentId, RecurrenceInput Input)>> RecurrencesAsync(AppDbContext db, IQueryable<CheckRun> periodRuns,
        IReadOnlyList<(int Id, int ResourceId, int DepartmentId, string ResourceName, DateTime QueuedUtc)> runs, DateTime now, CancellationToken ct)
    {
        var failing = (await (from r in periodRuns
                              join x in db.CheckRunRules on r.Id equals x.RunId
                              where x.Failed > 0
                              select new { x.RunId, x.RuleKey, x.RuleName }).ToListAsync(ct)).ToLookup(x => x.RunId);
        var closed = db.WorkOrders.AsNoTracking().Where(o => o.Status == WorkOrderStatus.Closed && o.ClosedUtc != null && o.ClosedUtc <= now
            && periodRuns.Select(r => r.DataResourceId).Contains(o.DataResourceId));
        var orders = await closed.Select(o => new { o.Id, o.DataResourceId, ClosedUtc = o.ClosedUtc!.Value }).ToListAsync(ct);
        var ordersOf = orders.ToLookup(o => o.DataResourceId);
        var covered = (await db.WorkOrderItems.AsNoTracking().Where(i => closed.Select(o => o.Id).Contains(i.OrderId)).Select(i => new { i.OrderId, i.RuleKey })
            .Distinct().ToListAsync(ct)).Select(i => (i.OrderId, i.RuleKey)).ToHashSet();

        var found = new List<(int, RecurrenceInput)>();
        var seen = new HashSet<(int, string)>();
        foreach (var run in runs)
            foreach (var rule in failing[run.Id].OrderBy(f => f.RuleKey, StringComparer.Ordinal))
            {
                var order = ordersOf[run.ResourceId].Where(o => o.ClosedUtc < run.QueuedUtc && covered.Contains((o.Id, rule.RuleKey)))
                    .MaxBy(o => o.ClosedUtc);
                if (order is null || !seen.Add((run.ResourceId, rule.RuleKey))) continue;
                found.Add((run.DepartmentId, new RecurrenceInput(run.ResourceId, run.ResourceName, rule.RuleKey, rule.RuleName, run.Id, order.Id, order.ClosedUtc)));
            }
        return found;
    }
}
