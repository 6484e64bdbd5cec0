using GovDataConsole.Data;
using GovDataConsole.Features.Audit;
using GovDataConsole.Features.Organization;
using GovDataConsole.Features.Shared;
using GovDataConsole.Scoring;
using Microsoft.EntityFrameworkCore;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Features.Scoring;

/// <summary>
/// Manual bonus and deduction items (加分/扣分), entered by stewards and admins with a reason and optional evidence. Per department
/// and period the bonuses may add at most the model's cap and the deductions take at most the cap. Department staff see their own.
/// </summary>
public sealed class ScoreAdjustmentService(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, FileStore files, TimeProvider clock)
{
    public const long MaxEvidenceBytes = 20 * 1024 * 1024;
    private const string EvidenceFolder = "score-evidence";

    public async Task<IReadOnlyList<AdjustmentRow>> ListAsync(string periodKey, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ScoreAdjustments.AsNoTracking().VisibleTo(user).Where(a => a.PeriodKey == periodKey)
            .Join(db.Departments, a => a.DepartmentId, d => d.Id, (a, d) => new { a, d.Name })
            .OrderBy(x => x.Name).ThenBy(x => x.a.Id)
            .Select(x => new AdjustmentRow(x.a.Id, x.a.DepartmentId, x.Name, x.a.PeriodKey, x.a.Points, x.a.Reason, x.a.EvidenceName, x.a.CreatedBy, x.a.CreatedUtc))
            .ToListAsync(ct);
    }

    public async Task<int> AddAsync(AdjustmentForm form, Stream? evidence, string? evidenceName, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        user.EnsureRole(Roles.Steward, Roles.Admin);
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new List<string>();
        if (form.DepartmentId is null) errors.Add(T.Scoring_AdjustmentDepartmentRequired);
        if (!ScorePeriod.TryParse(form.PeriodKey, out var period)) errors.Add(string.Format(T.Scoring_BadPeriod, form.PeriodKey));
        if (form.Points == 0) errors.Add(T.Scoring_AdjustmentPointsZero);
        if (string.IsNullOrWhiteSpace(form.Reason)) errors.Add(T.Scoring_AdjustmentReasonRequired);
        else if (form.Reason.Trim().Length > 500) errors.Add(T.Scoring_ReasonTooLong);
        if (errors.Count > 0) throw new BusinessRuleException(errors);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var departmentId = form.DepartmentId!.Value;
        if (!await db.Departments.AnyAsync(d => d.Id == departmentId, ct)) throw new NotFoundException(T.Scoring_DepartmentNotFound);
        var cap = (await db.ScoringModels.AsNoTracking().Where(m => m.PeriodType == period!.Type).OrderByDescending(m => m.Version).FirstOrDefaultAsync(ct)
            ?? throw new BusinessRuleException(T.Scoring_NoModel)).Parameters.ManualCap;
        var existing = await db.ScoreAdjustments.Where(a => a.DepartmentId == departmentId && a.PeriodKey == period!.Key).Select(a => a.Points).ToListAsync(ct);
        var sameSign = existing.Where(p => Math.Sign(p) == Math.Sign(form.Points)).Sum() + form.Points;
        if (Math.Abs(sameSign) > cap)
            throw new BusinessRuleException(string.Format(form.Points > 0 ? T.Scoring_BonusCapExceeded : T.Scoring_DeductionCapExceeded,
                cap.ToString("0.##"), (Math.Abs(sameSign) - Math.Abs(form.Points)).ToString("0.##")));

        StoredFile? stored = null;
        if (evidence is not null)
            stored = await files.SaveAsync(evidence, EvidenceFolder, Path.GetExtension(evidenceName ?? "").ToLowerInvariant(), MaxEvidenceBytes, ct);
        var item = new ScoreAdjustment(departmentId, period!.Key, form.Points, form.Reason, stored is null ? null : Path.GetFileName(evidenceName),
            stored?.RelativePath, user.UserName, now);
        db.ScoreAdjustments.Add(item);
        await audit.StageAsync(db, AuditActions.ScoringCategory, AuditActions.ScoreAdjustmentAdded, $"{period.Key} #{departmentId}",
            $"{form.Points:+0.##;-0.##} {item.Reason}");
        await db.SaveChangesAsync(ct);
        return item.Id;
    }

    /// <summary>Removes an item (stewards, admins); sheets already computed keep it in their inputs.</summary>
    public async Task DeleteAsync(int id, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        user.EnsureRole(Roles.Steward, Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await db.ScoreAdjustments.SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException(T.Scoring_AdjustmentNotFound);
        db.ScoreAdjustments.Remove(item);
        await audit.StageAsync(db, AuditActions.ScoringCategory, AuditActions.ScoreAdjustmentDeleted, $"{item.PeriodKey} #{item.DepartmentId}",
            $"{item.Points:+0.##;-0.##} {item.Reason}");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The evidence file of an item, for the department it concerns and the other roles.</summary>
    public async Task<(string Name, byte[] Content)> EvidenceAsync(int id, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await db.ScoreAdjustments.AsNoTracking().VisibleTo(user).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (item?.EvidencePath is null) throw new NotFoundException(T.Scoring_AdjustmentNotFound);
        return (item.EvidenceName ?? Path.GetFileName(item.EvidencePath), await File.ReadAllBytesAsync(files.FullPath(item.EvidencePath), ct));
    }
}
