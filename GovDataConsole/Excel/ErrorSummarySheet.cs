using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GovDataConsole.Resources;

namespace GovDataConsole.Excel;

/// <summary>Appends the 错误汇总 sheet (工作表, 行号, 列, 单元格内容, 错误说明) with a frozen header and fitted widths, written streaming.</summary>
internal static class ErrorSummarySheet
{
    private const int MaxCellText = 32_767;

    public static void Add(WorkbookPart workbookPart, IReadOnlyList<CellError> errors, ErrorStyles styles)
    {
        string[] headers =
        [
            UiText.Excel_ErrorSummary_Sheet, UiText.Excel_ErrorSummary_Row, UiText.Excel_ErrorSummary_Column,
            UiText.Excel_ErrorSummary_Value, UiText.Excel_ErrorSummary_Message,
        ];
        var rows = errors.Select(e => new[] { e.Sheet, e.Row.ToString(CultureInfo.InvariantCulture), ColumnLabel(e.Column), e.Value ?? string.Empty, e.Message }).ToList();
        var headerStyle = (uint)styles.HeaderStyle();

        var part = workbookPart.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(part))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteElement(new SheetViews(new SheetView(
                new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
            { WorkbookViewId = 0 }));
            var columns = new Columns();
            for (var c = 0; c < headers.Length; c++)
            {
                var width = ColumnWidths.Fit(rows.Select(r => r[c]).Prepend(headers[c]), max: c == 4 ? 80 : ColumnWidths.DefaultMax);
                columns.Append(new Column { Min = (uint)c + 1, Max = (uint)c + 1, Width = width, CustomWidth = true });
            }
            writer.WriteElement(columns);

            writer.WriteStartElement(new SheetData());
            writer.WriteElement(new Row(headers.Select((h, c) => TextCell(1, c + 1, h, headerStyle))) { RowIndex = 1 });
            for (var i = 0; i < rows.Count; i++)
            {
                var rowNumber = i + 2;
                var row = new Row { RowIndex = (uint)rowNumber };
                for (var c = 0; c < rows[i].Length; c++)
                {
                    row.Append(c == 1
                        ? new Cell { CellReference = CellReference.Format(rowNumber, 2), CellValue = new CellValue(errors[i].Row) }
                        : TextCell(rowNumber, c + 1, rows[i][c], null));
                }
                writer.WriteElement(row);
            }
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        var sheets = workbookPart.Workbook.Sheets ?? workbookPart.Workbook.AppendChild(new Sheets());
        var existing = sheets.Elements<Sheet>().ToList();
        var name = UiText.Excel_ErrorSummarySheet;
        for (var n = 2; existing.Any(s => string.Equals(s.Name?.Value, name, StringComparison.OrdinalIgnoreCase)); n++)
            name = $"{UiText.Excel_ErrorSummarySheet}({n})";
        sheets.Append(new Sheet
        {
            Name = name,
            SheetId = existing.Select(s => s.SheetId?.Value ?? 0).DefaultIfEmpty(0u).Max() + 1,
            Id = workbookPart.GetIdOfPart(part),
        });
    }

    private static string ColumnLabel(int column) =>
        column is >= 1 and <= CellReference.MaxColumn ? CellReference.ColumnName(column) : column.ToString(CultureInfo.InvariantCulture);

    private static Cell TextCell(int row, int column, string text, uint? style) => new()
    {
        CellReference = CellReference.Format(row, column),
        DataType = CellValues.InlineString,
        StyleIndex = style,
        InlineString = new InlineString(new Text(text.Length > MaxCellText ? text[..MaxCellText] : text) { Space = SpaceProcessingModeValues.Preserve }),
    };
}
