using System.Globalization;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Data;

/// <summary>How big the scaled demo is: departments, published monthly resources spread over them, and months of history.</summary>
public sealed record DemoScale(int Departments = 200, int Resources = 2000, int Months = 24)
{
    public const int MaxDepartments = 1000;
    public const int MaxResources = 20_000;
    public const int MaxMonths = 60;

    /// <summary>
    /// The scale from <c>--departments</c>, <c>--resources</c> and <c>--months</c> (defaults for those not given), or the
    /// reason it is refused.
    /// </summary>
    public static (DemoScale? Scale, string? Error) Parse(IReadOnlyDictionary<string, string> options)
    {
        var defaults = new DemoScale();
        int? Read(string name, int fallback, int max, out string? error)
        {
            error = null;
            if (!options.TryGetValue(name, out var text)) return fallback;
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1 && value <= max) return value;
            error = string.Format(T.Cli_SeedBadNumber, name, text, max);
            return null;
        }
        var departments = Read("departments", defaults.Departments, MaxDepartments, out var e1);
        var resources = Read("resources", defaults.Resources, MaxResources, out var e2);
        var months = Read("months", defaults.Months, MaxMonths, out var e3);
        if ((e1 ?? e2 ?? e3) is { } error) return (null, error);
        if (resources < departments) return (null, string.Format(T.Cli_SeedFewerResources, resources, departments));
        return (new DemoScale(departments!.Value, resources!.Value, months!.Value), null);
    }
}

/// <summary>What the scaled seed added.</summary>
public sealed record DemoScaleCounts(
    int Departments, int Accounts, int Resources, int Items, int Tasks, int Batches, int Runs, long RuleResults, long Problems, long HandedOver,
    int Orders, long OrderItems, long Events, IReadOnlyDictionary<string, int> TasksByStatus, IReadOnlyDictionary<string, int> OrdersByStatus,
    IReadOnlyList<string> RescoredPeriods);
