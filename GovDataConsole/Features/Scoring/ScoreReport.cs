using ClosedXML.Excel;
using GovDataConsole.Excel;
using GovDataConsole.Features.Audit;
using GovDataConsole.Features.Catalog.Inventory;
using GovDataConsole.Features.Shared;
using GovDataConsole.Scoring;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Features.Scoring;

/// <summary>
/// Formatted score reports (ClosedXML): the ranking of a sheet, and a department's breakdown with the rows behind each
/// indicator. Each has a title, the period, version, model version, generation time and the signature lines; each export is audited.
/// The service does the permission checks.
/// </summary>
public sealed class ScoreReport(ScoreService scores, AuditLog audit, TimeProvider clock)
{
    private const int FirstRow = 1;

    public async Task<WorkbookFile> RankingAsync(int sheetId, CancellationToken ct)
    {
        var ranking = await scores.RankingAsync(sheetId, ct);
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(T.Scoring_RankingSheet);
        string[] headers = [T.Scoring_Rank, T.Catalog_Department, T.Scoring_Total, T.Scoring_Grade, string.Format(T.Scoring_ChangeFrom, ranking.PreviousPeriodKey)];
        var row = Heading(sheet, string.Format(T.Scoring_RankingTitle, ranking.Sheet.PeriodKey), ranking.Sheet, headers.Length);
        var rows = ranking.Rows.Select(r => new[]
        {
            r.Rank.ToString(), r.DepartmentName, IndicatorTexts.Number(r.Total), EnumLabels.Of(r.Grade), r.Change is { } c ? IndicatorTexts.Signed(c) : "—",
        }).ToList();
        row = Table(sheet, row, headers, rows);
        row = Table(sheet, row + 1, [T.Scoring_RedList, T.Catalog_Department, T.Scoring_Total],
            ranking.RedList.Select(r => new[] { r.Rank.ToString(), r.DepartmentName, IndicatorTexts.Number(r.Total) }).ToList());
        row = Table(sheet, row + 1, [T.Scoring_BlackList, T.Catalog_Department, T.Scoring_Total],
            ranking.BlackList.Select(r => new[] { r.Rank.ToString(), r.DepartmentName, IndicatorTexts.Number(r.Total) }).ToList());
        Signatures(sheet, row + 1);
        Widths(sheet, [headers, .. rows], [8, 30, 10, 10, 14]);
        await audit.WriteAsync(AuditActions.ScoringCategory, AuditActions.ScoreExported, $"{ranking.Sheet.PeriodKey} v{ranking.Sheet.Version}", T.Scoring_RankingSheet, ct);
        return new WorkbookFile(string.Format(T.Scoring_RankingFileName, ranking.Sheet.PeriodKey, ranking.Sheet.Version), TemplateSheet.Save(workbook));
    }

    public async Task<WorkbookFile> BreakdownAsync(int sheetId, int departmentId, CancellationToken ct)
    {
        var b = await scores.BreakdownAsync(sheetId, departmentId, ct);
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(T.Scoring_BreakdownSheet);
        string[] headers = [T.Scoring_Indicator, T.Scoring_Formula, T.Scoring_Weight, T.Scoring_Value, T.Scoring_Points, T.Scoring_Inputs];
        var row = Heading(sheet, string.Format(T.Scoring_BreakdownTitle, b.DepartmentName, b.Sheet.PeriodKey), b.Sheet, headers.Length);
        var lines = b.Indicators.Select(i => new[]
        {
            EnumLabels.Of(i.Indicator), IndicatorTexts.Formula(i.Indicator, b.Model), i.Weight == 0 ? "—" : IndicatorTexts.Number(i.Weight),
            IndicatorTexts.Number(i.Value), IndicatorTexts.Signed(i.Points), IndicatorTexts.Inputs(i),
        }).ToList();
        lines.Add([T.Scoring_Total, "", "", "", IndicatorTexts.Number(b.Total),
            $"{EnumLabels.Of(b.Grade)}{(b.Rank is { } rank ? " · " + string.Format(T.Scoring_RankValue, rank) : "")}"]);
        row = Table(sheet, row, headers, lines);
        sheet.Range(row - lines.Count, 2, row - 1, 2).Style.Alignment.WrapText = true;
        sheet.Range(row - 1, 1, row - 1, headers.Length).Style.Font.Bold = true;
        Signatures(sheet, row + 1);
        Widths(sheet, [headers], [16, 60, 8, 10, 10, 36]);

        var details = workbook.Worksheets.Add(T.Scoring_DetailSheet);
        string[] detailHeaders = [T.Scoring_Indicator, T.Scoring_Source, T.Scoring_SourceId, T.Scoring_Detail];
        var detailRows = Details(b).ToList();
        Table(details, FirstRow, detailHeaders, detailRows);
        details.SheetView.FreezeRows(FirstRow);
        Widths(details, [detailHeaders, .. detailRows], [16, 30, 14, 60]);

        await audit.WriteAsync(AuditActions.ScoringCategory, AuditActions.ScoreExported, $"{b.Sheet.PeriodKey} v{b.Sheet.Version} #{departmentId}",
            T.Scoring_BreakdownSheet, ct);
        return new WorkbookFile(string.Format(T.Scoring_BreakdownFileName, b.DepartmentName, b.Sheet.PeriodKey, b.Sheet.Version), TemplateSheet.Save(workbook));
    }

    /// <summary>One line per run, task, order, recurrence and manual item behind the breakdown.</summary>
    public static IEnumerable<string[]> Details(Breakdown b)
    {
        foreach (var i in b.Indicators)
        {
            var label = EnumLabels.Of(i.Indicator);
            switch (i.Indicator)
            {
                case ScoreIndicator.DataQuality:
                    foreach (var r in i.Inputs.Runs ?? [])
                        yield return [label, r.ResourceName, $"#{r.RunId}", string.Format(T.Scoring_RunDetail, IndicatorTexts.Number(r.Score), r.Rows, ChinaTime.Format(r.FinishedUtc))];
                    break;
                case ScoreIndicator.CollectionTimeliness:
                    foreach (var t in i.Inputs.Tasks ?? [])
                        yield return [T.Scoring_CollectionTasks, t.ResourceName, t.PeriodKey, $"{EnumLabels.Of(t.Status)} · {string.Format(T.Scoring_DueOn, t.DueDate.ToString("yyyy-MM-dd"))}"];
                    break;
                case ScoreIndicator.RectificationCompletion:
                    foreach (var o in b.Orders)
                        yield return [T.Scoring_Orders, $"{o.Title}（{o.ResourceName}）", o.Number, OrderText(o)];
                    break;
                case ScoreIndicator.Recurrence:
                    foreach (var r in i.Inputs.Recurrences ?? [])
                        yield return [label, $"{r.ResourceName} · {r.RuleName}", $"#{r.RunId}", string.Format(T.Scoring_RecurrenceDetail, r.OrderId, ChinaTime.Format(r.OrderClosedUtc), r.RunId)];
                    break;
                case ScoreIndicator.Manual:
                    foreach (var a in i.Inputs.Adjustments ?? [])
                        yield return [label, IndicatorTexts.Signed(a.Points), $"#{a.AdjustmentId}", $"{a.Reason}（{a.CreatedBy}）"];
                    break;
            }
        }
    }

    private static string OrderText(OrderLine o) =>
        $"{EnumLabels.Of(o.Status)} · {string.Format(T.Scoring_DueOn, o.DueDate?.ToString("yyyy-MM-dd") ?? "—")}{(o.ClosedUtc is { } c ? " · " + string.Format(T.Scoring_ClosedOn, ChinaTime.Format(c)) : "")}";

    /// <summary>Title (merged, large) and the period / version / model / generated line; returns the next free row.</summary>
    private int Heading(IXLWorksheet sheet, string title, SheetRow s, int columns)
    {
        var titleRange = sheet.Range(FirstRow, 1, FirstRow, columns).Merge();
        titleRange.FirstCell().WriteText(title);
        titleRange.Style.Font.SetBold().Font.SetFontSize(16).Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);
        var info = sheet.Range(FirstRow + 1, 1, FirstRow + 1, columns).Merge();
        info.FirstCell().WriteText(string.Format(T.Scoring_ReportInfo, s.PeriodKey, s.Version, EnumLabels.Of(s.Status), s.ModelVersion,
            ChinaTime.Format(clock.GetUtcNow().UtcDateTime)));
        info.Style.Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center);
        return FirstRow + 3;
    }

    /// <summary>A bordered table with a filled bold header; returns the row after it.</summary>
    private static int Table(IXLWorksheet sheet, int row, IReadOnlyList<string> headers, IReadOnlyList<string[]> rows)
    {
        for (var c = 0; c < headers.Count; c++)
        {
            var cell = sheet.Cell(row, c + 1).WriteText(headers[c]);
            cell.Style.Font.Bold = true;
            cell.Style.Fill.BackgroundColor = TemplateSheet.HeaderFill;
        }
        for (var r = 0; r < rows.Count; r++)
            for (var c = 0; c < rows[r].Length; c++)
                sheet.Cell(row + 1 + r, c + 1).WriteText(rows[r][c]);
        var range = sheet.Range(row, 1, row + rows.Count, headers.Count);
        range.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        range.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
        range.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        return row + rows.Count + 1;
    }

    private static void Signatures(IXLWorksheet sheet, int row)
    {
        sheet.Cell(row + 1, 1).WriteText(T.Scoring_SignPreparer);
        sheet.Cell(row + 1, 3).WriteText(T.Scoring_SignReviewer);
        sheet.Cell(row + 1, 5).WriteText(T.Scoring_SignDate);
    }

    private static void Widths(IXLWorksheet sheet, IReadOnlyList<string[]> rows, double[] minimums)
    {
        for (var c = 0; c < minimums.Length; c++)
            sheet.Column(c + 1).Width = ColumnWidths.Fit(rows.Select(r => c < r.Length ? r[c] : null), minimums[c]);
    }
}
