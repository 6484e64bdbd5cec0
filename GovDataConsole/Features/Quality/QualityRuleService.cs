using System.Globalization;
using System.Text.RegularExpressions;
using Cronos;
using GovDataConsole.Data;
using GovDataConsole.Features.Audit;
using GovDataConsole.Features.Catalog;
using GovDataConsole.Features.Collection;
using GovDataConsole.Features.Organization;
using GovDataConsole.Features.Shared;
using GovDataConsole.Quality;
using GovDataConsole.Quality.Expressions;
using Microsoft.EntityFrameworkCore;
using System.Linq.Expressions;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Features.Quality;

/// <summary>
/// Quality rule configuration: everyone in scope reads a resource's rules, settings and the sensitivity bindings; stewards and
/// admins save new rule versions, change the schedule, start runs and edit bindings. Every rule is validated before it is saved.
/// </summary>
public sealed partial class QualityRuleService(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, CheckRunQueue queue, AuditLog audit)
{
    /// <summary>Templates a binding can use: one field, and nothing that depends on the item (its dictionary) or another resource.</summary>
    public static IReadOnlyList<RuleTemplate> BindableTemplates { get; } = [.. Enum.GetValues<RuleTemplate>()
        .Where(t => RuleTemplateCatalog.FieldsOf(t) == FieldArity.One && t is not (RuleTemplate.InDictionary or RuleTemplate.Reference))];

    private static readonly Dictionary<string, Expression<Func<DataResource, object?>>> Sortable = new()
    {
        [nameof(QualityResourceRow.Code)] = r => r.Code,
        [nameof(QualityResourceRow.Name)] = r => r.Name,
    };

    public async Task<GridPage<QualityResourceRow>> ResourcesAsync(QualityResourceQuery query, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var resources = db.DataResources.AsNoTracking().VisibleTo(user).Where(r => r.Status == ResourceStatus.Published);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var search = query.Search.Trim();
            resources = resources.Where(r => r.Code.Contains(search) || r.Name.Contains(search));
        }
        var page = await resources.ToGridPageAsync(query, Sortable, nameof(QualityResourceRow.Code),
            r => new QualityResourceRow(r.Id, r.Code, r.Name, r.Department!.Name, 0, 0, null, null, null), ct);
        var ids = page.Items.Select(r => r.ResourceId).ToList();
        var lastIds = await db.CheckRuns.Where(r => ids.Contains(r.DataResourceId)).GroupBy(r => r.DataResourceId).Select(g => g.Max(r => r.Id)).ToListAsync(ct);
        var scoredIds = await db.CheckRuns.Where(r => ids.Contains(r.DataResourceId) && r.Status == CheckRunStatus.Completed)
            .GroupBy(r => r.DataResourceId).Select(g => g.Max(r => r.Id)).ToListAsync(ct);
        var runs = await db.CheckRuns.AsNoTracking().Where(r => lastIds.Contains(r.Id) || scoredIds.Contains(r.Id))
            .Select(r => new { r.Id, r.DataResourceId, r.Status, r.QueuedUtc, r.Score }).ToListAsync(ct);
        var rows = new List<QualityResourceRow>();
        foreach (var row in page.Items)
        {
            var (version, rules) = await QualityRules.EffectiveAsync(db, row.ResourceId, ct);
            var last = runs.Where(r => r.DataResourceId == row.ResourceId && lastIds.Contains(r.Id)).FirstOrDefault();
            var scored = runs.Where(r => r.DataResourceId == row.ResourceId && scoredIds.Contains(r.Id)).FirstOrDefault();
            rows.Add(row with { Version = version, RuleCount = rules.Count, LastStatus = last?.Status, LastRunUtc = last?.QueuedUtc, LastScore = scored?.Score });
        }
        return new GridPage<QualityResourceRow>(rows, page.TotalCount);
    }

    public async Task<QualityRuleSetView> GetAsync(int resourceId, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var resource = await ResourceAsync(db, resourceId, user, ct);
        var sets = await db.QualityRuleSets.AsNoTracking().Where(s => s.DataResourceId == resourceId).OrderByDescending(s => s.Version).ToListAsync(ct);
        var own = sets.FirstOrDefault()?.Rules() ?? [];
        var (_, effective) = await QualityRules.EffectiveAsync(db, resourceId, ct);
        var bound = effective.Skip(own.Count).Select(r => new BoundRule(BindingIdOf(r.Key), r.Fields[0], r)).ToList();
        var items = await db.InfoItems.AsNoTracking().Where(i => i.DataResourceId == resourceId).OrderBy(i => i.SortOrder)
            .Select(i => new QualityItem(i.Code, i.Name, i.Sensitivity, i.Dictionary == null ? null : i.Dictionary.Name)).ToListAsync(ct);
        var settings = await db.QualitySettings.AsNoTracking().FirstOrDefaultAsync(s => s.DataResourceId == resourceId, ct);
        return new QualityRuleSetView(resource.Id, resource.Code, resource.Name, resource.DepartmentId, sets.FirstOrDefault()?.Version ?? 0, items, own, bound,
            sets.Select(s => new QualityVersionRow(s.Version, s.CreatedBy, s.CreatedUtc, s.Rules().Count)).ToList(), settings?.Cron, settings?.AutoOrders ?? AutoOrderMode.Off);
    }

    /// <summary>Why one (unsaved) rule cannot be used on the resource, in Chinese; null when it can.</summary>
    public async Task<string?> ValidateAsync(int resourceId, QualityRule rule, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await ResourceAsync(db, resourceId, user, ct);
        var context = await QualityRules.ContextAsync(db, resourceId, [], [rule], ct);
        var errors = Errors(WithExpressionFields(rule, context), context).ToList();
        return errors.Count == 0 ? null : string.Join("；", errors);
    }

    /// <summary>
    /// Saves the rules as the resource's next version (stewards and admins). New rules (empty key) get the next unused "R{n}";
    /// edited rules keep their key, so problems and exceptions keep pointing at them.
    /// </summary>
    public async Task<int> SaveAsync(int resourceId, IReadOnlyList<QualityRule> rules, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        user.EnsureRole(Roles.Steward, Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var resource = await ResourceAsync(db, resourceId, user, ct);
        var sets = await db.QualityRuleSets.AsNoTracking().Where(s => s.DataResourceId == resourceId).ToListAsync(ct);
        var errors = new List<string>();
        var given = rules.Select(r => r.Key).Where(k => k.Length > 0).ToList();
        errors.AddRange(given.Where(k => !OwnKey().IsMatch(k)).Distinct().Select(k => string.Format(T.QualityRules_KeyInvalid, k)));
        errors.AddRange(given.GroupBy(k => k).Where(g => g.Count() > 1).Select(g => string.Format(T.QualityRules_KeyDuplicate, g.Key)));
        var next = sets.SelectMany(s => s.Rules()).Select(r => r.Key).Concat(given).Select(KeyNumber).DefaultIfEmpty(0).Max() + 1;
        var keyed = rules.Select(r => (r.Key.Length > 0 ? r : r with { Key = $"R{next++}" }) with { Name = string.IsNullOrWhiteSpace(r.Name) ? null : r.Name.Trim() }).ToList();
        var context = await QualityRules.ContextAsync(db, resourceId, [], keyed, ct);
        var saved = keyed.Select(r => WithExpressionFields(r, context)).ToList();
        errors.AddRange(saved.SelectMany(r => Errors(r, context)));
        if (errors.Count > 0) throw new BusinessRuleException(errors);

        var version = sets.Select(s => s.Version).DefaultIfEmpty(0).Max() + 1;
        db.QualityRuleSets.Add(new QualityRuleSet(resourceId, version, saved, user.UserName, DateTime.UtcNow));
        await audit.StageAsync(db, AuditActions.QualityCategory, AuditActions.QualityRulesSaved, resource.Code,
            string.Format(T.QualityRules_SavedDetail, version, saved.Count, saved.Count(r => r.Enabled)));
        await db.SaveChangesAsync(ct);
        return version;
    }

    /// <summary>Sets the resource's check schedule (cron in China time, null for none) and automatic work-order mode.</summary>
    public async Task UpdateSettingsAsync(int resourceId, string? cron, AutoOrderMode autoOrders, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        user.EnsureRole(Roles.Steward, Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var resource = await ResourceAsync(db, resourceId, user, ct);
        cron = string.IsNullOrWhiteSpace(cron) ? null : cron.Trim();
        if (cron is not null && !IsValidCron(cron)) throw new BusinessRuleException(string.Format(T.QualityRules_CronInvalid, cron));
        var settings = await db.QualitySettings.FirstOrDefaultAsync(s => s.DataResourceId == resourceId, ct);
        if (settings is null) db.QualitySettings.Add(settings = new QualitySettings(resourceId));
        settings.Update(cron, autoOrders);
        await audit.StageAsync(db, AuditActions.QualityCategory, AuditActions.QualitySettingsSaved, resource.Code,
            string.Format(T.QualityRules_SettingsDetail, cron ?? T.QualityRules_NoSchedule, EnumLabels.Of(autoOrders)));
        await db.SaveChangesAsync(ct);
        queue.Schedule(resourceId, cron);
    }

    /// <summary>Queues a manual run of the resource's current data, or of one of its cleansed batches; the run's id.</summary>
    public async Task<int> RunNowAsync(int resourceId, int? batchId, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        user.EnsureRole(Roles.Steward, Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var resource = await ResourceAsync(db, resourceId, user, ct);
        if (batchId is int id && !await db.DataBatches.AnyAsync(b => b.Id == id && b.DataResourceId == resourceId && b.Status == BatchStatus.Cleansed, ct))
            throw new NotFoundException(T.Batch_NotFound);
        var runId = await queue.QueueAsync(resourceId, batchId, CheckTrigger.Manual, user.UserName, ct)
            ?? throw new BusinessRuleException(T.QualityRules_NoEnabledRules);
        await audit.WriteAsync(AuditActions.QualityCategory, AuditActions.QualityRunRequested, resource.Code,
            string.Format(T.QualityRules_RunDetail, runId, batchId is int b ? $"#{b}" : T.QualityRules_AllData), ct);
        return runId;
    }

    public async Task<IReadOnlyList<QualityBindingRow>> BindingsAsync(CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var resources = db.DataResources.VisibleTo(user).Where(r => r.Status == ResourceStatus.Published).Select(r => r.Id);
        var counts = await db.InfoItems.Where(i => i.Sensitivity != SensitivityKind.None && resources.Contains(i.DataResourceId))
            .GroupBy(i => i.Sensitivity).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var bindings = await db.QualityBindings.AsNoTracking().OrderBy(b => b.Id).ToListAsync(ct);
        return bindings.OrderBy(b => b.Sensitivity).ThenBy(b => b.Id).Select(b => new QualityBindingRow(b.Id, b.Sensitivity, b.Template, b.Parameters(),
            b.Severity, b.Weight, b.Threshold, b.Enabled, counts.GetValueOrDefault(b.Sensitivity), b.UpdatedBy, b.UpdatedUtc)).ToList();
    }

    /// <summary>Applies a template to every item of a sensitivity kind (stewards and admins); one binding per kind × template.</summary>
    public async Task<int> AddBindingAsync(QualityBindingForm form, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        user.EnsureRole(Roles.Steward, Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var errors = BindingErrors(form).ToList();
        if (form.Sensitivity == SensitivityKind.None) errors.Insert(0, T.QualityBindings_SensitivityRequired);
        if (!BindableTemplates.Contains(form.Template)) errors.Insert(0, string.Format(T.QualityBindings_TemplateNotBindable, RuleTemplateCatalog.NameOf(form.Template)));
        else if (await db.QualityBindings.AnyAsync(b => b.Sensitivity == form.Sensitivity && b.Template == form.Template, ct))
            errors.Insert(0, string.Format(T.QualityBindings_Duplicate, EnumLabels.Of(form.Sensitivity), RuleTemplateCatalog.NameOf(form.Template)));
        if (errors.Count > 0) throw new BusinessRuleException(errors);
        var binding = new QualityBinding(form.Sensitivity, form.Template);
        binding.Update(form.Parameters, form.Severity, form.Weight, form.Threshold, form.Enabled, user.UserName, DateTime.UtcNow);
        db.QualityBindings.Add(binding);
        await audit.StageAsync(db, AuditActions.QualityCategory, AuditActions.QualityBindingSaved, EnumLabels.Of(form.Sensitivity), Describe(form));
        await db.SaveChangesAsync(ct);
        return binding.Id;
    }

    /// <summary>Changes a binding's parameters, severity, weight, threshold and whether it is on (its kind and template stay).</summary>
    public async Task UpdateBindingAsync(int bindingId, QualityBindingForm form, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        user.EnsureRole(Roles.Steward, Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var binding = await db.QualityBindings.FirstOrDefaultAsync(b => b.Id == bindingId, ct) ?? throw new NotFoundException(T.QualityBindings_NotFound);
        form.Sensitivity = binding.Sensitivity;
        form.Template = binding.Template;
        var errors = BindingErrors(form).ToList();
        if (errors.Count > 0) throw new BusinessRuleException(errors);
        binding.Update(form.Parameters, form.Severity, form.Weight, form.Threshold, form.Enabled, user.UserName, DateTime.UtcNow);
        await audit.StageAsync(db, AuditActions.QualityCategory, AuditActions.QualityBindingSaved, EnumLabels.Of(form.Sensitivity), Describe(form));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Hangfire's cron syntax: five fields, or six with seconds first; macros such as @daily.</summary>
    public static bool IsValidCron(string cron) =>
        CronExpression.TryParse(cron, cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard, out _);

    /// <summary>A binding's parameters checked on a stand-in item named after the sensitivity kind.</summary>
    private static IEnumerable<string> BindingErrors(QualityBindingForm form)
    {
        var label = EnumLabels.Of(form.Sensitivity);
        var context = new CheckContext { Codes = [label], Names = [label], Today = ChinaTime.Today };
        return BindableTemplates.Contains(form.Template) ? Errors(form.RuleFor(label), context) : [];
    }

    private static IEnumerable<string> Errors(QualityRule rule, CheckContext context)
    {
        if (RuleCompiler.Validate(rule, context) is { } error) yield return error;
        if (rule.Weight <= 0) yield return string.Format(T.QualityRules_WeightPositive, rule.DisplayName);
        if (rule.Threshold is < 0 or > 100) yield return string.Format(T.QualityRules_ThresholdRange, rule.DisplayName);
    }

    /// <summary>An expression rule names the fields its expression uses (shown in its name and on problem rows).</summary>
    private static QualityRule WithExpressionFields(QualityRule rule, CheckContext context)
    {
        if (rule.Template != RuleTemplate.Expression) return rule;
        try
        {
            return rule with { Fields = RowExpression.Parse(rule.Parameter(RuleParameterNames.Expression), context.Codes).Fields };
        }
        catch (InvalidRuleExpressionException)
        {
            return rule;
        }
    }

    private static string Describe(QualityBindingForm form) => string.Format(T.QualityBindings_SavedDetail, RuleTemplateCatalog.NameOf(form.Template),
        EnumLabels.Of(form.Severity), form.Weight.ToString(CultureInfo.InvariantCulture), form.Threshold.ToString(CultureInfo.InvariantCulture),
        form.Enabled ? T.Common_Enabled : T.Common_Disabled);

    /// <summary>The binding of an expanded rule key "S{Id}.{item}".</summary>
    private static int BindingIdOf(string key) => int.Parse(key.AsSpan(1, key.IndexOf('.') - 1), CultureInfo.InvariantCulture);

    private static int KeyNumber(string key) => OwnKey().Match(key) is { Success: true } m ? int.Parse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex("^R([0-9]{1,9})$")]
    private static partial Regex OwnKey();

    private static async Task<DataResource> ResourceAsync(AppDbContext db, int resourceId, UserContext user, CancellationToken ct)
    {
        var resource = await db.DataResources.AsNoTracking().FirstOrDefaultAsync(r => r.Id == resourceId, ct) ?? throw new NotFoundException(T.Catalog_NotFound);
        user.EnsureDepartment(resource.DepartmentId);
        return resource;
    }
}
