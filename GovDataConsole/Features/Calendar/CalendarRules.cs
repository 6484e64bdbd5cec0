using GovDataConsole.Calendar;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Features.Calendar;

/// <summary>What a calendar day must satisfy, by hand or by workbook; messages are Chinese and shown as is.</summary>
public static class CalendarRules
{
    public const int NameMaxLength = 50;
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    public static bool IsYearInRange(int year) => year is >= MinYear and <= MaxYear;

    public static string YearOutOfRange => string.Format(T.Calendar_YearOutOfRange, MinYear, MaxYear);

    public static IEnumerable<string> Check(CalendarEntry entry)
    {
        if (!IsYearInRange(entry.Date.Year)) yield return YearOutOfRange;
        if (entry.Kind == DayKind.Workday && entry.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            yield return string.Format(T.Calendar_WorkdayOnWeekday, Format(entry.Date));
        foreach (var error in CheckName(entry.Name)) yield return error;
    }

    public static IEnumerable<string> CheckName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) yield return T.Calendar_NameRequired;
        else if (name.Trim().Length > NameMaxLength) yield return string.Format(T.Calendar_NameTooLong, NameMaxLength);
    }

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>周一…周日.</summary>
    public static string WeekdayName(DateOnly date) => T.Calendar_WeekdayNames.Split(',')[((int)date.DayOfWeek + 6) % 7];
}
