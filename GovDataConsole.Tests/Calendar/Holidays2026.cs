using System.Globalization;
using GovDataConsole.Calendar;
using GovDataConsole.Tests.Infrastructure;

namespace GovDataConsole.Tests.Calendar;

/// <summary>The shipped 2026 State Council schedule, read straight from the reference CSV (date,kind,name).</summary>
public static class Holidays2026
{
    public static string CsvPath => Path.Combine(RepositoryRoot.Path, "GovDataConsole", "Data", "Reference", "cn-holidays-2026.csv");

    public static IReadOnlyList<(DateOnly Date, string Kind, string Name)> Rows { get; } = File.ReadAllLines(CsvPath).Skip(1)
        .Where(l => l.Length > 0).Select(l => l.Split(','))
        .Select(c => (DateOnly.ParseExact(c[0], "yyyy-MM-dd", CultureInfo.InvariantCulture), c[1], c[2])).ToList();

    public static WorkingCalendar Calendar() =>
        new(Rows.Select(r => new DayOverride(r.Date, r.Kind == "workday" ? DayKind.Workday : DayKind.Holiday)));
}
