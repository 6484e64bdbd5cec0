namespace GovDataConsole.Excel;

/// <summary>A problem with one cell of an uploaded workbook: sheet name, 1-based row and column, the value seen, a Chinese message.</summary>
public sealed record CellError(string Sheet, int Row, int Column, string? Value, string Message);
