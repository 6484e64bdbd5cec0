using GovDataConsole.Features.Shared;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Cleansing;

/// <summary>Every cleanser for the rule editor: Chinese name, description and parameters with their defaults.</summary>
public static class CleanserCatalog
{
    /// <summary>无 / - / -- / NULL / null / N/A / 空 / "/", one per line.</summary>
    public const string DefaultNullTokens = "无\n-\n--\nNULL\nnull\nN/A\n空\n/";

    public static IReadOnlyList<CleanserDescriptor> All => [.. Enum.GetValues<CleanserKind>().Select(Describe)];

    public static CleanserDescriptor Describe(CleanserKind kind) =>
        new(kind, NameOf(kind), T.ResourceManager.GetString($"CleanserDescription_{kind}", T.Culture) ?? "", ParametersOf(kind));

    public static string NameOf(CleanserKind kind) => EnumLabels.Of(kind);

    /// <summary>The Chinese error that stops <paramref name="rule"/> from being built, or null when it is usable.</summary>
    public static string? Validate(CleansingRule rule, IReadOnlyList<DictionaryCode>? dictionary = null)
    {
        try
        {
            Cleanser.Create(rule, dictionary);
            return null;
        }
        catch (InvalidCleansingRuleException e)
        {
            return e.Message;
        }
    }

    public static IReadOnlyList<CleanserParameter> ParametersOf(CleanserKind kind) => kind switch
    {
        CleanserKind.NullTokens => [new(CleanserParameterNames.Tokens, T.CleanserParameter_Tokens, CleanserParameterType.Lines, DefaultNullTokens)],
        CleanserKind.DictionaryMapping =>
        [
            new(CleanserParameterNames.Mapping, T.CleanserParameter_Mapping, CleanserParameterType.MappingTable, ""),
            new(CleanserParameterNames.UseEntryNames, T.CleanserParameter_UseEntryNames, CleanserParameterType.Boolean, "true"),
        ],
        CleanserKind.RegexReplace =>
        [
            new(CleanserParameterNames.Pattern, T.CleanserParameter_Pattern, CleanserParameterType.Regex, ""),
            new(CleanserParameterNames.Replacement, T.CleanserParameter_Replacement, CleanserParameterType.Text, ""),
        ],
        _ => [],
    };
}
