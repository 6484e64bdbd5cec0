using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using GovDataConsole.Features.Catalog;
using GovDataConsole.Features.Collection;
using GovDataConsole.Scoring;

namespace GovDataConsole.Features.Scoring;

/// <summary>A scoring period: a month (2026-10) or a quarter (2026-Q3), with its first and last day (China time).</summary>
public sealed partial record ScorePeriod(string Key, ScorePeriodType Type, DateOnly Start, DateOnly End)
{
    public static ScorePeriod Containing(ScorePeriodType type, DateOnly day)
    {
        var period = CollectionPeriod.Containing(type == ScorePeriodType.Month ? UpdateCycle.Monthly : UpdateCycle.Quarterly, day);
        return new(period.Key, type, period.Start, period.End);
    }

    public static bool TryParse(string? key, [NotNullWhen(true)] out ScorePeriod? period)
    {
        period = null;
        var match = KeyPattern().Match(key?.Trim() ?? "");
        if (!match.Success) return false;
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (match.Groups["quarter"].Success)
            period = Containing(ScorePeriodType.Quarter, new DateOnly(year, (int.Parse(match.Groups["quarter"].Value, CultureInfo.InvariantCulture) - 1) * 3 + 1, 1));
        else
            period = Containing(ScorePeriodType.Month, new DateOnly(year, int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture), 1));
        return true;
    }

    public ScorePeriod Previous => Containing(Type, Start.AddDays(-1));

    /// <summary>The <paramref name="count"/> periods of <paramref name="type"/> up to the one containing <paramref name="day"/>, newest first.</summary>
    public static IReadOnlyList<ScorePeriod> Recent(ScorePeriodType type, DateOnly day, int count)
    {
        var list = new List<ScorePeriod> { Containing(type, day) };
        while (list.Count < count) list.Add(list[^1].Previous);
        return list;
    }

    [GeneratedRegex(@"^(?<year>20\d{2})-(?:(?<month>0[1-9]|1[0-2])|Q(?<quarter>[1-4]))$")]
    private static partial Regex KeyPattern();
}
