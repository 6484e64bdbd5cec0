namespace GovDataConsole.Excel;

public enum SheetVisibility
{
    Visible,
    Hidden,
    VeryHidden,
}

/// <summary>A sheet as listed in the workbook: 1-based position, name, visibility, and whether it holds cells (not a chart sheet).</summary>
public sealed record SheetInfo(int Position, string Name, SheetVisibility Visibility, bool IsWorksheet);
