using System.Globalization;
using GovDataConsole.Features.Catalog;

namespace GovDataConsole.Features.Collection;

/// <summary>One reporting period of an update cycle, e.g. 2026-11 (monthly) or 2026-W48 (weekly), in China Standard Time dates.</summary>
public sealed record CollectionPeriod(string Key, DateOnly Start, DateOnly End)
{
    /// <summary>The period of <paramref name="cycle"/> that contains <paramref name="day"/>. Real-time resources report daily.</summary>
    public static CollectionPeriod Containing(UpdateCycle cycle, DateOnly day)
    {
        switch (cycle)
        {
            case UpdateCycle.RealTime:
            case UpdateCycle.Daily:
                return new(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), day, day);
            case UpdateCycle.Weekly:
                var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
                var year = ISOWeek.GetYear(monday.ToDateTime(TimeOnly.MinValue));
                var week = ISOWeek.GetWeekOfYear(monday.ToDateTime(TimeOnly.MinValue));
                return new($"{year}-W{week:D2}", monday, monday.AddDays(6));
            case UpdateCycle.Monthly:
                var first = new DateOnly(day.Year, day.Month, 1);
                return new(first.ToString("yyyy-MM", CultureInfo.InvariantCulture), first, first.AddMonths(1).AddDays(-1));
            case UpdateCycle.Quarterly:
                var quarter = (day.Month - 1) / 3;
                var start = new DateOnly(day.Year, quarter * 3 + 1, 1);
                return new($"{day.Year}-Q{quarter + 1}", start, start.AddMonths(3).AddDays(-1));
            case UpdateCycle.Yearly:
                return new(day.Year.ToString(CultureInfo.InvariantCulture), new DateOnly(day.Year, 1, 1), new DateOnly(day.Year, 12, 31));
            default:
                throw new ArgumentOutOfRangeException(nameof(cycle), cycle, null);
        }
    }

    /// <summary>The periods that overlap <paramref name="from"/>..<paramref name="to"/>, oldest first.</summary>
    public static IEnumerable<CollectionPeriod> Between(UpdateCycle cycle, DateOnly from, DateOnly to)
    {
        for (var period = Containing(cycle, from); period.Start <= to; period = Containing(cycle, period.End.AddDays(1)))
            yield return period;
    }
}
