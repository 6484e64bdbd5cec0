using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace GovDataConsole.Excel;

/// <summary>Workbook-wide lookups loaded once, streaming: the shared-string table and which cell styles are dates.</summary>
internal static class WorkbookTables
{
    public static List<string> LoadSharedStrings(SharedStringTablePart? part)
    {
        var strings = new List<string>();
        if (part is null) return strings;
        using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        var (reader, xml) = SheetXml.Open(stream);
        using (reader)
        {
            var item = reader.NameTable.Add("si");
            while (!reader.EOF)
            {
                if (xml.IsElement(reader, item)) strings.Add(xml.ReadRichText(reader));
                else reader.Read();
            }
        }
        return strings;
    }

    /// <summary>For each cellXfs index: whether its number format is a date/time format.</summary>
    public static bool[] LoadDateStyles(WorkbookStylesPart? part)
    {
        if (part is null) return [];
        var customCodes = new Dictionary<int, string>();
        var styleFormatIds = new List<int>();
        var inCellFormats = false;
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            var type = reader.ElementType;
            if (type == typeof(CellFormats))
            {
                inCellFormats = reader.IsStartElement;
            }
            else if (reader.IsStartElement && type == typeof(NumberingFormat))
            {
                if (int.TryParse(Attribute(reader, "numFmtId"), out var id))
                    customCodes[id] = Attribute(reader, "formatCode") ?? string.Empty;
            }
            else if (inCellFormats && reader.IsStartElement && type == typeof(CellFormat))
            {
                styleFormatIds.Add(int.TryParse(Attribute(reader, "numFmtId"), out var id) ? id : 0);
            }
        }
        return styleFormatIds.Select(id => NumberFormats.IsDate(id, customCodes.GetValueOrDefault(id))).ToArray();
    }

    public static string? Attribute(OpenXmlReader reader, string localName)
    {
        foreach (var attribute in reader.Attributes)
            if (attribute.LocalName == localName && attribute.NamespaceUri.Length == 0) return attribute.Value;
        return null;
    }
}
