using ClosedXML.Excel;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Excel;

/// <summary>A workbook that lists cell errors, for uploads that were not workbooks themselves (CSV).</summary>
public static class ErrorList
{
    public static byte[] Build(IReadOnlyList<CellError> errors)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(T.Excel_ErrorSummarySheet);
        string[] headers = [T.Excel_ErrorSummary_Row, T.Excel_ErrorSummary_Column, T.Excel_ErrorSummary_Value, T.Excel_ErrorSummary_Message];
        for (var c = 0; c < headers.Length; c++) sheet.Cell(1, c + 1).WriteText(headers[c]).Style.Font.SetBold();
        for (var r = 0; r < errors.Count; r++)
        {
            var e = errors[r];
            sheet.Cell(r + 2, 1).SetValue(e.Row);
            sheet.Cell(r + 2, 2).WriteText(e.Column > 0 ? CellReference.ColumnName(e.Column) : "");
            sheet.Cell(r + 2, 3).WriteText(e.Value);
            sheet.Cell(r + 2, 4).WriteText(e.Message);
        }
        sheet.Column(1).Width = 8;
        sheet.Column(2).Width = 6;
        sheet.Column(3).Width = ColumnWidths.Fit(errors.Take(1000).Select(e => e.Value));
        sheet.Column(4).Width = ColumnWidths.Fit(errors.Take(1000).Select(e => e.Message));
        sheet.SheetView.FreezeRows(1);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }
}
