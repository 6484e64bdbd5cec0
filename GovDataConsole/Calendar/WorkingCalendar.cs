using System.Collections.Frozen;

namespace GovDataConsole.Calendar;

/// <summary>
/// Working days under the State Council schedule: Monday–Friday work, Saturday and Sunday off, except where an
/// override says otherwise (holidays off, make-up weekend days on). Immutable and pure; a loader builds it from the
/// database. Counting is arithmetic over weeks plus a prefix sum of the overrides, so it costs O(log overrides).
/// </summary>
/// <remarks>
/// Convention: "N working days after D" is the Nth working day strictly after D; D itself never counts, whether it
/// works or not, and N = 0 gives D. <see cref="WorkingDaysBetween"/> is its inverse: the working days in (from, to].
/// </remarks>
public sealed class WorkingCalendar
{
    private readonly FrozenDictionary<int, DayKind> overrides;
    // Overrides that change the weekday rule, by day number, with the running sum of their effect (+1 or -1).
    private readonly int[] adjustedDays;
    private readonly int[] adjustmentsBefore;
    private readonly int weekdayHolidays;

    public WorkingCalendar(IEnumerable<DayOverride> days)
    {
        var byDay = new Dictionary<int, DayKind>();
        foreach (var day in days)
            if (!byDay.TryAdd(day.Date.DayNumber, day.Kind))
                throw new ArgumentException($"Date {day.Date:yyyy-MM-dd} is given twice.", nameof(days));
        overrides = byDay.ToFrozenDictionary();

        var effects = byDay.Select(d => (Day: d.Key, Effect: Effect(d.Key, d.Value))).Where(d => d.Effect != 0).OrderBy(d => d.Day).ToList();
        adjustedDays = effects.Select(d => d.Day).ToArray();
        adjustmentsBefore = new int[effects.Count + 1];
        for (var i = 0; i < effects.Count; i++) adjustmentsBefore[i + 1] = adjustmentsBefore[i] + effects[i].Effect;
        weekdayHolidays = effects.Count(d => d.Effect < 0);
    }

    public bool IsWorkingDay(DateOnly date) =>
        overrides.TryGetValue(date.DayNumber, out var kind) ? kind == DayKind.Workday : !IsWeekend(date.DayNumber);

    /// <summary>The first working day strictly after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly date) => AddWorkingDays(date, 1);

    /// <summary>The <paramref name="days"/>th working day strictly after <paramref name="start"/>; <paramref name="start"/> itself when 0.</summary>
    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        if (days == 0) return start;
        var target = (long)WorkingDaysThrough(start.DayNumber) + days;
        // Any 7k days hold 5k weekdays, of which at most weekdayHolidays are off: k = (days + holidays) / 5 + 1 is enough.
        long bound = start.DayNumber + ((long)(days + weekdayHolidays) / 5 + 1) * 7;
        int low = start.DayNumber + 1, high = (int)Math.Min(bound, DateOnly.MaxValue.DayNumber);
        if (WorkingDaysThrough(high) < target) throw new ArgumentOutOfRangeException(nameof(days), "The result is past the last representable date.");
        while (low < high)
        {
            var middle = low + (high - low) / 2;
            if (WorkingDaysThrough(middle) >= target) high = middle;
            else low = middle + 1;
        }
        return DateOnly.FromDayNumber(low);
    }

    /// <summary>Working days in (from, to]; negative (the count in (to, from]) when <paramref name="to"/> is before <paramref name="from"/>.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to) => WorkingDaysThrough(to.DayNumber) - WorkingDaysThrough(from.DayNumber);

    // Day number 0 (0001-01-01) is a Monday.
    private static bool IsWeekend(int dayNumber) => dayNumber % 7 >= 5;

    private static int Effect(int dayNumber, DayKind kind) => (kind, IsWeekend(dayNumber)) switch
    {
        (DayKind.Holiday, false) => -1,
        (DayKind.Workday, true) => 1,
        _ => 0,
    };

    /// <summary>Working days from 0001-01-01 through <paramref name="dayNumber"/>, inclusive.</summary>
    private int WorkingDaysThrough(int dayNumber)
    {
        long days = dayNumber + 1L;
        var weekdays = days / 7 * 5 + Math.Min(days % 7, 5);
        var index = Array.BinarySearch(adjustedDays, dayNumber);
        var through = index >= 0 ? index + 1 : ~index;
        return (int)(weekdays + adjustmentsBefore[through]);
    }
}
