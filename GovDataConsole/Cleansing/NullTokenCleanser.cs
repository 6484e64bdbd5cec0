namespace GovDataConsole.Cleansing;

/// <summary>A value that, trimmed, equals one of the tokens (ordinal, case-sensitive) becomes empty.</summary>
internal sealed class NullTokenCleanser : Cleanser
{
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> tokens;

    public NullTokenCleanser(string tokenLines)
    {
        var set = tokenLines.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        if (set.Count == 0) throw new InvalidCleansingRuleException(Resources.UiText.Cleansing_TokensRequired);
        tokens = set.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public override string Clean(string value) => value.Length > 0 && tokens.Contains(value.AsSpan().Trim()) ? "" : value;
}
