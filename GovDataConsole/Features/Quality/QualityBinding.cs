using GovDataConsole.Features.Catalog;
using GovDataConsole.Quality;

namespace GovDataConsole.Features.Quality;

/// <summary>
/// A template applied to every info item of a sensitivity kind in every resource (e.g. the resident-ID rule on each 身份证号
/// field). It is expanded when rules are read, so items added later get it too. Rule keys: "S{Id}.{item code}".
/// </summary>
public class QualityBinding
{
    public int Id { get; private set; }
    public RuleTemplate Template { get; private set; }
    public SensitivityKind Sensitivity { get; private set; }
    public string ParametersJson { get; private set; } = "{}";
    public RuleSeverity Severity { get; private set; }
    public decimal Weight { get; private set; }
    public decimal Threshold { get; private set; }
    public bool Enabled { get; private set; }
    public string UpdatedBy { get; private set; } = "";
    public DateTime UpdatedUtc { get; private set; }

    private QualityBinding() { }

    public QualityBinding(SensitivityKind sensitivity, RuleTemplate template) => (Sensitivity, Template) = (sensitivity, template);

    public void Update(IReadOnlyDictionary<string, string> parameters, RuleSeverity severity, decimal weight, decimal threshold, bool enabled, string by, DateTime utc)
    {
        ParametersJson = System.Text.Json.JsonSerializer.Serialize(parameters);
        (Severity, Weight, Threshold, Enabled, UpdatedBy, UpdatedUtc) = (severity, weight, threshold, enabled, by, utc);
    }

    public IReadOnlyDictionary<string, string> Parameters() =>
        System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(ParametersJson) ?? [];

    public string KeyFor(string itemCode) => $"S{Id}.{itemCode}";

    /// <summary>The rule this binding puts on one item.</summary>
    public QualityRule RuleFor(string itemCode) =>
        new(KeyFor(itemCode), Template, [itemCode], Parameters(), Severity, Weight, Threshold, Enabled);
}
