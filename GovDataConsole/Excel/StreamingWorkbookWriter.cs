using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace GovDataConsole.Excel;

/// <summary>
/// Writes large exports row by row with the OpenXML SAX writer, so memory does not grow with the row count. Every cell is
/// an inline string (never a formula, whatever it starts with); header rows are bold with a frozen first row.
/// </summary>
public sealed class StreamingWorkbookWriter : IDisposable
{
    private const uint BoldStyle = 1;
    private readonly SpreadsheetDocument document;
    private readonly Sheets sheets;
    private OpenXmlWriter? writer;
    private int rowNumber;

    private StreamingWorkbookWriter(Stream output)
    {
        document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        sheets = workbook.Workbook.AppendChild(new Sheets());
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font(), new Font(new Bold())),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
            new Borders(new Border()),
            new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }));
    }

    public static StreamingWorkbookWriter Create(Stream output) => new(output);

    /// <summary>Starts a sheet with its header row; widths are in Excel characters (see <see cref="ColumnWidths"/>).</summary>
    public void BeginSheet(string name, IReadOnlyList<string> header, IReadOnlyList<double> widths)
    {
        EndSheet();
        var part = document.WorkbookPart!.AddNewPart<WorksheetPart>();
        sheets.Append(new Sheet { Id = document.WorkbookPart.GetIdOfPart(part), SheetId = (uint)sheets.Count() + 1, Name = name });
        writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        writer.WriteStartElement(new SheetViews());
        writer.WriteStartElement(new SheetView { WorkbookViewId = 0 });
        writer.WriteElement(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteStartElement(new Columns());
        for (var i = 0; i < widths.Count; i++)
            writer.WriteElement(new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = widths[i], CustomWidth = true });
        writer.WriteEndElement();
        writer.WriteStartElement(new SheetData());
        rowNumber = 0;
        WriteRow(header, bold: true);
    }

    public void WriteRow(IReadOnlyList<string?> cells, bool bold = false)
    {
        if (writer is null) throw new InvalidOperationException("BeginSheet first.");
        rowNumber++;
        writer.WriteStartElement(new Row { RowIndex = (uint)rowNumber });
        for (var c = 0; c < cells.Count; c++)
        {
            if (string.IsNullOrEmpty(cells[c])) continue;
            var cell = new Cell { CellReference = CellReference.Format(rowNumber, c + 1), DataType = CellValues.InlineString };
            if (bold) cell.StyleIndex = BoldStyle;
            writer.WriteStartElement(cell);
            writer.WriteElement(new InlineString(new Text(cells[c]!) { Space = SpaceProcessingModeValues.Preserve }));
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
    }

    private void EndSheet()
    {
        if (writer is null) return;
        writer.WriteEndElement(); // sheetData
        writer.WriteEndElement(); // worksheet
        writer.Close();
        writer = null;
    }

    public void Dispose()
    {
        EndSheet();
        document.Dispose();
    }
}
