using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace GovDataConsole.Ingest;

/// <summary>The import benchmark's baseline: one SAX pass over a worksheet with the OpenXML SDK reader, counting rows and cells, nothing else.</summary>
public static class BareSaxRead
{
    /// <summary>Counts the &lt;row&gt; and &lt;c&gt; elements of the first worksheet of the workbook at <paramref name="path"/>.</summary>
    public static (long Rows, long Cells) Count(string path)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        var workbookPart = document.WorkbookPart ?? throw new InvalidDataException("The package has no workbook part.");
        var worksheet = workbookPart.Workbook.Sheets?.Elements<Sheet>()
            .Select(s => s.Id?.Value is { } id && workbookPart.TryGetPartById(id, out var part) ? part as WorksheetPart : null)
            .FirstOrDefault(p => p is not null) ?? throw new InvalidDataException("The workbook has no worksheet.");
        long rows = 0, cells = 0;
        using var reader = OpenXmlReader.Create(worksheet);
        while (reader.Read())
        {
            if (!reader.IsStartElement) continue;
            if (reader.ElementType == typeof(Row)) rows++;
            else if (reader.ElementType == typeof(Cell)) cells++;
        }
        return (rows, cells);
    }
}
