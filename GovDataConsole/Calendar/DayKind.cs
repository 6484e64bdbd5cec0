namespace GovDataConsole.Calendar;

/// <summary>How an override changes a day: a holiday is off, a make-up workday (调休上班) is on.</summary>
public enum DayKind
{
    Holiday,
    Workday,
}

/// <summary>One day that departs from (or confirms) the Monday–Friday rule.</summary>
public readonly record struct DayOverride(DateOnly Date, DayKind Kind);
