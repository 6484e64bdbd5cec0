using GovDataConsole.Cleansing;
using GovDataConsole.Data;
using GovDataConsole.Features.Collection;
using Microsoft.EntityFrameworkCore;

namespace GovDataConsole.Features.Cleansing;

/// <summary>A resource's cleansing rules compiled against its items: the pipeline, the key columns, the version.</summary>
public sealed class CleansingPlan
{
    private readonly int[] keyColumns;
    private readonly string[] keyBuffer;
    private readonly DedupMode dedup;

    private CleansingPlan(int version, IReadOnlyList<string> codes, CleansingPipeline pipeline, int[] keyColumns, DedupMode dedup)
    {
        Version = version;
        Codes = codes;
        Pipeline = pipeline;
        this.keyColumns = keyColumns;
        keyBuffer = new string[keyColumns.Length];
        this.dedup = dedup;
    }

    public int Version { get; }
    public IReadOnlyList<string> Codes { get; }
    public CleansingPipeline Pipeline { get; }
    public int Width => Codes.Count;

    /// <summary>The current rule set (or none: version 0, values unchanged) of a batch's resource, over the batch's column order.</summary>
    public static async Task<CleansingPlan> LoadAsync(AppDbContext db, DataBatch batch, CancellationToken ct) =>
        await CurrentAsync(db, batch.DataResourceId, ct, (await BatchService.ItemsOfAsync(db, batch, ct)).Select(i => i.Code).ToList());

    /// <summary>The current rule set (or none: version 0, values unchanged) of a resource; <paramref name="recordCodes"/> as in <see cref="BuildAsync"/>.</summary>
    public static async Task<CleansingPlan> CurrentAsync(AppDbContext db, int resourceId, CancellationToken ct, IReadOnlyList<string>? recordCodes = null)
    {
        var set = await db.CleansingRuleSets.AsNoTracking().Where(s => s.DataResourceId == resourceId)
            .OrderByDescending(s => s.Version).FirstOrDefaultAsync(ct);
        return await BuildAsync(db, resourceId, set?.Version ?? 0, set?.Rules() ?? new Dictionary<string, IReadOnlyList<CleansingRule>>(),
            set?.Dedup ?? DedupMode.None, ct, recordCodes);
    }

    /// <summary>A plan for rules that are not saved yet (the preview).</summary>
    /// <param name="recordCodes">The item codes in the order the records hold them (a batch imported under an earlier version);
    /// null for the resource's current order.</param>
    public static async Task<CleansingPlan> BuildAsync(AppDbContext db, int resourceId, int version,
        IReadOnlyDictionary<string, IReadOnlyList<CleansingRule>> rules, DedupMode dedup, CancellationToken ct, IReadOnlyList<string>? recordCodes = null)
    {
        var current = await db.InfoItems.AsNoTracking().Where(i => i.DataResourceId == resourceId).OrderBy(i => i.SortOrder)
            .Select(i => new { i.Code, i.IsKey, i.DictionaryId }).ToListAsync(ct);
        var items = recordCodes is null ? current
            : recordCodes.Select(code => current.FirstOrDefault(i => i.Code == code) ?? new { Code = code, IsKey = false, DictionaryId = (int?)null }).ToList();
        var dictionaryIds = items.Where(i => i.DictionaryId != null).Select(i => i.DictionaryId!.Value).Distinct().ToList();
        var entries = (await db.CodeDictionaryEntries.AsNoTracking().Where(e => dictionaryIds.Contains(e.DictionaryId))
                .Select(e => new { e.DictionaryId, e.Code, e.Name }).ToListAsync(ct))
            .ToLookup(e => e.DictionaryId, e => new DictionaryCode(e.Code, e.Name));
        var columns = items.Select((item, index) => new CleansingColumn(index, rules.GetValueOrDefault(item.Code) ?? [],
            item.DictionaryId is int d ? entries[d].ToList() : null));
        var keys = items.Select((item, index) => (item.IsKey, index)).Where(x => x.IsKey).Select(x => x.index).ToArray();
        return new CleansingPlan(version, items.Select(i => i.Code).ToList(), CleansingPipeline.Build(columns), keys, dedup);
    }

    public Deduplicator? CreateDeduplicator() => dedup == DedupMode.None || keyColumns.Length == 0 ? null
        : new Deduplicator(dedup == DedupMode.KeepFirst ? DuplicateKeep.First : DuplicateKeep.Last);

    /// <summary>The key values of a cleansed row (a shared buffer: use before the next call).</summary>
    public ReadOnlySpan<string> KeyValues(string[] cleansed)
    {
        for (var i = 0; i < keyColumns.Length; i++) keyBuffer[i] = cleansed[keyColumns[i]];
        return keyBuffer;
    }
}
