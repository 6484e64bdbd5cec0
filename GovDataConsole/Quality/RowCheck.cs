namespace GovDataConsole.Quality;

/// <summary>
/// A compiled row-level rule: <see cref="Check"/> returns null when the row passes, else the Chinese failure message.
/// Validity checks pass empty values (blanks are the completeness rules' job). Implementations must not throw on any value.
/// </summary>
public abstract class RowCheck(int field)
{
    /// <summary>The column reported as the failing field.</summary>
    public int Field { get; } = field;

    /// <summary>Every column the rule reads (highlighted when a record is shown).</summary>
    public virtual IReadOnlyList<int> Fields => [Field];

    public abstract string? Check(ReadOnlySpan<string> row);
}

/// <summary>A single-column check that skips empty values and caches its messages.</summary>
public abstract class ValueCheck(int field, string itemName) : RowCheck(field)
{
    private readonly Dictionary<string, string> messages = [];

    public override string? Check(ReadOnlySpan<string> row)
    {
        var value = row[Field];
        return value.Length == 0 ? null : Check(value);
    }

    protected abstract string? Check(string value);

    /// <summary>"{item}：{detail}", built once per distinct detail.</summary>
    protected string Message(string detail)
    {
        if (!messages.TryGetValue(detail, out var message))
            messages[detail] = message = string.Format(Resources.UiText.RuleFailure_Field, itemName, detail);
        return message;
    }
}
