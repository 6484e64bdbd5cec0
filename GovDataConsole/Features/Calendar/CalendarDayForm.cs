using GovDataConsole.Calendar;

namespace GovDataConsole.Features.Calendar;

/// <summary>The add/edit form of one calendar day.</summary>
public sealed class CalendarDayForm
{
    public DateOnly? Date { get; set; }
    public DayKind Kind { get; set; }
    public string Name { get; set; } = "";

    public static CalendarDayForm From(CalendarDayRow row) => new() { Date = row.Date, Kind = row.Kind, Name = row.Name };
}

public sealed record CalendarDayRow(int Id, DateOnly Date, DayKind Kind, string Name);

public sealed record CalendarImportSummary(int Added, int Updated, int Removed, int Unchanged);
