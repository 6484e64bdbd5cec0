using DocumentFormat.OpenXml.Packaging;
using GovDataConsole.Resources;

namespace GovDataConsole.Excel;

/// <summary>
/// Builds the error workbook: the user's own file with every bad cell filled red and commented, plus a summary sheet.
/// Uses the OpenXML SDK only (no ClosedXML), so pictures, charts and existing comments survive. Large sheets are
/// rewritten streaming.
/// </summary>
public static class ErrorWorkbookWriter
{
    /// <summary>The fill colour of flagged cells (Excel's light red "bad" fill).</summary>
    public const string ErrorFillArgb = "FFFFC7CE";

    /// <summary>Name of the appended summary sheet (a suffix such as "(2)" is added if the name is taken).</summary>
    public static string SummarySheetName => UiText.Excel_ErrorSummarySheet;

    /// <summary>
    /// Returns a new workbook. Every error is listed in the summary; errors on an existing worksheet and inside Excel's grid
    /// are also marked on the cell (created if missing). Several errors on one cell share one comment.
    /// </summary>
    public static byte[] Create(ReadOnlySpan<byte> originalWorkbook, IReadOnlyList<CellError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        using var buffer = new MemoryStream();
        buffer.Write(originalWorkbook);
        buffer.Position = 0;
        using (var document = SpreadsheetDocument.Open(buffer, true))
        {
            var workbookPart = document.WorkbookPart ?? throw new InvalidDataException("The package has no workbook part.");
            var styles = new ErrorStyles(workbookPart);
            var lastBlock = CommentWriter.MaxShapeBlock(workbookPart);
            foreach (var (part, marks) in MarksBySheet(workbookPart, errors))
            {
                var vmlId = SheetAnnotator.FindLegacyDrawingId(part);
                VmlDrawingPart vml;
                string? idToInsert = null;
                if (vmlId is not null && part.TryGetPartById(vmlId, out var existing) && existing is VmlDrawingPart existingVml)
                {
                    vml = existingVml;
                }
                else
                {
                    vml = part.AddNewPart<VmlDrawingPart>();
                    idToInsert = part.GetIdOfPart(vml);
                }
                SheetAnnotator.Annotate(part, marks, styles, idToInsert);
                lastBlock = CommentWriter.Add(part, vml, marks, UiText.Excel_CommentAuthor, lastBlock);
            }
            ErrorSummarySheet.Add(workbookPart, errors, styles);
            styles.Save();
            workbookPart.Workbook.Save();
        }
        return buffer.ToArray();
    }

    private static IEnumerable<(WorksheetPart Part, List<CellMark> Marks)> MarksBySheet(WorkbookPart workbookPart, IReadOnlyList<CellError> errors)
    {
        var sheets = workbookPart.Workbook.Sheets?.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>() ?? [];
        foreach (var sheet in sheets)
        {
            if (sheet.Id?.Value is not { } id || !workbookPart.TryGetPartById(id, out var part) || part is not WorksheetPart worksheet) continue;
            var marks = errors
                .Where(e => e.Sheet == sheet.Name?.Value && CellReference.IsInSheet(e.Row, e.Column))
                .GroupBy(e => (e.Row, e.Column))
                .OrderBy(g => g.Key.Row).ThenBy(g => g.Key.Column)
                .Select(g => new CellMark(g.Key.Row, g.Key.Column, string.Join("\n", g.Select(e => e.Message).Distinct())))
                .ToList();
            if (marks.Count > 0) yield return (worksheet, marks);
        }
    }
}
