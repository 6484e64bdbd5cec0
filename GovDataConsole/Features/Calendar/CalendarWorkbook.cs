using System.Globalization;
using ClosedXML.Excel;
using GovDataConsole.Calendar;
using GovDataConsole.Excel;
using GovDataConsole.Features.Shared;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Features.Calendar;

/// <summary>
/// The workbook of one year's calendar, which is also the upload template: sheet 工作日历 with a header row, then one
/// day per row — date, kind, name — by position; sheet 填写说明 explains the rules.
/// </summary>
public static class CalendarWorkbook
{
    private const int HeaderRow = 1;
    private const int ValidatedRows = 500;
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy/MM/dd", "yyyyMMdd"];

    public static byte[] Build(int year, IReadOnlyList<CalendarEntry> days)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(T.Calendar_SheetName);
        string[] headers = [T.Calendar_Date, T.Calendar_Kind, T.Calendar_Name];
        for (var c = 0; c < headers.Length; c++)
        {
            var cell = sheet.Cell(HeaderRow, c + 1).WriteText(headers[c]);
            cell.Style.Font.Bold = true;
            cell.Style.Fill.BackgroundColor = XLColor.FromHtml("#E8F0FB");
        }
        var row = HeaderRow + 1;
        foreach (var day in days.OrderBy(d => d.Date))
        {
            sheet.Cell(row, 1).WriteText(CalendarRules.Format(day.Date));
            sheet.Cell(row, 2).WriteText(EnumLabels.Of(day.Kind));
            sheet.Cell(row, 3).WriteText(day.Name);
            row++;
        }
        var kinds = sheet.Range(HeaderRow + 1, 2, HeaderRow + ValidatedRows, 2).SetDataValidation();
        kinds.List("\"" + string.Join(",", EnumLabels.All<DayKind>()) + "\"", true);
        kinds.ErrorMessage = T.Calendar_KindInvalidShort;
        sheet.Column(1).Width = ColumnWidths.Fit([headers[0], "2026-01-01"]);
        sheet.Column(2).Width = ColumnWidths.Fit([headers[1], .. EnumLabels.All<DayKind>()]);
        sheet.Column(3).Width = ColumnWidths.Fit([headers[2], .. days.Select(d => d.Name)], min: 20);
        sheet.SheetView.FreezeRows(HeaderRow);

        var help = workbook.Worksheets.Add(T.Calendar_InstructionSheet);
        string[] lines =
        [
            string.Format(T.Calendar_InstructionTitle, year), T.Calendar_Instruction1, string.Format(T.Calendar_Instruction2, year),
            T.Calendar_Instruction3, string.Format(T.Calendar_Instruction4, CalendarRules.NameMaxLength), T.Calendar_Instruction5,
        ];
        for (var i = 0; i < lines.Length; i++) help.Cell(i + 1, 1).WriteText(lines[i]);
        help.Cell(1, 1).Style.Font.Bold = true;
        help.Column(1).Width = ColumnWidths.Fit(lines, max: 120);

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>Every day of sheet 工作日历, checked row by row against <paramref name="year"/>; errors name their row.</summary>
    public static (IReadOnlyList<CalendarEntry> Days, IReadOnlyList<string> Errors) Read(SheetReader reader, int year)
    {
        var days = new List<CalendarEntry>();
        var errors = new List<string>();
        var rowOfDate = new Dictionary<DateOnly, int>();
        foreach (var row in reader.ReadRows(T.Calendar_SheetName))
        {
            if (row.Number <= HeaderRow || row.Cells.All(c => string.IsNullOrWhiteSpace(c.Text))) continue;
            var rowErrors = new List<string>();
            var date = ReadDate(row.Find(1), reader.Date1904, rowErrors);
            var kindText = row.TextAt(2).Trim();
            DayKind kind = default;
            if (kindText.Length == 0) rowErrors.Add(T.Calendar_KindRequired);
            else if (!EnumLabels.TryParse(kindText, out kind)) rowErrors.Add(string.Format(T.Calendar_KindInvalid, kindText));
            var entry = new CalendarEntry(date ?? default, kind, row.TextAt(3).Trim());

            if (date is not { } d) rowErrors.AddRange(CalendarRules.CheckName(entry.Name));
            else if (d.Year != year)
            {
                rowErrors.Add(string.Format(T.Calendar_WrongYear, CalendarRules.Format(d), year));
                rowErrors.AddRange(CalendarRules.CheckName(entry.Name));
            }
            else
            {
                if (rowOfDate.TryGetValue(d, out var first)) rowErrors.Add(string.Format(T.Calendar_DuplicateDate, CalendarRules.Format(d), first));
                else rowOfDate[d] = row.Number;
                rowErrors.AddRange(CalendarRules.Check(entry));
            }
            if (rowErrors.Count == 0) days.Add(entry);
            else errors.AddRange(rowErrors.Select(e => string.Format(T.Calendar_RowError, row.Number, e)));
        }
        return (days, errors);
    }

    private static DateOnly? ReadDate(SheetCell? cell, bool date1904, List<string> errors)
    {
        var text = cell?.Text.Trim() ?? "";
        if (text.Length == 0)
        {
            errors.Add(T.Calendar_DateRequired);
            return null;
        }
        if (cell!.Value.TryGetDate(date1904, out var dateTime)) return DateOnly.FromDateTime(dateTime);
        if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        errors.Add(string.Format(T.Calendar_DateInvalid, text));
        return null;
    }
}
