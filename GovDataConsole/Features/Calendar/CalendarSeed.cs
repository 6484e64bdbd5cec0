using System.Globalization;
using GovDataConsole.Calendar;
using GovDataConsole.Data;
using Microsoft.EntityFrameworkCore;

namespace GovDataConsole.Features.Calendar;

/// <summary>Seeds each year of the State Council schedule shipped in Data/Reference when that year has no days yet; idempotent.</summary>
public static class CalendarSeed
{
    private static readonly (int Year, string File)[] Years = [(2026, "cn-holidays-2026.csv")];

    public static async Task EnsureAsync(AppDbContext db, CancellationToken ct)
    {
        foreach (var (year, file) in Years)
        {
            if (await db.CalendarDays.AnyAsync(d => d.Year == year, ct)) continue;
            db.CalendarDays.AddRange(Read(file).Select(e => new CalendarDay(e)));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another process starting at the same time may have seeded the year first.
                db.ChangeTracker.Clear();
                if (!await db.CalendarDays.AnyAsync(d => d.Year == year, ct)) throw;
            }
        }
    }

    /// <summary>Rows of date,kind,name with kind holiday or workday.</summary>
    private static IEnumerable<CalendarEntry> Read(string file) =>
        ReferenceData.Rows(file).Select(r => new CalendarEntry(
            DateOnly.ParseExact(r[0], "yyyy-MM-dd", CultureInfo.InvariantCulture),
            r[1] switch { "holiday" => DayKind.Holiday, "workday" => DayKind.Workday, _ => throw new FormatException($"{file}: unknown kind '{r[1]}'.") },
            r[2]));
}
