namespace GovDataConsole.Excel;

/// <summary>A1-style cell references: column letters ↔ 1-based indexes.</summary>
public static class CellReference
{
    public const int MaxRow = 1_048_576;
    public const int MaxColumn = 16_384;

    /// <summary>1 → "A", 27 → "AA".</summary>
    public static string ColumnName(int column)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(column, 1);
        Span<char> buffer = stackalloc char[8];
        var pos = buffer.Length;
        while (column > 0)
        {
            var rem = (column - 1) % 26;
            buffer[--pos] = (char)('A' + rem);
            column = (column - 1) / 26;
        }
        return new string(buffer[pos..]);
    }

    public static string Format(int row, int column) => ColumnName(column) + row.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Parses "B12" (also "$B$12") into row 12, column 2; a bare "B" gives row 0.</summary>
    public static bool TryParse(ReadOnlySpan<char> reference, out int row, out int column)
    {
        row = 0;
        column = 0;
        var i = 0;
        if (i < reference.Length && reference[i] == '$') i++;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++)
        {
            column = column * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
            if (column > MaxColumn) return false;
        }
        if (column == 0) return false;
        if (i < reference.Length && reference[i] == '$') i++;
        for (; i < reference.Length; i++)
        {
            if (!char.IsAsciiDigit(reference[i])) return false;
            row = row * 10 + (reference[i] - '0');
            if (row > MaxRow) return false;
        }
        return true;
    }

    public static bool IsInSheet(int row, int column) => row is >= 1 and <= MaxRow && column is >= 1 and <= MaxColumn;
}
