namespace GovDataConsole.Ingest;

/// <summary>A batch file read streaming, row by row: an xlsx worksheet or a CSV.</summary>
public interface IRowSource : IDisposable
{
    /// <summary>The visible worksheets in workbook order (xlsx); empty for a CSV.</summary>
    IReadOnlyList<string> Sheets { get; }

    /// <summary>
    /// The non-empty rows of <paramref name="sheet"/> (null: the first visible worksheet, or the CSV) in file order.
    /// Each call reads from the start of the file; nothing is collected.
    /// </summary>
    IEnumerable<SourceRow> ReadRows(string? sheet = null);
}
