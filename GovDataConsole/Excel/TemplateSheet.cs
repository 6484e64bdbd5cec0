using ClosedXML.Excel;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Excel;

/// <summary>A column of a fill-in template: stable code (hidden row 1), Chinese label, required mark, help, optional dropdown.</summary>
public sealed record TemplateColumn(string Code, string Label, bool Required, string Help, IXLRange? Choices = null);

/// <summary>
/// The layout every fill-in workbook shares (inventory and batch templates): hidden code row, marked headers with help
/// comments, text-formatted data cells, dropdowns, frozen header, widths measured from content (CJK counts double).
/// </summary>
public static class TemplateSheet
{
    public const int CodeRow = 1;
    public const int HeaderRow = 2;
    public const int FirstDataRow = 3;
    private const int ValidatedRows = 2000;
    private static readonly XLColor RequiredFill = XLColor.FromHtml("#FDECEA");
    public static readonly XLColor HeaderFill = XLColor.FromHtml("#E8F0FB");

    public static void Write(IXLWorksheet sheet, IReadOnlyList<TemplateColumn> columns, IEnumerable<string?[]> rows)
    {
        var rowNumber = FirstDataRow;
        var widths = columns.Select(c => new List<string?> { c.Label + " *" }).ToArray();
        foreach (var cells in rows)
        {
            for (var c = 0; c < cells.Length; c++)
            {
                sheet.Cell(rowNumber, c + 1).WriteText(cells[c]);
                widths[c].Add(cells[c]);
            }
            rowNumber++;
        }

        for (var c = 0; c < columns.Count; c++)
        {
            var column = columns[c];
            sheet.Cell(CodeRow, c + 1).WriteText(column.Code);
            var header = sheet.Cell(HeaderRow, c + 1);
            header.WriteText(column.Required ? column.Label + " *" : column.Label);
            header.Style.Font.Bold = true;
            header.Style.Fill.BackgroundColor = column.Required ? RequiredFill : HeaderFill;
            if (column.Required) header.Style.Font.FontColor = XLColor.FromHtml("#B71C1C");
            header.Comment.AddText(column.Help);
            sheet.Column(c + 1).Width = ColumnWidths.Fit(widths[c]);
            var data = sheet.Range(FirstDataRow, c + 1, rowNumber + ValidatedRows, c + 1);
            data.Style.NumberFormat.Format = "@";
            if (column.Choices is { } choices)
            {
                var validation = data.SetDataValidation();
                validation.List(choices, true);
                validation.ErrorTitle = T.Inventory_InvalidChoiceTitle;
                validation.ErrorMessage = string.Format(T.Inventory_InvalidChoice, column.Label);
            }
        }
        sheet.Row(CodeRow).Hide();
        sheet.SheetView.FreezeRows(HeaderRow);
    }

    /// <summary>Writes one list of allowed values as a column of a lists sheet and returns its range (null when empty).</summary>
    public static IXLRange? WriteList(IXLWorksheet sheet, int column, string title, IReadOnlyList<string> values)
    {
        var header = sheet.Cell(1, column).WriteText(title);
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = HeaderFill;
        for (var r = 0; r < values.Count; r++) sheet.Cell(r + 2, column).WriteText(values[r]);
        sheet.Column(column).Width = ColumnWidths.Fit(values.Append(title));
        sheet.SheetView.FreezeRows(1);
        return values.Count == 0 ? null : sheet.Range(2, column, values.Count + 1, column);
    }

    /// <summary>The 填写说明 sheet: a title, an introduction, and one line per column of each data sheet.</summary>
    public static void WriteInstructions(IXLWorksheet sheet, string title, string intro, IEnumerable<(string Sheet, TemplateColumn Column)> columns)
    {
        string[] headers = [T.Inventory_HelpSheet, T.Inventory_HelpColumn, T.Inventory_HelpCode, T.Catalog_ItemRequired, T.Inventory_HelpText];
        sheet.Cell(1, 1).WriteText(title).Style.Font.SetBold().Font.SetFontSize(14);
        sheet.Cell(2, 1).WriteText(intro);
        for (var c = 0; c < headers.Length; c++)
        {
            var cell = sheet.Cell(4, c + 1).WriteText(headers[c]);
            cell.Style.Font.Bold = true;
            cell.Style.Fill.BackgroundColor = HeaderFill;
        }
        var row = 5;
        foreach (var (sheetName, column) in columns)
        {
            sheet.Cell(row, 1).WriteText(sheetName);
            sheet.Cell(row, 2).WriteText(column.Label);
            sheet.Cell(row, 3).WriteText(column.Code);
            sheet.Cell(row, 4).WriteText(column.Required ? T.Common_Yes : T.Common_No);
            sheet.Cell(row, 5).WriteText(column.Help);
            row++;
        }
        double[] widths = [12, 20, 20, 8, 90];
        for (var c = 0; c < widths.Length; c++) sheet.Column(c + 1).Width = widths[c];
        sheet.Column(5).Style.Alignment.WrapText = true;
    }

    public static byte[] Save(XLWorkbook workbook)
    {
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }
}
