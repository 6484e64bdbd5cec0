using GovDataConsole.Quality;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Features.Quality;

/// <summary>How rule parts read in Chinese: choice options (key "RuleParameter_{Name}{Option}"), switches, and a one-line summary.</summary>
public static class QualityRuleText
{
    public static string Option(RuleParameter parameter, string option) =>
        T.ResourceManager.GetString($"RuleParameter_{Capitalized(parameter.Name)}{Capitalized(option)}", T.Culture) ?? option;

    public static string Value(RuleParameter parameter, string value) => parameter.Type switch
    {
        RuleParameterType.Boolean => value == "true" ? T.Common_Yes : T.Common_No,
        RuleParameterType.Choice => Option(parameter, value),
        _ => value,
    };

    /// <summary>"label：value" for every parameter that has a value, e.g. "允许 15 位旧号：是".</summary>
    public static string Summary(RuleTemplate template, IReadOnlyDictionary<string, string> parameters) => string.Join("；",
        RuleTemplateCatalog.ParametersOf(template).Select(p => (p, v: parameters.GetValueOrDefault(p.Name) ?? p.Default))
            .Where(x => x.v.Length > 0).Select(x => $"{x.p.Label}：{Value(x.p, x.v).ReplaceLineEndings(" ")}"));

    /// <summary>A weight or threshold without trailing zeros (1, 0.5, 2.25).</summary>
    public static string Number(decimal value) => value.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture);

    private static string Capitalized(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];
}
