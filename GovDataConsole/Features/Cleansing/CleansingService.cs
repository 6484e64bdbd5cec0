using System.Text.Json;
using GovDataConsole.Cleansing;
using GovDataConsole.Data;
using GovDataConsole.Features.Audit;
using GovDataConsole.Features.Catalog;
using GovDataConsole.Features.Collection;
using GovDataConsole.Features.Organization;
using GovDataConsole.Features.Shared;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Features.Cleansing;

/// <summary>
/// Cleansing rules per resource: everyone in scope reads them and the results; stewards edit, preview and save new versions,
/// and re-cleanse batches. A preview runs the unsaved rules over a real batch without writing anything.
/// </summary>
public sealed class CleansingService(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, IBackgroundJobClient jobs, AuditLog audit)
{
    public const int PreviewRecordLimit = 200_000;
    private const int PreviewRows = 50;

    public async Task<IReadOnlyList<CleansingResourceRow>> ResourcesAsync(CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var resources = await db.DataResources.AsNoTracking().VisibleTo(user).Where(r => r.Status == ResourceStatus.Published).OrderBy(r => r.Code)
            .Select(r => new { r.Id, r.Code, r.Name, Department = r.Department!.Name }).ToListAsync(ct);
        var ids = resources.Select(r => r.Id).ToList();
        var sets = (await db.CleansingRuleSets.AsNoTracking().Where(s => ids.Contains(s.DataResourceId)).ToListAsync(ct))
            .GroupBy(s => s.DataResourceId).ToDictionary(g => g.Key, g => g.MaxBy(s => s.Version)!);
        var batches = await db.DataBatches.AsNoTracking().Where(b => ids.Contains(b.DataResourceId) && (b.Status == BatchStatus.Imported || b.Status == BatchStatus.Cleansing || b.Status == BatchStatus.Cleansed))
            .Select(b => new { b.DataResourceId, b.CleansedVersion }).ToListAsync(ct);
        return resources.Select(r =>
        {
            var set = sets.GetValueOrDefault(r.Id);
            var version = set?.Version ?? 0;
            var own = batches.Where(b => b.DataResourceId == r.Id).ToList();
            return new CleansingResourceRow(r.Id, r.Code, r.Name, r.Department, version, set?.Rules().Sum(x => x.Value.Count) ?? 0,
                set?.Dedup ?? DedupMode.None, own.Count, own.Count(b => b.CleansedVersion != version));
        }).ToList();
    }

    public async Task<RuleSetView> GetAsync(int resourceId, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var resource = await ResourceAsync(db, resourceId, user, ct);
        var sets = await db.CleansingRuleSets.AsNoTracking().Where(s => s.DataResourceId == resourceId).OrderByDescending(s => s.Version).ToListAsync(ct);
        var current = sets.FirstOrDefault()?.Rules() ?? new Dictionary<string, IReadOnlyList<CleansingRule>>();
        var items = await db.InfoItems.AsNoTracking().Where(i => i.DataResourceId == resourceId).OrderBy(i => i.SortOrder)
            .Select(i => new { i.Code, i.Name, i.IsKey, Dictionary = i.Dictionary == null ? null : i.Dictionary.Name }).ToListAsync(ct);
        return new RuleSetView(resource.Id, resource.Code, resource.Name, resource.DepartmentId, sets.FirstOrDefault()?.Version ?? 0,
            items.Select(i => new ItemRules(i.Code, i.Name, i.IsKey, i.Dictionary, [.. current.GetValueOrDefault(i.Code) ?? []])).ToList(),
            sets.FirstOrDefault()?.Dedup ?? DedupMode.None,
            sets.Select(s => new RuleSetVersionRow(s.Version, s.CreatedBy, s.CreatedUtc, s.Rules().Sum(x => x.Value.Count), s.Dedup)).ToList());
    }

    /// <summary>Runs the given (unsaved) rules over a batch of the resource: per-rule counts and a sample of changed rows.</summary>
    public async Task<PreviewResult> PreviewAsync(int resourceId, int batchId, IReadOnlyList<ItemRules> rules, DedupMode dedup, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await ResourceAsync(db, resourceId, user, ct);
        var batch = await db.DataBatches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == batchId && b.DataResourceId == resourceId, ct)
            ?? throw new NotFoundException(T.Batch_NotFound);
        var columns = await BatchService.ItemsOfAsync(db, batch, ct);
        var plan = await PlanAsync(db, resourceId, rules, dedup, ct, columns.Select(i => i.Code).ToList());
        var names = rules.ToDictionary(r => r.Code, r => r.Name);
        var counts = new long[plan.Pipeline.Steps.Count];
        var dedupe = plan.CreateDeduplicator();
        var sample = new List<PreviewRow>();
        var records = 0;
        var cleansed = new string[plan.Width];
        await foreach (var record in db.BatchRecords.AsNoTracking().Where(r => r.BatchId == batch.Id).OrderBy(r => r.RowNumber)
            .Take(PreviewRecordLimit).Select(r => new { r.RowNumber, r.ValuesJson }).AsAsyncEnumerable().WithCancellation(ct))
        {
            records++;
            var raw = JsonSerializer.Deserialize<string[]>(record.ValuesJson) ?? [];
            var values = raw.Length >= plan.Width ? raw : [.. raw, .. Enumerable.Repeat("", plan.Width - raw.Length)];
            plan.Pipeline.Apply(values, cleansed, counts);
            var duplicateOf = dedupe?.Add(record.RowNumber, plan.KeyValues(cleansed));
            if (sample.Count < PreviewRows && (duplicateOf is not null || !values.AsSpan().SequenceEqual(cleansed)))
                sample.Add(new PreviewRow(record.RowNumber, Masked(values, columns), Masked(cleansed, columns), (int?)duplicateOf));
        }
        return new PreviewResult(records, Counts(plan, names, counts), sample, dedupe?.DroppedRows().Count ?? 0);
    }

    /// <summary>Saves the rules as the resource's next version (stewards and admins).</summary>
    public async Task<int> SaveAsync(int resourceId, IReadOnlyList<ItemRules> rules, DedupMode dedup, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        user.EnsureRole(Roles.Steward, Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var resource = await ResourceAsync(db, resourceId, user, ct);
        await PlanAsync(db, resourceId, rules, dedup, ct);
        var version = (await db.CleansingRuleSets.Where(s => s.DataResourceId == resourceId).MaxAsync(s => (int?)s.Version, ct) ?? 0) + 1;
        var set = new CleansingRuleSet(resourceId, version, rules.ToDictionary(r => r.Code, r => (IReadOnlyList<CleansingRule>)r.Rules), dedup, user.UserName);
        db.CleansingRuleSets.Add(set);
        await audit.StageAsync(db, AuditActions.CollectionCategory, AuditActions.CleansingRulesSaved, resource.Code,
            string.Format(T.Cleansing_SavedDetail, version, rules.Sum(r => r.Rules.Count), EnumLabels.Of(dedup)));
        await db.SaveChangesAsync(ct);
        return version;
    }

    /// <summary>Queues cleansing again for a batch (e.g. after the rules changed). Idempotent: results are replaced.</summary>
    public async Task RecleanseAsync(int batchId, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        user.EnsureRole(Roles.DepartmentStaff, Roles.Steward, Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var batch = await db.DataBatches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == batchId, ct) ?? throw new NotFoundException(T.Batch_NotFound);
        user.EnsureDepartment(batch.DepartmentId);
        if (batch.Status is not (BatchStatus.Imported or BatchStatus.Cleansed)) throw new BusinessRuleException(T.Cleansing_NotReady);
        jobs.Enqueue<BatchCleansingJob>(j => j.RunAsync(batchId, CancellationToken.None));
    }

    public async Task<BatchCleansingResult> BatchResultAsync(int batchId, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var batch = await db.DataBatches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == batchId, ct) ?? throw new NotFoundException(T.Batch_NotFound);
        user.EnsureDepartment(batch.DepartmentId);
        var names = await db.InfoItems.AsNoTracking().Where(i => i.DataResourceId == batch.DataResourceId).ToDictionaryAsync(i => i.Code, i => i.Name, ct);
        var counts = await db.BatchCleansingCounts.AsNoTracking().Where(c => c.BatchId == batchId).OrderBy(c => c.Id).ToListAsync(ct);
        var duplicates = await db.BatchRecords.CountAsync(r => r.BatchId == batchId && r.DuplicateOfRow != null, ct);
        return new BatchCleansingResult(batch.CleansedVersion, batch.CleansedUtc,
            counts.Select(c => new RuleCount(c.ItemCode, names.GetValueOrDefault(c.ItemCode) ?? c.ItemCode, c.Position, Enum.Parse<CleanserKind>(c.Kind), c.Changed)).ToList(),
            duplicates);
    }

    /// <summary>Validates every rule (parameters, patterns, dictionary mappings) and compiles the plan.</summary>
    private static async Task<CleansingPlan> PlanAsync(AppDbContext db, int resourceId, IReadOnlyList<ItemRules> rules, DedupMode dedup, CancellationToken ct,
        IReadOnlyList<string>? recordCodes = null)
    {
        var byCode = rules.ToDictionary(r => r.Code, r => (IReadOnlyList<CleansingRule>)r.Rules);
        try
        {
            return await CleansingPlan.BuildAsync(db, resourceId, 0, byCode, dedup, ct, recordCodes);
        }
        catch (InvalidCleansingRuleException ex)
        {
            throw new BusinessRuleException(ex.Message);
        }
    }

    /// <summary>The preview shows personal values masked, as the records page does (revealing happens there, audited).</summary>
    private static string[] Masked(string[] values, IReadOnlyList<(string Code, string Name, SensitivityKind? Sensitivity)> columns) =>
        values.Select((v, i) => BatchService.Display(v, i < columns.Count ? columns[i].Sensitivity : null, reveal: false)).ToArray();

    private static IReadOnlyList<RuleCount> Counts(CleansingPlan plan, IReadOnlyDictionary<string, string> names, long[] counts) =>
        plan.Pipeline.Steps.Select((step, i) => new RuleCount(plan.Codes[step.Column], names.GetValueOrDefault(plan.Codes[step.Column]) ?? "",
            step.Position, step.Rule.Kind, counts[i])).ToList();

    private static async Task<DataResource> ResourceAsync(AppDbContext db, int resourceId, UserContext user, CancellationToken ct)
    {
        var resource = await db.DataResources.AsNoTracking().FirstOrDefaultAsync(r => r.Id == resourceId, ct) ?? throw new NotFoundException(T.Catalog_NotFound);
        user.EnsureDepartment(resource.DepartmentId);
        return resource;
    }
}
