using System.Globalization;

namespace GovDataConsole.Excel;

public enum CellKind
{
    /// <summary>Shared, inline or formula string.</summary>
    Text,
    /// <summary>Invariant-culture number text; may be a date serial, see <see cref="SheetCell.IsDateFormatted"/>.</summary>
    Number,
    /// <summary>"TRUE" or "FALSE".</summary>
    Boolean,
    /// <summary>An error value such as "#N/A".</summary>
    Error,
    /// <summary>An ISO 8601 date cell (t="d").</summary>
    IsoDate,
    /// <summary>A formula cell without a cached value.</summary>
    Blank,
}

/// <summary>
/// One non-empty cell. <see cref="Text"/> is the stored (for formulas: cached) value as text; formulas are never evaluated.
/// </summary>
public readonly record struct SheetCell(int Column, CellKind Kind, string Text, bool IsFormula, bool IsDateFormatted)
{
    public string ColumnName => CellReference.ColumnName(Column);

    public bool TryGetNumber(out double value)
    {
        value = 0;
        return Kind == CellKind.Number && double.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>A date from a date-formatted number or an ISO date cell; pass <see cref="SheetReader.Date1904"/>.</summary>
    public bool TryGetDate(bool date1904, out DateTime value)
    {
        value = default;
        if (Kind == CellKind.IsoDate)
            return DateTime.TryParse(Text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out value);
        return IsDateFormatted && TryGetNumber(out var serial) && ExcelDates.TryFromSerial(serial, date1904, out value);
    }
}
