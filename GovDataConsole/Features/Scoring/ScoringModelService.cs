using System.Text.Json;
using GovDataConsole.Data;
using GovDataConsole.Features.Audit;
using GovDataConsole.Features.Organization;
using GovDataConsole.Features.Shared;
using GovDataConsole.Scoring;
using Microsoft.EntityFrameworkCore;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Features.Scoring;

/// <summary>The scoring model's versions: read by everyone signed in, saved (as a new version) by admins.</summary>
public sealed class ScoringModelService(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider clock)
{
    /// <summary>Every version of the period type's model, newest first.</summary>
    public async Task<IReadOnlyList<ModelRow>> HistoryAsync(ScorePeriodType type, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        if (!user.IsAuthenticated) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var models = await db.ScoringModels.AsNoTracking().Where(m => m.PeriodType == type).OrderByDescending(m => m.Version).ToListAsync(ct);
        return models.Select(m => new ModelRow(m.Id, m.PeriodType, m.Version, m.Parameters, m.Note, m.CreatedBy, m.CreatedUtc)).ToList();
    }

    /// <summary>Saves <paramref name="parameters"/> as the next version; refuses invalid parameters (weights must sum to 100).</summary>
    public async Task<int> SaveAsync(ScorePeriodType type, ScoringParameters parameters, string? note, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        user.EnsureRole(Roles.Admin);
        var errors = parameters.Validate();
        if (note?.Trim().Length > 500) errors.Add(T.Scoring_NoteTooLong);
        if (errors.Count > 0) throw new BusinessRuleException(errors);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var version = (await db.ScoringModels.Where(m => m.PeriodType == type).MaxAsync(m => (int?)m.Version, ct) ?? 0) + 1;
        var model = new ScoringModel(type, version, parameters, note, user.UserName, clock.GetUtcNow().UtcDateTime);
        db.ScoringModels.Add(model);
        await audit.StageAsync(db, AuditActions.ScoringCategory, AuditActions.ScoringModelSaved, $"{EnumLabels.Of(type)} v{version}",
            JsonSerializer.Serialize(parameters));
        await db.SaveChangesAsync(ct);
        return version;
    }
}
