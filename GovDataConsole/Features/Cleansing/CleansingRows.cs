using GovDataConsole.Cleansing;

namespace GovDataConsole.Features.Cleansing;

public sealed record CleansingResourceRow(int ResourceId, string Code, string Name, string DepartmentName, int Version, int RuleCount, DedupMode Dedup, int Batches, int Outdated);

public sealed record ItemRules(string Code, string Name, bool IsKey, string? DictionaryName, List<CleansingRule> Rules);

public sealed record RuleSetVersionRow(int Version, string CreatedBy, DateTime CreatedUtc, int RuleCount, DedupMode Dedup);

public sealed record RuleSetView(int ResourceId, string ResourceCode, string ResourceName, int DepartmentId, int Version, IReadOnlyList<ItemRules> Items,
    DedupMode Dedup, IReadOnlyList<RuleSetVersionRow> History);

public sealed record RuleCount(string ItemCode, string ItemName, int Position, CleanserKind Kind, long Changed);

public sealed record PreviewRow(int RowNumber, IReadOnlyList<string> Before, IReadOnlyList<string> After, int? DuplicateOf);

public sealed record PreviewResult(int Records, IReadOnlyList<RuleCount> Counts, IReadOnlyList<PreviewRow> Rows, int Duplicates);

public sealed record BatchCleansingResult(int? Version, DateTime? CleansedUtc, IReadOnlyList<RuleCount> Counts, int Duplicates);
