using GovDataConsole.Quality;

namespace GovDataConsole.Features.Quality;

/// <summary>
/// One saved version of a resource's quality rules. Saving always adds a version; a check run keeps the exact rules it ran,
/// so earlier results are never reinterpreted by later edits.
/// </summary>
public class QualityRuleSet
{
    public int Id { get; private set; }
    public int DataResourceId { get; private set; }
    public int Version { get; private set; }
    public string RulesJson { get; private set; } = "[]";
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedUtc { get; private set; }

    private QualityRuleSet() { }

    public QualityRuleSet(int dataResourceId, int version, IReadOnlyList<QualityRule> rules, string createdBy, DateTime createdUtc)
    {
        DataResourceId = dataResourceId;
        Version = version;
        RulesJson = QualityRule.ToJson(rules);
        CreatedBy = createdBy;
        CreatedUtc = createdUtc;
    }

    public IReadOnlyList<QualityRule> Rules() => QualityRule.ListFromJson(RulesJson);
}

/// <summary>A resource's check schedule (Hangfire cron, China time) and its automatic work-order mode.</summary>
public class QualitySettings
{
    public int DataResourceId { get; private set; }
    public string? Cron { get; private set; }
    public AutoOrderMode AutoOrders { get; private set; }

    private QualitySettings() { }

    public QualitySettings(int dataResourceId) => DataResourceId = dataResourceId;

    public void Update(string? cron, AutoOrderMode autoOrders)
    {
        Cron = string.IsNullOrWhiteSpace(cron) ? null : cron.Trim();
        AutoOrders = autoOrders;
    }
}
