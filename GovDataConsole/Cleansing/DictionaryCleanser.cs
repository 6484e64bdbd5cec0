using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Cleansing;

/// <summary>
/// Maps synonyms to dictionary codes (男 / M / 男性 → 1), matching the trimmed value case-insensitively; values not in
/// the table stay as they are. The table is the steward's <see cref="MappingTable"/>, plus, when asked, every entry's
/// name and code (the table wins where both speak).
/// </summary>
internal sealed class DictionaryCleanser : Cleanser
{
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> codes;
    private readonly int longest;

    private DictionaryCleanser(Dictionary<string, string> map) =>
        (codes, longest) = (map.GetAlternateLookup<ReadOnlySpan<char>>(), map.Keys.Max(key => key.Length));

    public static DictionaryCleanser Create(string mapping, bool useEntryNames, IReadOnlyList<DictionaryCode>? dictionary)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (synonym, code) in MappingTable.Parse(mapping))
        {
            if (map.TryGetValue(synonym, out var other) && other != code)
                throw new InvalidCleansingRuleException(string.Format(T.Cleansing_MappingConflict, synonym, other, code));
            if (dictionary is { Count: > 0 } && !dictionary.Any(entry => entry.Code == code))
                throw new InvalidCleansingRuleException(string.Format(T.Cleansing_MappingUnknownCode, code));
            map[synonym] = code;
        }
        if (useEntryNames && dictionary is not null)
            foreach (var entry in dictionary)
            {
                map.TryAdd(entry.Name, entry.Code);
                map.TryAdd(entry.Code, entry.Code);
            }
        if (map.Count == 0) throw new InvalidCleansingRuleException(T.Cleansing_MappingEmpty);
        return new DictionaryCleanser(map);
    }

    public override string Clean(string value)
    {
        var trimmed = value.AsSpan().Trim();
        return trimmed.Length <= longest && codes.TryGetValue(trimmed, out var code) && code != value ? code : value;
    }
}
