namespace GovDataConsole.Cleansing;

/// <summary>The ordered rules of one item column; <paramref name="Dictionary"/> is the item's code dictionary, if any.</summary>
public sealed record CleansingColumn(int Index, IReadOnlyList<CleansingRule> Rules, IReadOnlyList<DictionaryCode>? Dictionary = null);
