namespace GovDataConsole.Cleansing;

/// <summary>Parameter names as stored in <see cref="CleansingRule.Parameters"/>.</summary>
public static class CleanserParameterNames
{
    /// <summary>Null tokens, one per line.</summary>
    public const string Tokens = "tokens";

    /// <summary>Mapping table, one "synonym=code" per line (see <see cref="MappingTable"/>).</summary>
    public const string Mapping = "mapping";

    /// <summary>"true": the dictionary's entry names (and codes in any case) map to their codes too.</summary>
    public const string UseEntryNames = "useEntryNames";

    public const string Pattern = "pattern";

    public const string Replacement = "replacement";
}
