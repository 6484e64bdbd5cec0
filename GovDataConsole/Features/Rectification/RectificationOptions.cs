using GovDataConsole.Quality;

namespace GovDataConsole.Features.Rectification;

/// <summary>Rectification settings (section "Rectification").</summary>
public sealed class RectificationOptions
{
    /// <summary>Working days from dispatch to due date, by severity (严重 3, 一般 7, 提示 15).</summary>
    public Dictionary<RuleSeverity, int> DueWorkingDays { get; set; } = new()
    {
        [RuleSeverity.Critical] = 3, [RuleSeverity.Major] = 7, [RuleSeverity.Minor] = 15,
    };

    /// <summary>Escalate (督办) once an order is this many working days past due.</summary>
    public int EscalateAfterOverdueWorkingDays { get; set; } = 2;

    /// <summary>Largest number of problems one request may turn into orders.</summary>
    public int MaxProblemsPerRequest { get; set; } = 10_000;

    public int DueDaysFor(RuleSeverity severity) => DueWorkingDays.TryGetValue(severity, out var days) ? days : 7;
}
