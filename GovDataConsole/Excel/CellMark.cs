namespace GovDataConsole.Excel;

/// <summary>One cell to flag in the error workbook, with all its messages joined.</summary>
internal sealed record CellMark(int Row, int Column, string Message)
{
    public string Reference => CellReference.Format(Row, Column);
}
