namespace GovDataConsole.Excel;

/// <summary>A row with at least one value: 1-based row number and its non-empty cells in file order.</summary>
public sealed record SheetRow(int Number, IReadOnlyList<SheetCell> Cells)
{
    /// <summary>The cell at a 1-based column, or null when that cell is empty or absent.</summary>
    public SheetCell? Find(int column)
    {
        foreach (var cell in Cells)
            if (cell.Column == column) return cell;
        return null;
    }

    /// <summary>The text at a 1-based column, empty when absent.</summary>
    public string TextAt(int column) => Find(column)?.Text ?? string.Empty;
}
