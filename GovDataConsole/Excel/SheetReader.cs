using System.Globalization;
using System.Xml;
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
        using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        var (reader, xml) = SheetXml.Open(stream);
        using (reader)
        {
            while (reader.Read() && !xml.IsElement(reader, xml.SheetData))
            {
            }
            if (reader.EOF || reader.IsEmptyElement) yield break;
            var depth = reader.Depth;
            var rowNumber = 0;
            var width = 4;
            reader.Read();
            while (reader.Depth > depth)
            {
                if (!xml.IsElement(reader, xml.Row))
                {
                    if (!reader.Read()) yield break;
                    continue;
                }
                rowNumber = int.TryParse(SheetXml.Attribute(reader, xml.Reference), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : rowNumber + 1;
                var cells = ReadCells(reader, xml, sharedStrings, dateStyles, width);
                if (cells is null) continue;
                width = cells.Count;
                yield return new SheetRow(rowNumber, cells);
            }
        }
    }

    /// <summary>The cells of the row the reader is on, or null when none has a value or formula; returns past the row.</summary>
    private static List<SheetCell>? ReadCells(XmlReader reader, SheetXml xml, List<string> sharedStrings, bool[] dateStyles, int width)
    {
        List<SheetCell>? cells = null;
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return cells;
        }
        var depth = reader.Depth;
        var lastColumn = 0;
        reader.Read();
        while (reader.Depth > depth)
        {
            if (xml.IsElement(reader, xml.Cell))
            {
                if (ReadCell(reader, xml, ref lastColumn, sharedStrings, dateStyles) is { } cell) (cells ??= new List<SheetCell>(width)).Add(cell);
            }
            else if (!reader.Read())
            {
                break;
            }
        }
        reader.Read();
        return cells;
    }

    /// <summary>Reads the cell the reader is on and returns past it.</summary>
    private static SheetCell? ReadCell(XmlReader reader, SheetXml xml, ref int lastColumn, List<string> sharedStrings, bool[] dateStyles)
    {
        string? reference = null, dataType = null, style = null;
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                if (reader.NamespaceURI.Length != 0) continue;
                var name = reader.LocalName;
                if (ReferenceEquals(name, xml.Reference)) reference = reader.Value;
                else if (ReferenceEquals(name, xml.Type)) dataType = reader.Value;
                else if (ReferenceEquals(name, xml.Style)) style = reader.Value;
            } while (reader.MoveToNextAttribute());
            reader.MoveToElement();
        }
        var column = reference is not null && CellReference.TryParse(reference, out _, out var c) ? c : lastColumn + 1;
        lastColumn = column;

        string? value = null;
        var isFormula = false;
        if (reader.IsEmptyElement)
        {
            reader.Read();
        }
        else
        {
            var depth = reader.Depth;
            reader.Read();
            while (reader.Depth > depth)
            {
                if (xml.IsElement(reader, xml.Value)) value = reader.ReadElementContentAsString();
                else if (xml.IsElement(reader, xml.InlineString)) value = xml.ReadRichText(reader);
                else if (xml.IsElement(reader, xml.Formula))
                {
                    isFormula = true;
                    reader.Skip();
                }
                else if (!reader.Read()) break;
            }
            reader.Read();
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
        IsShortestForm(value) ? value
        : double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number.ToString(CultureInfo.InvariantCulture)
        : value;

    /// <summary>
    /// Whether <paramref name="value"/> is already what double.ToString gives for it (plain digits, at most 15 of them, no
    /// redundant zeros, not small enough for exponent form), which spares parsing and formatting most stored numbers.
    /// </summary>
    private static bool IsShortestForm(ReadOnlySpan<char> value)
    {
        var i = value.Length > 1 && value[0] == '-' ? 1 : 0;
        var start = i;
        while (i < value.Length && char.IsAsciiDigit(value[i])) i++;
        var integerDigits = i - start;
        if (integerDigits == 0 || (integerDigits > 1 && value[start] == '0')) return false;
        if (i == value.Length) return integerDigits <= 15 && value is not "-0";
        if (value[i] != '.' || value[^1] == '0') return false;
        var fraction = value[(i + 1)..];
        if (fraction.IsEmpty || fraction.ContainsAnyExceptInRange('0', '9')) return false;
        if (value[start] == '0' && fraction.IndexOfAnyExcept('0') > 3) return false; // 0.00001 prints as 1E-05
        return integerDigits + fraction.Length <= 15;
    }
}
