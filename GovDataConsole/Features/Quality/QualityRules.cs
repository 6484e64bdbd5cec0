using GovDataConsole.Data;
using GovDataConsole.Features.Catalog;
using GovDataConsole.Features.Collection;
using GovDataConsole.Features.Shared;
using GovDataConsole.Quality;
using Microsoft.EntityFrameworkCore;

namespace GovDataConsole.Features.Quality;

/// <summary>Reading rules from the database: a resource's effective rules, and the context they compile in for a batch.</summary>
public static class QualityRules
{
    /// <summary>The latest saved rule set (version 0 when none) plus every enabled sensitivity binding expanded on the resource's items.</summary>
    public static async Task<(int Version, IReadOnlyList<QualityRule> Rules)> EffectiveAsync(AppDbContext db, int resourceId, CancellationToken ct)
    {
        var set = await db.QualityRuleSets.AsNoTracking().Where(s => s.DataResourceId == resourceId).OrderByDescending(s => s.Version).FirstOrDefaultAsync(ct);
        var items = await db.InfoItems.AsNoTracking().Where(i => i.DataResourceId == resourceId && i.Sensitivity != SensitivityKind.None)
            .OrderBy(i => i.SortOrder).Select(i => new { i.Code, i.Sensitivity }).ToListAsync(ct);
        var kinds = items.Select(i => i.Sensitivity).Distinct().ToList();
        var bindings = await db.QualityBindings.AsNoTracking().Where(b => b.Enabled && kinds.Contains(b.Sensitivity)).OrderBy(b => b.Id).ToListAsync(ct);
        var own = set?.Rules() ?? [];
        var bound = items.SelectMany(i => bindings.Where(b => b.Sensitivity == i.Sensitivity).Select(b => b.RuleFor(i.Code)));
        return (set?.Version ?? 0, [.. own, .. bound]);
    }

    /// <summary>
    /// The compile context for records imported under a batch's resource version: its item order, then any current item it
    /// lacks (read as empty); names, dictionaries and reference values the rules need.
    /// </summary>
    public static async Task<CheckContext> ContextAsync(AppDbContext db, int resourceId, IReadOnlyList<string> recordCodes, IReadOnlyList<QualityRule> rules, CancellationToken ct)
    {
        var current = await db.InfoItems.AsNoTracking().Where(i => i.DataResourceId == resourceId).OrderBy(i => i.SortOrder)
            .Select(i => new { i.Code, i.Name, i.DictionaryId }).ToListAsync(ct);
        var codes = recordCodes.Concat(current.Select(i => i.Code).Where(c => !recordCodes.Contains(c))).ToList();
        var byCode = current.ToDictionary(i => i.Code);
        var dictionaryRules = rules.Where(r => r.Enabled && r.Template == RuleTemplate.InDictionary).ToList();
        var named = dictionaryRules.Select(r => r.Parameter(RuleParameterNames.Dictionary).Trim()).Where(c => c.Length > 0).Distinct().ToList();
        var itemDictionaries = dictionaryRules.SelectMany(r => r.Fields).Select(f => byCode.GetValueOrDefault(f)?.DictionaryId).OfType<int>().Distinct().ToList();
        var dictionaries = await db.CodeDictionaries.AsNoTracking().Where(d => named.Contains(d.Code) || itemDictionaries.Contains(d.Id))
            .Select(d => new { d.Id, d.Code, d.Name }).ToListAsync(ct);
        var ids = dictionaries.Select(d => d.Id).ToList();
        var entries = (await db.CodeDictionaryEntries.AsNoTracking().Where(e => ids.Contains(e.DictionaryId)).Select(e => new { e.DictionaryId, e.Code }).ToListAsync(ct))
            .ToLookup(e => e.DictionaryId, e => e.Code);
        var sets = dictionaries.ToDictionary(d => d.Id, d => new CodeSet(d.Name, entries[d.Id].ToHashSet(StringComparer.Ordinal)));
        return new CheckContext
        {
            Codes = codes,
            Names = codes.Select(c => byCode.GetValueOrDefault(c)?.Name ?? c).ToList(),
            Today = ChinaTime.Today,
            Dictionaries = dictionaries.ToDictionary(d => d.Code, d => sets[d.Id]),
            ItemDictionaries = current.Where(i => i.DictionaryId is int id && sets.ContainsKey(id)).ToDictionary(i => i.Code, i => sets[i.DictionaryId!.Value]),
            References = await ReferencesAsync(db, rules, ct),
        };
    }

    /// <summary>The compile context and plan for a batch's records.</summary>
    public static async Task<QualityPlan> PlanForBatchAsync(AppDbContext db, DataBatch batch, IReadOnlyList<QualityRule> rules, CancellationToken ct)
    {
        var codes = (await BatchService.ItemsOfAsync(db, batch, ct)).Select(i => i.Code).ToList();
        return QualityPlan.Compile(rules, await ContextAsync(db, batch.DataResourceId, codes, rules, ct));
    }

    /// <summary>
    /// Plans for several batches of a resource, compiled once per resource version (the column layout their records share):
    /// compiling loads dictionaries and every referenced resource's values, so it is not repeated per batch.
    /// </summary>
    public static async Task<Dictionary<int, QualityPlan>> PlansForBatchesAsync(AppDbContext db, IEnumerable<DataBatch> batches, IReadOnlyList<QualityRule> rules,
        CancellationToken ct)
    {
        var byVersion = new Dictionary<int, QualityPlan>();
        var plans = new Dictionary<int, QualityPlan>();
        foreach (var batch in batches)
        {
            if (!byVersion.TryGetValue(batch.ResourceVersion, out var plan)) byVersion[batch.ResourceVersion] = plan = await PlanForBatchAsync(db, batch, rules, ct);
            plans[batch.Id] = plan;
        }
        return plans;
    }

    /// <summary>The distinct current values of each field another resource's rule refers to.</summary>
    private static async Task<Dictionary<string, CodeSet>> ReferencesAsync(AppDbContext db, IReadOnlyList<QualityRule> rules, CancellationToken ct)
    {
        var result = new Dictionary<string, CodeSet>();
        foreach (var rule in rules.Where(r => r.Enabled && r.Template == RuleTemplate.Reference))
        {
            var (code, field) = (rule.Parameter(RuleParameterNames.Resource).Trim(), rule.Parameter(RuleParameterNames.Field).Trim());
            var key = CheckContext.ReferenceKey(code, field);
            if (result.ContainsKey(key)) continue;
            var target = await db.DataResources.AsNoTracking().Where(r => r.Code == code).Select(r => new { r.Id, r.Name }).FirstOrDefaultAsync(ct);
            if (target is null) continue;
            var values = new HashSet<string>(StringComparer.Ordinal);
            var batches = await db.DataBatches.AsNoTracking().Where(b => b.DataResourceId == target.Id && b.Status == BatchStatus.Cleansed).ToListAsync(ct);
            foreach (var batch in batches)
            {
                var columns = (await BatchService.ItemsOfAsync(db, batch, ct)).Select(i => i.Code).ToList();
                var index = columns.IndexOf(field);
                if (index < 0) continue;
                await foreach (var page in RecordPages.ReadAsync(db, batch.Id, 0, int.MaxValue, columns.Count, ct))
                    foreach (var record in page)
                        if (record.Values[index].Length > 0) values.Add(record.Values[index]);
            }
            var fieldName = await db.InfoItems.AsNoTracking().Where(i => i.DataResourceId == target.Id && i.Code == field).Select(i => i.Name).FirstOrDefaultAsync(ct);
            if (fieldName is not null) result[key] = new CodeSet($"{target.Name}·{fieldName}", values);
        }
        return result;
    }
}
