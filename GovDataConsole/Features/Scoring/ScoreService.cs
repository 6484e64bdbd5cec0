using GovDataConsole.Data;
using GovDataConsole.Features.Audit;
using GovDataConsole.Features.Organization;
using GovDataConsole.Features.Shared;
using GovDataConsole.Scoring;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Features.Scoring;

/// <summary>
/// Score sheets for the pages: versions, rankings, a department's breakdown, period comparison; computing (admins, stewards)
/// and publishing (admins). Department staff see their own department's scores in drafts and published sheets, and the
/// ranking across departments only of published sheets.
/// </summary>
public sealed class ScoreService(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, IBackgroundJobClient jobs, AuditLog audit, TimeProvider clock)
{
    /// <summary>Every version of the period's sheet, newest first.</summary>
    public async Task<IReadOnlyList<SheetRow>> SheetsAsync(string periodKey, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        if (!user.IsAuthenticated) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await SheetsAsync(db, periodKey, ct);
    }

    public async Task<Ranking> RankingAsync(int sheetId, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var sheet = await SheetAsync(db, sheetId, user, ct);
        if (user.IsDepartmentScoped && !sheet.IsPublished) throw new AccessDeniedException(T.Scoring_RankingUnpublished);
        var model = await ModelOfAsync(db, sheetId, ct);
        var previousKey = ScorePeriod.TryParse(sheet.PeriodKey, out var period) ? period.Previous.Key : "";
        var previous = await db.ScoreSheets.Where(s => s.PeriodKey == previousKey && s.Status == ScoreSheetStatus.Published)
            .OrderByDescending(s => s.Version).Select(s => s.Id).FirstOrDefaultAsync(ct);
        var previousTotals = await db.DepartmentScores.Where(s => s.SheetId == previous).ToDictionaryAsync(s => s.DepartmentId, s => s.Total, ct);
        var rows = await db.DepartmentScores.AsNoTracking().Where(s => s.SheetId == sheetId).OrderBy(s => s.Rank).ThenBy(s => s.DepartmentName)
            .Select(s => new { s.DepartmentId, s.DepartmentName, s.Rank, s.Total, s.Grade }).ToListAsync(ct);
        return new Ranking(sheet, previousKey,
            rows.Select(r => new RankingRow(r.DepartmentId, r.DepartmentName, r.Rank, r.Total, r.Grade,
                previousTotals.TryGetValue(r.DepartmentId, out var total) ? total : null)).ToList(), model.BoardSize);
    }

    /// <summary>A department's score in a sheet. Department staff: only their own; the rank of a draft is not shown to them.</summary>
    public async Task<Breakdown> BreakdownAsync(int sheetId, int departmentId, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        user.EnsureDepartment(departmentId);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await BreakdownAsync(db, await SheetAsync(db, sheetId, user, ct), departmentId, user, ct)
            ?? throw new NotFoundException(T.Scoring_DepartmentNotScored);
    }

    /// <summary>
    /// A department's indicators in two periods side by side, each from the version the user is shown first
    /// (<see cref="SheetRow.DefaultFor"/>); a period without a sheet, or without the department, is left empty.
    /// </summary>
    public async Task<Comparison> CompareAsync(int departmentId, string periodA, string periodB, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        user.EnsureDepartment(departmentId);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        async Task<Breakdown?> ShownAsync(string key) =>
            SheetRow.DefaultFor(user, await SheetsAsync(db, key, ct)) is { } sheet ? await BreakdownAsync(db, sheet, departmentId, user, ct) : null;
        var a = await ShownAsync(periodA);
        var b = await ShownAsync(periodB);
        return new Comparison(periodA, periodB, a, b, Enum.GetValues<ScoreIndicator>()
            .Select(i => new ComparisonLine(i, a?.Indicators.FirstOrDefault(x => x.Indicator == i), b?.Indicators.FirstOrDefault(x => x.Indicator == i))).ToList());
    }

    /// <summary>Queues the computation of a period (admins, stewards). Recomputing a published period needs a reason.</summary>
    public async Task RequestComputeAsync(string periodKey, string? reason, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        user.EnsureRole(Roles.Admin, Roles.Steward);
        var period = ScoreComputation.Parse(periodKey, clock.GetUtcNow().UtcDateTime);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var latest = await db.ScoreSheets.Where(s => s.PeriodKey == period.Key).OrderByDescending(s => s.Version).FirstOrDefaultAsync(ct);
        if (latest is { IsPublished: true } && string.IsNullOrWhiteSpace(reason)) throw new BusinessRuleException(T.Scoring_ReasonRequired);
        if (reason?.Trim().Length > 500) throw new BusinessRuleException(T.Scoring_ReasonTooLong);
        jobs.Enqueue<ScoreJob>(j => j.ComputeAsync(period.Key, reason, user.UserName, CancellationToken.None));
        await audit.WriteAsync(AuditActions.ScoringCategory, AuditActions.ScoreComputeRequested, period.Key, reason, ct);
    }

    /// <summary>Publishes the newest version of a period (admins). It is frozen from then on.</summary>
    public async Task PublishAsync(int sheetId, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        user.EnsureRole(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var sheet = await db.ScoreSheets.SingleOrDefaultAsync(s => s.Id == sheetId, ct) ?? throw new NotFoundException(T.Scoring_SheetNotFound);
        if (sheet.IsPublished) throw new BusinessRuleException(T.Scoring_AlreadyPublished);
        if (await db.ScoreSheets.AnyAsync(s => s.PeriodKey == sheet.PeriodKey && s.Version > sheet.Version, ct))
            throw new BusinessRuleException(T.Scoring_NotNewest);
        sheet.Publish(clock.GetUtcNow().UtcDateTime, user.UserName);
        await audit.StageAsync(db, AuditActions.ScoringCategory, AuditActions.ScorePublished, $"{sheet.PeriodKey} v{sheet.Version}", null);
        await db.SaveChangesAsync(ct);
    }

    private static async Task<IReadOnlyList<SheetRow>> SheetsAsync(AppDbContext db, string periodKey, CancellationToken ct)
    {
        var sheets = await db.ScoreSheets.AsNoTracking().Where(s => s.PeriodKey == periodKey).OrderByDescending(s => s.Version).ToListAsync(ct);
        var newestPublished = sheets.FirstOrDefault(s => s.IsPublished)?.Version;
        return sheets.Select(s => new SheetRow(s.Id, s.PeriodKey, s.Version, s.Status, s.IsPublished && s.Version != newestPublished, s.ModelVersion,
            s.ComputedUtc, s.ComputedBy, s.Reason, s.PublishedUtc, s.PublishedBy)).ToList();
    }

    private static async Task<SheetRow> SheetAsync(AppDbContext db, int sheetId, UserContext user, CancellationToken ct)
    {
        if (!user.IsAuthenticated) throw new AccessDeniedException(T.Error_RoleNotAllowed);
        var key = await db.ScoreSheets.Where(s => s.Id == sheetId).Select(s => s.PeriodKey).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException(T.Scoring_SheetNotFound);
        return (await SheetsAsync(db, key, ct)).Single(s => s.Id == sheetId);
    }

    private static async Task<ScoringParameters> ModelOfAsync(AppDbContext db, int sheetId, CancellationToken ct) =>
        (await db.ScoreSheets.Where(s => s.Id == sheetId).Join(db.ScoringModels, s => s.ModelId, m => m.Id, (s, m) => m).AsNoTracking().SingleAsync(ct)).Parameters;

    private static async Task<Breakdown?> BreakdownAsync(AppDbContext db, SheetRow sheet, int departmentId, UserContext user, CancellationToken ct)
    {
        var score = await db.DepartmentScores.AsNoTracking().SingleOrDefaultAsync(s => s.SheetId == sheet.Id && s.DepartmentId == departmentId, ct);
        if (score is null) return null;
        var model = await ModelOfAsync(db, sheet.Id, ct);
        var values = await db.ScoreIndicatorValues.AsNoTracking().Where(v => v.SheetId == sheet.Id && v.DepartmentId == departmentId).ToListAsync(ct);
        var indicators = values.OrderBy(v => v.Indicator)
            .Select(v => new IndicatorLine(v.Indicator, v.Weight, v.Value, v.Points, ScoreInputs.FromJson(v.InputsJson))).ToList();
        var orderIds = indicators.SelectMany(i => i.Inputs.OrderIds ?? []).Distinct().ToList();
        var orders = await db.WorkOrders.AsNoTracking().Where(o => orderIds.Contains(o.Id)).OrderBy(o => o.Id)
            .Join(db.DataResources, o => o.DataResourceId, r => r.Id, (o, r) => new OrderLine(o.Id, o.Number, o.Title, r.Name, o.Status, o.DueDate, o.DispatchedUtc, o.ClosedUtc))
            .ToListAsync(ct);
        var rank = user.IsDepartmentScoped && !sheet.IsPublished ? (int?)null : score.Rank;
        return new Breakdown(sheet, departmentId, score.DepartmentName, score.Total, score.Grade, rank, indicators, orders, model);
    }
}
