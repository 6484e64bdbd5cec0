using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Cleansing;

/// <summary>
/// A compiled cleansing rule: string in, string out. Immutable, so one instance serves every thread. Returns the same
/// instance when the value needs no change (the unchanged path does not allocate, except for regex replace).
/// </summary>
public abstract class Cleanser
{
    public abstract string Clean(string value);

    /// <summary>Compiles a rule; <paramref name="dictionary"/> is the item's code dictionary, for dictionary mapping.</summary>
    /// <exception cref="InvalidCleansingRuleException">Unknown parameter, or a parameter value the cleanser cannot use.</exception>
    public static Cleanser Create(CleansingRule rule, IReadOnlyList<DictionaryCode>? dictionary = null)
    {
        var parameters = CleanserCatalog.ParametersOf(rule.Kind);
        foreach (var name in rule.Parameters.Keys)
            if (!parameters.Any(p => p.Name == name))
                throw new InvalidCleansingRuleException(string.Format(T.Cleansing_UnknownParameter, CleanserCatalog.NameOf(rule.Kind), name));
        string Value(string name) => rule.Parameter(name) ?? parameters.First(p => p.Name == name).Default;

        return rule.Kind switch
        {
            CleanserKind.Trim => WhitespaceCleanser.Instance,
            CleanserKind.FullWidthToHalfWidth => FullWidthCleanser.Instance,
            CleanserKind.UpperCase => CaseCleanser.Upper,
            CleanserKind.LowerCase => CaseCleanser.Lower,
            CleanserKind.NullTokens => new NullTokenCleanser(Value(CleanserParameterNames.Tokens)),
            CleanserKind.Date => DateCleanser.DateOnly,
            CleanserKind.DateTime => DateCleanser.DateAndTime,
            CleanserKind.Number => NumberCleanser.Instance,
            CleanserKind.DictionaryMapping => DictionaryCleanser.Create(
                Value(CleanserParameterNames.Mapping), Boolean(Value(CleanserParameterNames.UseEntryNames)), dictionary),
            CleanserKind.ResidentIdUpgrade => ResidentIdCleanser.Instance,
            CleanserKind.PhoneNumber => PhoneCleanser.Instance,
            CleanserKind.RegexReplace => RegexCleanser.Create(Value(CleanserParameterNames.Pattern), Value(CleanserParameterNames.Replacement)),
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule.Kind, null),
        };
    }

    private static bool Boolean(string value) =>
        bool.TryParse(value, out var result) ? result : throw new InvalidCleansingRuleException(string.Format(T.Cleansing_BooleanInvalid, value));
}
