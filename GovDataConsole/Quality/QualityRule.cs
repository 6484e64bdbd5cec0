using System.Text.Json;
using System.Text.Json.Serialization;

namespace GovDataConsole.Quality;

/// <summary>
/// One configured quality rule: a template applied to fields with parameters, a severity, a weight in the resource score and
/// a pass threshold (the rule passes when its failure rate is at most <see cref="Threshold"/> percent). <see cref="Key"/>
/// names the rule across versions, so problems, exceptions and orders keep pointing at it.
/// </summary>
public sealed record QualityRule(
    string Key, RuleTemplate Template, IReadOnlyList<string> Fields, IReadOnlyDictionary<string, string> Parameters,
    RuleSeverity Severity, decimal Weight, decimal Threshold, bool Enabled = true, string? Name = null)
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The parameter's value, or the template's default when the rule does not set it.</summary>
    public string Parameter(string name) => Parameters.TryGetValue(name, out var value) ? value
        : RuleTemplateCatalog.ParametersOf(Template).FirstOrDefault(p => p.Name == name)?.Default ?? "";

    public QualityDimension Dimension => RuleTemplateCatalog.DimensionOf(Template);

    /// <summary>The name shown for the rule: its own, else the template's with the fields.</summary>
    public string DisplayName => string.IsNullOrWhiteSpace(Name)
        ? Fields.Count == 0 ? RuleTemplateCatalog.NameOf(Template) : $"{RuleTemplateCatalog.NameOf(Template)}（{string.Join("、", Fields)}）"
        : Name;

    public static string ToJson(IReadOnlyList<QualityRule> rules) => JsonSerializer.Serialize(rules, Json);

    public static IReadOnlyList<QualityRule> ListFromJson(string json) =>
        JsonSerializer.Deserialize<List<QualityRule>>(json, Json) ?? [];
}
