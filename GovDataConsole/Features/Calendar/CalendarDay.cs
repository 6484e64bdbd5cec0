using GovDataConsole.Calendar;

namespace GovDataConsole.Features.Calendar;

/// <summary>A day of the official schedule that departs from Monday–Friday: a statutory holiday or a make-up workday (调休上班).</summary>
public class CalendarDay
{
    public int Id { get; private set; }
    public DateOnly Date { get; private set; }
    /// <summary>The year of <see cref="Date"/>, stored so a year is listed, replaced and seeded by index.</summary>
    public int Year { get; private set; }
    public DayKind Kind { get; private set; }
    public string Name { get; private set; } = "";

    private CalendarDay() { }

    public CalendarDay(CalendarEntry entry) => Change(entry);

    public CalendarEntry ToEntry() => new(Date, Kind, Name);

    public void Change(CalendarEntry entry)
    {
        Date = entry.Date;
        Year = entry.Date.Year;
        Kind = entry.Kind;
        Name = entry.Name.Trim();
    }
}

/// <summary>A calendar day as forms, workbooks and the reference file state it.</summary>
public sealed record CalendarEntry(DateOnly Date, DayKind Kind, string Name);
