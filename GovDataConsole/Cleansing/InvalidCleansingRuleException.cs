namespace GovDataConsole.Cleansing;

/// <summary>A rule that cannot be built; the message is Chinese and shown to the steward as is.</summary>
public sealed class InvalidCleansingRuleException(string message) : Exception(message)
{
    /// <summary>Item column of the rule, when a pipeline was being built.</summary>
    public int? Column { get; init; }

    /// <summary>Zero-based place of the rule in its column's list, when a pipeline was being built.</summary>
    public int? Position { get; init; }
}
