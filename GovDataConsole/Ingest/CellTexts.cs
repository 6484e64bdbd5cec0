using System.Globalization;
using GovDataConsole.Excel;

namespace GovDataConsole.Ingest;

/// <summary>The text a user sees for an xlsx cell: dates as ISO yyyy-MM-dd (with HH:mm:ss when there is a time), bare times as HH:mm:ss.</summary>
internal static class CellTexts
{
    /// <summary>The ISO text of a date-formatted number or ISO date cell; null when the cell is not a convertible date.</summary>
    public static string? IsoDate(in SheetCell cell, bool date1904)
    {
        if (cell.Kind == CellKind.IsoDate)
            return DateTime.TryParse(cell.Text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var iso) ? Iso(iso, false) : null;
        if (!cell.IsDateFormatted || !cell.TryGetNumber(out var serial) || !ExcelDates.TryFromSerial(serial, date1904, out var date))
            return null;
        return Iso(date, serial < 1 && !date1904); // 1900 system: below 1 is a time of day
    }

    /// <summary>Rounded to the second: yyyy-MM-dd, yyyy-MM-dd HH:mm:ss, or HH:mm:ss when <paramref name="timeOnly"/>.</summary>
    public static string Iso(DateTime value, bool timeOnly)
    {
        var seconds = new DateTime((value.Ticks + TimeSpan.TicksPerSecond / 2) / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond);
        if (timeOnly) return seconds.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        return seconds.TimeOfDay == TimeSpan.Zero
            ? seconds.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : seconds.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
    }
}
