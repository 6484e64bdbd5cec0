using System.Text.Json;
using GovDataConsole.Cleansing;

namespace GovDataConsole.Features.Cleansing;

/// <summary>How duplicates by business key are resolved inside one batch.</summary>
public enum DedupMode { None, KeepFirst, KeepLast }

/// <summary>
/// One saved version of a resource's cleansing rules (ordered rules per info item, plus de-duplication). Saving always adds
/// a version, so earlier cleansed results keep naming the version that produced them.
/// </summary>
public class CleansingRuleSet
{
    public int Id { get; private set; }
    public int DataResourceId { get; private set; }
    public int Version { get; private set; }
    public string RulesJson { get; private set; } = "{}";
    public DedupMode Dedup { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedUtc { get; private set; }

    private CleansingRuleSet() { }

    public CleansingRuleSet(int dataResourceId, int version, IReadOnlyDictionary<string, IReadOnlyList<CleansingRule>> rules, DedupMode dedup, string createdBy)
    {
        DataResourceId = dataResourceId;
        Version = version;
        RulesJson = Serialize(rules);
        Dedup = dedup;
        CreatedBy = createdBy;
        CreatedUtc = DateTime.UtcNow;
    }

    public IReadOnlyDictionary<string, IReadOnlyList<CleansingRule>> Rules() => Deserialize(RulesJson);

    public static string Serialize(IReadOnlyDictionary<string, IReadOnlyList<CleansingRule>> rules) =>
        JsonSerializer.Serialize(rules.Where(r => r.Value.Count > 0).ToDictionary(r => r.Key, r => CleansingRule.ToJson(r.Value)));

    public static IReadOnlyDictionary<string, IReadOnlyList<CleansingRule>> Deserialize(string json) =>
        (JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [])
        .ToDictionary(r => r.Key, r => CleansingRule.ListFromJson(r.Value));
}

/// <summary>How many values one rule of a rule set changed in one batch.</summary>
public class BatchCleansingCount
{
    public long Id { get; private set; }
    public int BatchId { get; private set; }
    public string ItemCode { get; private set; } = "";
    public int Position { get; private set; }
    public string Kind { get; private set; } = "";
    public long Changed { get; private set; }

    private BatchCleansingCount() { }

    public BatchCleansingCount(int batchId, string itemCode, int position, CleanserKind kind, long changed) =>
        (BatchId, ItemCode, Position, Kind, Changed) = (batchId, itemCode, position, kind.ToString(), changed);
}
