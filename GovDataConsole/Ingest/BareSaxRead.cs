using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GovDataConsole.Excel;

namespace GovDataConsole.Ingest;

/// <summary>Which XML reader a bare read uses.</summary>
public enum SaxParser
{
    /// <summary>The OpenXML SDK's SAX reader (OpenXmlReader): the baseline the import target is defined against.</summary>
    OpenXmlReader,
    /// <summary>A plain XmlReader over the worksheet part, which <see cref="SheetReader"/> uses: the stricter floor.</summary>
    XmlReader,
}

/// <summary>The import benchmark's baseline: one pass over a worksheet counting rows and cells, nothing else.</summary>
public static class BareSaxRead
{
    /// <summary>Counts the &lt;row&gt; and &lt;c&gt; elements of the first worksheet of the workbook at <paramref name="path"/>.</summary>
    public static (long Rows, long Cells) Count(string path, SaxParser parser = SaxParser.OpenXmlReader)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        var workbookPart = document.WorkbookPart ?? throw new InvalidDataException("The package has no workbook part.");
        var worksheet = workbookPart.Workbook.Sheets?.Elements<Sheet>()
            .Select(s => s.Id?.Value is { } id && workbookPart.TryGetPartById(id, out var part) ? part as WorksheetPart : null)
            .FirstOrDefault(p => p is not null) ?? throw new InvalidDataException("The workbook has no worksheet.");
        return parser == SaxParser.OpenXmlReader ? CountWithOpenXmlReader(worksheet) : CountWithXmlReader(worksheet);
    }

    private static (long Rows, long Cells) CountWithOpenXmlReader(WorksheetPart worksheet)
    {
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

    private static (long Rows, long Cells) CountWithXmlReader(WorksheetPart worksheet)
    {
        long rows = 0, cells = 0;
        using var stream = worksheet.GetStream(FileMode.Open, FileAccess.Read);
        var (reader, xml) = SheetXml.Open(stream);
        using (reader)
        {
            while (reader.Read())
            {
                if (xml.IsElement(reader, xml.Row)) rows++;
                else if (xml.IsElement(reader, xml.Cell)) cells++;
            }
        }
        return (rows, cells);
    }
}
