using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GovDataConsole.Excel;

namespace GovDataConsole.Ingest;

/// <summary>
/// Writes the import benchmark's files from <see cref="BenchData"/>: an xlsx laid out like a batch template (hidden code
/// row, label row, data from row 3) streamed with OpenXmlWriter, and a UTF-8 CSV with one header row of item names.
/// </summary>
public static class BenchFiles
{
    public const string SheetName = "数据";

    private const uint DateStyle = 1;
    private const uint DateTimeStyle = 2;

    public static void WriteXlsx(string path, int rows = 100_000, bool sharedStrings = true)
    {
        var columns = BenchData.Columns;
        var strings = sharedStrings ? new Dictionary<string, int>(StringComparer.Ordinal) : null;
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        WriteStyles(workbookPart.AddNewPart<WorkbookStylesPart>());
        var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(sheetPart))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            WriteRow(writer, 1, columns.Select(c => c.Code), strings, hidden: true);
            WriteRow(writer, 2, columns.Select(c => c.Name), strings, hidden: false);
            var cellAttributes = new List<OpenXmlAttribute>(3);
            for (var i = 0; i < rows; i++)
            {
                var rowNumber = i + 3;
                writer.WriteStartElement(new Row(), [new OpenXmlAttribute("r", "", rowNumber.ToString(CultureInfo.InvariantCulture))]);
                for (var c = 0; c < columns.Count; c++)
                {
                    var value = BenchData.Value(i, c);
                    if (value.Length == 0) continue;
                    cellAttributes.Clear();
                    cellAttributes.Add(new OpenXmlAttribute("r", "", CellReference.Format(rowNumber, c + 1)));
                    WriteCell(writer, cellAttributes, value, BenchData.Kinds[c], strings);
                }
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        if (strings is not null) WriteSharedStrings(workbookPart.AddNewPart<SharedStringTablePart>(), strings);
        workbookPart.Workbook = new Workbook(new Sheets(new Sheet { Name = SheetName, SheetId = 1, Id = workbookPart.GetIdOfPart(sheetPart) }));
        workbookPart.Workbook.Save();
    }

    /// <summary>A UTF-8 CSV (with BOM, as Excel saves "CSV UTF-8") with dates as ISO text; notes need quoting.</summary>
    public static void WriteCsv(string path, int rows = 1_000_000)
    {
        var columns = BenchData.Columns;
        using var writer = new StreamWriter(path, false, new UTF8Encoding(true), 1 << 16);
        writer.Write(string.Join(',', columns.Select(c => c.Name)));
        writer.Write("\r\n");
        for (var i = 0; i < rows; i++)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                if (c > 0) writer.Write(',');
                var value = BenchData.Value(i, c);
                if (BenchData.Kinds[c] is BenchData.Kind.Date or BenchData.Kind.DateTime) value = BenchData.IsoText(value);
                if (value.AsSpan().IndexOfAny(",\"\r\n") >= 0) writer.Write($"\"{value.Replace("\"", "\"\"")}\"");
                else writer.Write(value);
            }
            writer.Write("\r\n");
        }
    }

    private static void WriteRow(OpenXmlWriter writer, int number, IEnumerable<string> texts, Dictionary<string, int>? strings, bool hidden)
    {
        List<OpenXmlAttribute> rowAttributes = [new("r", "", number.ToString(CultureInfo.InvariantCulture))];
        if (hidden) rowAttributes.Add(new OpenXmlAttribute("hidden", "", "1"));
        writer.WriteStartElement(new Row(), rowAttributes);
        var column = 0;
        foreach (var text in texts)
            WriteCell(writer, [new OpenXmlAttribute("r", "", CellReference.Format(number, ++column))], text, BenchData.Kind.Text, strings);
        writer.WriteEndElement();
    }

    private static void WriteCell(OpenXmlWriter writer, List<OpenXmlAttribute> attributes, string value, BenchData.Kind kind, Dictionary<string, int>? strings)
    {
        switch (kind)
        {
            case BenchData.Kind.Text when strings is not null:
                if (!strings.TryGetValue(value, out var index)) strings[value] = index = strings.Count;
                attributes.Add(new OpenXmlAttribute("t", "", "s"));
                writer.WriteStartElement(new Cell(), attributes);
                writer.WriteElement(new CellValue(index.ToString(CultureInfo.InvariantCulture)));
                break;
            case BenchData.Kind.Text:
                attributes.Add(new OpenXmlAttribute("t", "", "inlineStr"));
                writer.WriteStartElement(new Cell(), attributes);
                writer.WriteElement(new InlineString(new Text(value) { Space = SpaceProcessingModeValues.Preserve }));
                break;
            default:
                if (kind != BenchData.Kind.Number)
                    attributes.Add(new OpenXmlAttribute("s", "", (kind == BenchData.Kind.Date ? DateStyle : DateTimeStyle).ToString(CultureInfo.InvariantCulture)));
                writer.WriteStartElement(new Cell(), attributes);
                writer.WriteElement(new CellValue(value));
                break;
        }
        writer.WriteEndElement();
    }

    private static void WriteSharedStrings(SharedStringTablePart part, Dictionary<string, int> strings)
    {
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new SharedStringTable(), [new OpenXmlAttribute("count", "", strings.Count.ToString(CultureInfo.InvariantCulture)),
            new OpenXmlAttribute("uniqueCount", "", strings.Count.ToString(CultureInfo.InvariantCulture))]);
        foreach (var text in strings.Keys)
            writer.WriteElement(new SharedStringItem(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        writer.WriteEndElement();
    }

    /// <summary>Cell formats: 0 general, 1 built-in date (14), 2 custom yyyy-mm-dd hh:mm:ss.</summary>
    private static void WriteStyles(WorkbookStylesPart part) => part.Stylesheet = new Stylesheet(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd hh:mm:ss" }) { Count = 1 },
        new Fonts(new Font()) { Count = 1 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellStyleFormats(new CellFormat()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true }) { Count = 3 });
}
