namespace GovDataConsole.Ingest;

/// <summary>Why a batch file cannot be read.</summary>
public enum BatchFileProblem
{
    /// <summary>Bytes that are valid neither as UTF-8 nor as GB18030.</summary>
    UnknownEncoding,
    /// <summary>Bytes later in the file that do not decode in the encoding detected from its start.</summary>
    InvalidBytes,
    /// <summary>Binary content (NUL bytes, e.g. a workbook renamed to .csv).</summary>
    Binary,
    /// <summary>Worksheet XML that does not parse.</summary>
    Corrupt,
    /// <summary>The workbook has no visible worksheet.</summary>
    NoWorksheet,
    /// <summary>The requested sheet does not exist or is not a worksheet.</summary>
    SheetNotFound,
    /// <summary>A row wider than a worksheet can be.</summary>
    TooManyColumns,
}
