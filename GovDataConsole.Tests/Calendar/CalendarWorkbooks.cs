using ClosedXML.Excel;

namespace GovDataConsole.Tests.Calendar;

/// <summary>Workbooks as an admin would fill them in: sheet 工作日历, a header row, then date, kind, name per row.</summary>
public static class CalendarWorkbooks
{
    /// <summary>Cells are written as given: a string as text, a DateTime as a date-formatted date cell.</summary>
    public static byte[] Build(params object[][] rows)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("工作日历");
        sheet.Cell(1, 1).Value = "日期";
        sheet.Cell(1, 2).Value = "类型";
        sheet.Cell(1, 3).Value = "名称";
        for (var r = 0; r < rows.Length; r++)
            for (var c = 0; c < rows[r].Length; c++)
            {
                var cell = sheet.Cell(r + 2, c + 1);
                if (rows[r][c] is DateTime date)
                {
                    cell.Value = date;
                    cell.Style.DateFormat.Format = "yyyy-mm-dd";
                }
                else
                {
                    cell.SetValue((string)rows[r][c]);
                    cell.DataType = XLDataType.Text;
                }
            }
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>The rows of sheet 工作日历 below the header, as text.</summary>
    public static IReadOnlyList<string[]> Rows(byte[] workbook)
    {
        using var book = new XLWorkbook(new MemoryStream(workbook));
        return book.Worksheet("工作日历").RowsUsed().Skip(1)
            .Select(r => new[] { r.Cell(1).GetString(), r.Cell(2).GetString(), r.Cell(3).GetString() }).ToList();
    }
}
