using GovDataConsole.Features.Catalog;
using GovDataConsole.Features.Shared;
using GovDataConsole.Quality;

namespace GovDataConsole.Features.Quality;

/// <summary>The rules grid's filter: code or name contains <see cref="Search"/>.</summary>
public sealed record QualityResourceQuery : GridRequest
{
    public string? Search { get; set; }
}

/// <summary>A published resource on the rules page: its rule-set version, effective rule count and last run.</summary>
public sealed record QualityResourceRow(int ResourceId, string Code, string Name, string DepartmentName, int Version, int RuleCount,
    CheckRunStatus? LastStatus, DateTime? LastRunUtc, decimal? LastScore);

/// <summary>An info item as the rule editor offers it.</summary>
public sealed record QualityItem(string Code, string Name, SensitivityKind Sensitivity, string? DictionaryName);

/// <summary>A rule a sensitivity binding puts on one of the resource's items (edited on the bindings page only).</summary>
public sealed record BoundRule(int BindingId, string ItemCode, QualityRule Rule);

public sealed record QualityVersionRow(int Version, string CreatedBy, DateTime CreatedUtc, int RuleCount);

/// <summary>Everything the rule editor shows for one resource.</summary>
public sealed record QualityRuleSetView(int ResourceId, string ResourceCode, string ResourceName, int DepartmentId, int Version,
    IReadOnlyList<QualityItem> Items, IReadOnlyList<QualityRule> Rules, IReadOnlyList<BoundRule> Bound, IReadOnlyList<QualityVersionRow> History,
    string? Cron, AutoOrderMode AutoOrders);

/// <summary>A binding with the number of items (of resources the user sees) it applies to right now.</summary>
public sealed record QualityBindingRow(int Id, SensitivityKind Sensitivity, RuleTemplate Template, IReadOnlyDictionary<string, string> Parameters,
    RuleSeverity Severity, decimal Weight, decimal Threshold, bool Enabled, int ItemCount, string UpdatedBy, DateTime UpdatedUtc);

/// <summary>The bindings dialog's input. Sensitivity and template are fixed once the binding exists.</summary>
public sealed class QualityBindingForm
{
    public SensitivityKind Sensitivity { get; set; } = SensitivityKind.ResidentId;
    public RuleTemplate Template { get; set; } = RuleTemplate.ResidentId;
    public Dictionary<string, string> Parameters { get; set; } = RuleTemplateCatalog.Defaults(RuleTemplate.ResidentId);
    public RuleSeverity Severity { get; set; } = RuleSeverity.Major;
    public decimal Weight { get; set; } = 1;
    public decimal Threshold { get; set; }
    public bool Enabled { get; set; } = true;

    public static QualityBindingForm Of(QualityBindingRow row) => new()
    {
        Sensitivity = row.Sensitivity, Template = row.Template, Parameters = new(row.Parameters), Severity = row.Severity,
        Weight = row.Weight, Threshold = row.Threshold, Enabled = row.Enabled,
    };

    /// <summary>The rule it puts on one item (for validation and the editor's parameter panel).</summary>
    public QualityRule RuleFor(string itemCode) => new("", Template, [itemCode], Parameters, Severity, Weight, Threshold, Enabled);
}
