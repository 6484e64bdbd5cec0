namespace GovDataConsole.Ingest;

/// <summary>
/// One non-empty row of a batch file. <see cref="Cells"/> holds the text of each column (0-based, "" for blanks) exactly as
/// received; <see cref="Raw"/> is null unless a cell was converted (an xlsx date serial shown as ISO text), in which case it
/// holds the stored value of the converted cells and null elsewhere.
/// </summary>
public readonly record struct SourceRow(int Number, string[] Cells, string?[]? Raw = null)
{
    public string CellAt(int column) => column >= 0 && column < Cells.Length ? Cells[column] : string.Empty;
}
