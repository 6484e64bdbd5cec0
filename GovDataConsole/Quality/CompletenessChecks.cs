using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Quality;

/// <summary>非空: the value is not empty.</summary>
public sealed class NotNullCheck(int field, string itemName) : RowCheck(field)
{
    private readonly string message = string.Format(T.RuleFailure_NotNull, itemName);

    public override string? Check(ReadOnlySpan<string> row) => row[Field].Length == 0 ? message : null;
}

/// <summary>非空白: not empty, not only whitespace, and not a null token such as 无 or N/A.</summary>
public sealed class NotBlankCheck(int field, string itemName, IEnumerable<string> tokens) : RowCheck(field)
{
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> tokens =
        tokens.ToHashSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    private readonly string message = string.Format(T.RuleFailure_NotBlank, itemName);

    public override string? Check(ReadOnlySpan<string> row) => IsBlank(row[Field], tokens) ? message : null;

    internal static bool IsBlank(string value, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> tokens)
    {
        var trimmed = value.AsSpan().Trim().Trim('\u3000');
        return trimmed.IsEmpty || tokens.Contains(trimmed);
    }
}

/// <summary>组完整性: at least <c>required</c> of the fields are filled (all of them when required equals their count).</summary>
public sealed class GroupCompletenessCheck(int[] fields, int required, string message) : RowCheck(fields[0])
{
    public override IReadOnlyList<int> Fields => fields;

    public override string? Check(ReadOnlySpan<string> row)
    {
        var filled = 0;
        foreach (var field in fields)
            if (!row[field].AsSpan().IsWhiteSpace() && ++filled >= required) return null;
        return message;
    }
}
