namespace GovDataConsole.Cleansing;

/// <summary>A value that, trimmed, equals one of the tokens (ordinal, case-sensitive) becomes empty.</summary>
internal sealed class NullTokenCleanser : Cleanser
{
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> tokens;
    private readonly int longest;

    public NullTokenCleanser(string tokenLines)
    {
        var set = tokenLines.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        if (set.Count == 0) throw new InvalidCleansingRuleException(Resources.UiText.Cleansing_TokensRequired);
        tokens = set.GetAlternateLookup<ReadOnlySpan<char>>();
        longest = set.Max(token => token.Length);
    }

    public override string Clean(string value)
    {
        if (value.Length == 0) return value;
        var trimmed = value.AsSpan().Trim();
        // Most values are longer than any token: no need to hash them.
        return trimmed.Length <= longest && tokens.Contains(trimmed) ? "" : value;
    }
}
