using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace GovDataConsole.Excel;

/// <summary>
/// Streaming (SAX) reader of an .xlsx through the OpenXML SDK: lists sheets, yields rows one at a time, reports merged
/// ranges. Works on workbooks with pictures, comments and charts. Check uploads with <see cref="WorkbookGuard"/> first.
/// </summary>
public sealed class SheetReader : IDisposable
{
    private readonly SpreadsheetDocument _document;
    private readonly WorkbookPart _workbookPart;
    private readonly Dictionary<string, string> _relationshipIds = new(StringComparer.Ordinal);
    private List<string>? _sharedStrings;
    private bool[]? _dateStyles;

    private SheetReader(SpreadsheetDocument document)
    {
        _document = document;
        _workbookPart = document.WorkbookPart ?? throw new InvalidDataException("The package has no workbook part.");
        var workbook = _workbookPart.Workbook;
        Date1904 = workbook.WorkbookProperties?.Date1904?.Value ?? false;
        var sheets = new List<SheetInfo>();
        foreach (var sheet in workbook.Sheets?.Elements<Sheet>() ?? [])
        {
            var name = sheet.Name?.Value ?? string.Empty;
            var id = sheet.Id?.Value ?? string.Empty;
            _relationshipIds[name] = id;
            var visibility = sheet.State?.Value switch
            {
                SheetStateValues.Hidden => SheetVisibility.Hidden,
                SheetStateValues.VeryHidden => SheetVisibility.VeryHidden,
                _ => SheetVisibility.Visible,
            };
            var isWorksheet = _workbookPart.TryGetPartById(id, out var part) && part is WorksheetPart;
            sheets.Add(new SheetInfo(sheets.Count + 1, name, visibility, isWorksheet));
        }
        Sheets = sheets;
    }

    /// <summary>Opens a workbook read-only from a seekable stream (left open).</summary>
    public static SheetReader Open(Stream workbook) => new(SpreadsheetDocument.Open(workbook, false));

    public static SheetReader Open(string path) => new(SpreadsheetDocument.Open(path, false));

    public IReadOnlyList<SheetInfo> Sheets { get; }

    /// <summary>Whether date serials count from 1904 (pass to <see cref="SheetCell.TryGetDate"/>).</summary>
    public bool Date1904 { get; }

    /// <summary>
    /// Yields the rows of a worksheet that hold at least one value or formula, in file order, without loading the sheet.
    /// Cells missing from the file are simply absent; columns come from the cell references.
    /// </summary>
    public IEnumerable<SheetRow> ReadRows(string sheetName)
    {
        var part = Worksheet(sheetName);
        _sharedStrings ??= WorkbookTables.LoadSharedStrings(_workbookPart.SharedStringTablePart);
        _dateStyles ??= WorkbookTables.LoadDateStyles(_workbookPart.WorkbookStylesPart);
        return ReadRows(part, _sharedStrings, _dateStyles);
    }

    /// <summary>Merged ranges of a worksheet (one pass that skips over the cell data).</summary>
    public IReadOnlyList<CellRange> ReadMergedRanges(string sheetName)
    {
        var ranges = new List<CellRange>();
        using var reader = OpenXmlReader.Create(Worksheet(sheetName));
        while (reader.Read())
        {
            if (!reader.IsStartElement) continue;
            if (reader.ElementType == typeof(SheetData)) reader.Skip();
            else if (reader.ElementType == typeof(MergeCell) && CellRange.TryParse(WorkbookTables.Attribute(reader, "ref"), out var range))
                ranges.Add(range);
        }
        return ranges;
    }

    public void Dispose() => _document.Dispose();

    private WorksheetPart Worksheet(string sheetName)
    {
        if (!_relationshipIds.TryGetValue(sheetName, out var id))
            throw new ArgumentException($"No sheet named '{sheetName}'.", nameof(sheetName));
        return _workbookPart.TryGetPartById(id, out var part) && part is WorksheetPart worksheet
            ? worksheet
            : throw new ArgumentException($"Sheet '{sheetName}' is not a worksheet.", nameof(sheetName));
    }

    private static IEnumerable<SheetRow> ReadRows(WorksheetPart part, List<string> sharedStrings, bool[] dateStyles)
    {
        using var reader = OpenXmlReader.Create(part);
        var rowNumber = 0;
        var lastColumn = 0;
        List<SheetCell>? cells = null;
        while (reader.Read())
        {
            var type = reader.ElementType;
            if (type == typeof(Row))
            {
                if (reader.IsStartElement)
                {
                    rowNumber = int.TryParse(WorkbookTables.Attribute(reader, "r"), out var r) ? r : rowNumber + 1;
                    lastColumn = 0;
                    cells = null;
                }
                else if (cells is not null)
                {
                    yield return new SheetRow(rowNumber, cells);
                }
            }
            else if (type == typeof(Cell) && reader.IsStartElement)
            {
                if (ReadCell(reader, ref lastColumn, sharedStrings, dateStyles) is { } cell)
                    (cells ??= []).Add(cell);
            }
            else if (type == typeof(SheetData) && reader.IsEndElement)
            {
                yield break;
            }
        }
    }

    private static SheetCell? ReadCell(OpenXmlReader reader, ref int lastColumn, List<string> sharedStrings, bool[] dateStyles)
    {
        string? reference = null, dataType = null, style = null;
        foreach (var attribute in reader.Attributes)
        {
            if (attribute.NamespaceUri.Length != 0) continue;
            switch (attribute.LocalName)
            {
                case "r": reference = attribute.Value; break;
                case "t": dataType = attribute.Value; break;
                case "s": style = attribute.Value; break;
            }
        }
        var column = reference is not null && CellReference.TryParse(reference, out _, out var c) ? c : lastColumn + 1;
        lastColumn = column;

        var depth = reader.Depth;
        string? value = null;
        var isFormula = false;
        while (reader.Read() && reader.Depth > depth)
        {
            if (!reader.IsStartElement) continue;
            if (reader.ElementType == typeof(CellValue)) value = reader.GetText();
            else if (reader.ElementType == typeof(CellFormula)) isFormula = true;
            else if (reader.ElementType == typeof(InlineString)) value = RichText.Read(reader);
        }

        if (value is null)
            return isFormula ? new SheetCell(column, CellKind.Blank, string.Empty, true, false) : null;

        var styleIndex = int.TryParse(style, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
        var isDate = styleIndex < dateStyles.Length && dateStyles[styleIndex];
        return dataType switch
        {
            "s" => new SheetCell(column, CellKind.Text, SharedString(sharedStrings, value), isFormula, isDate),
            "inlineStr" or "str" => new SheetCell(column, CellKind.Text, value, isFormula, isDate),
            "b" => new SheetCell(column, CellKind.Boolean, value is "1" or "true" ? "TRUE" : "FALSE", isFormula, isDate),
            "e" => new SheetCell(column, CellKind.Error, value, isFormula, isDate),
            "d" => new SheetCell(column, CellKind.IsoDate, value, isFormula, isDate),
            _ => new SheetCell(column, CellKind.Number, NormalizeNumber(value), isFormula, isDate),
        };
    }

    private static string SharedString(List<string> sharedStrings, string index) =>
        int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < sharedStrings.Count
            ? sharedStrings[i]
            : string.Empty;

    private static string NormalizeNumber(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number.ToString(CultureInfo.InvariantCulture)
            : value;
}
