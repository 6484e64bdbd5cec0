namespace GovDataConsole.Excel;

/// <summary>A rectangular range such as a merged area, 1-based and inclusive.</summary>
public readonly record struct CellRange(int FirstRow, int FirstColumn, int LastRow, int LastColumn)
{
    public bool Contains(int row, int column) =>
        row >= FirstRow && row <= LastRow && column >= FirstColumn && column <= LastColumn;

    public bool IntersectsRow(int row) => row >= FirstRow && row <= LastRow;

    public override string ToString() =>
        CellReference.Format(FirstRow, FirstColumn) + ":" + CellReference.Format(LastRow, LastColumn);

    /// <summary>Parses "A1:C2" (or a single "A1").</summary>
    public static bool TryParse(string? text, out CellRange range)
    {
        range = default;
        if (string.IsNullOrEmpty(text)) return false;
        var colon = text.IndexOf(':');
        var first = colon < 0 ? text.AsSpan() : text.AsSpan(0, colon);
        var last = colon < 0 ? text.AsSpan() : text.AsSpan(colon + 1);
        if (!CellReference.TryParse(first, out var r1, out var c1) || !CellReference.TryParse(last, out var r2, out var c2)
            || r1 == 0 || r2 == 0)
            return false;
        range = new CellRange(Math.Min(r1, r2), Math.Min(c1, c2), Math.Max(r1, r2), Math.Max(c1, c2));
        return true;
    }
}
