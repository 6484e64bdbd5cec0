namespace GovDataConsole.Excel;

/// <summary>Why an uploaded workbook was refused.</summary>
public enum WorkbookProblem
{
    None,
    TooLarge,
    NotAWorkbook,
    LegacyOrEncrypted,
    Corrupt,
    MacroEnabled,
    ZipBomb,
    TooManyParts,
    MissingWorkbookPart,
    Empty,
}
