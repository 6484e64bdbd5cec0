using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using GovDataConsole.Excel;

namespace GovDataConsole.Tests.Excel;

public sealed class ErrorWorkbookWriterTests
{
    private const string Sheet = TestWorkbooks.PictureSheet;

    private static readonly CellError[] ThreeBadCells =
    [
        new(Sheet, 2, 2, "12.5", "数值超出允许范围"),
        new(Sheet, 3, 4, null, "必填项不能为空"),
        new(Sheet, 6, 1, null, "多余的数据行"),
    ];

    [Fact]
    public void Annotates_a_workbook_with_a_picture_and_keeps_the_picture_note_and_styles()
    {
        CellError[] errors =
        [
            .. ThreeBadCells,
            new("不存在的表", 2, 1, "x", "工作表不存在"),
            new(Sheet, 2, 20_000, "y", "列超出范围"),
        ];
        var output = ErrorWorkbookWriter.Create(TestWorkbooks.WithPictureCommentsAndStyles(), errors);

        using var document = SpreadsheetDocument.Open(new MemoryStream(output), false);
        var workbookPart = document.WorkbookPart!;
        var sheetPart = WorksheetPart(workbookPart, Sheet);
        var cells = sheetPart.Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
        var formats = workbookPart.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var fills = workbookPart.WorkbookStylesPart.Stylesheet.Fills!.Elements<Fill>().ToList();

        foreach (var reference in new[] { "B2", "D3", "A6" })
        {
            var format = formats[(int)cells[reference].StyleIndex!.Value];
            Assert.True(format.ApplyFill?.Value);
            Assert.Equal(ErrorWorkbookWriter.ErrorFillArgb, fills[(int)format.FillId!.Value].PatternFill!.ForegroundColor!.Rgb!.Value);
        }
        var b2 = formats[(int)cells["B2"].StyleIndex!.Value];
        Assert.Equal((2u, 1u), (b2.NumberFormatId!.Value, b2.FontId!.Value)); // "0.00" and the bold blue font survive
        Assert.Equal("12.5", cells["B2"].CellValue!.Text);
        Assert.Equal(3u, cells["B3"].StyleIndex!.Value); // untouched cells keep their style
        Assert.Equal(1u, cells["C2"].StyleIndex!.Value);

        var comments = sheetPart.WorksheetCommentsPart!.Comments.Descendants<Comment>().ToDictionary(c => c.Reference!.Value!, c => c.InnerText);
        Assert.Equal("填写说明：资源代码必填", comments["A1"]);
        Assert.Equal("数值超出允许范围", comments["B2"]);
        Assert.Equal("必填项不能为空", comments["D3"]);
        Assert.Equal("多余的数据行", comments["A6"]);
        Assert.Equal(4, comments.Count);

        var vml = ReadText(sheetPart.VmlDrawingParts.Single());
        Assert.Equal(4, CountOf(vml, "<v:shape "));
        Assert.Contains("""data="1,2" """.Trim(), vml);
        Assert.Contains("_x0000_s2049", vml);

        var drawing = sheetPart.DrawingsPart!;
        Assert.Single(drawing.ImageParts);
        Assert.Equal("rIdDrawing", sheetPart.GetIdOfPart(drawing));

        Assert.Equal(
        [
            ["工作表", "行号", "列", "单元格内容", "错误说明"],
            [Sheet, "2", "B", "12.5", "数值超出允许范围"],
            [Sheet, "3", "D", "", "必填项不能为空"],
            [Sheet, "6", "A", "", "多余的数据行"],
            ["不存在的表", "2", "A", "x", "工作表不存在"],
            [Sheet, "2", "20000", "y", "列超出范围"],
        ], SummaryRows(output));

        AssertValid(document);
    }

    [Fact]
    public void The_annotated_workbook_passes_the_guard_and_reads_the_same_values()
    {
        var original = TestWorkbooks.WithPictureCommentsAndStyles();
        var output = ErrorWorkbookWriter.Create(original, ThreeBadCells);

        using (var stream = new MemoryStream(output)) Assert.True(new WorkbookGuard().Check(stream).IsAccepted);
        using var before = SheetReader.Open(new MemoryStream(original));
        using var after = SheetReader.Open(new MemoryStream(output));
        Assert.Equal(before.ReadRows(Sheet).Select(r => string.Join("|", r.Cells)), after.ReadRows(Sheet).Select(r => string.Join("|", r.Cells)));
        Assert.Equal([Sheet, ErrorWorkbookWriter.SummarySheetName], after.Sheets.Select(s => s.Name));
    }

    [Fact]
    public void A_sheet_without_comments_gets_a_comments_part_a_vml_drawing_and_a_legacy_drawing_reference()
    {
        var output = ErrorWorkbookWriter.Create(TestWorkbooks.ClosedXmlBasic(), [new("数据", 3, 2, "41.5", "年龄必须为整数")]);

        using var document = SpreadsheetDocument.Open(new MemoryStream(output), false);
        var sheetPart = WorksheetPart(document.WorkbookPart!, "数据");
        var legacy = sheetPart.Worksheet.GetFirstChild<LegacyDrawing>()!;
        var vml = (VmlDrawingPart)sheetPart.GetPartById(legacy.Id!.Value!);
        var shapes = ReadText(vml);
        Assert.Contains("<x:Row>2</x:Row>", shapes);
        Assert.Contains("<x:Column>1</x:Column>", shapes);
        Assert.Contains("_x0000_t202", shapes);
        var comment = sheetPart.WorksheetCommentsPart!.Comments.Descendants<Comment>().Single();
        Assert.Equal(("B3", "年龄必须为整数"), (comment.Reference!.Value, comment.InnerText));
        Assert.Equal("数据治理运营台", sheetPart.WorksheetCommentsPart.Comments.Authors!.Elements<Author>().Single().Text);
        AssertValid(document);
    }

    [Fact]
    public void Several_errors_on_one_cell_share_one_comment_and_a_noted_cell_gets_the_message_appended()
    {
        var output = ErrorWorkbookWriter.Create(TestWorkbooks.WithPictureCommentsAndStyles(),
        [
            new(Sheet, 2, 1, "人口基础信息", "资源名称重复"),
            new(Sheet, 2, 1, "人口基础信息", "资源名称过长"),
            new(Sheet, 1, 1, "资源代码", "表头不符合模板"),
        ]);

        using var document = SpreadsheetDocument.Open(new MemoryStream(output), false);
        var sheetPart = WorksheetPart(document.WorkbookPart!, Sheet);
        var comments = sheetPart.WorksheetCommentsPart!.Comments.Descendants<Comment>().ToDictionary(c => c.Reference!.Value!, c => c.InnerText);
        Assert.Equal("资源名称重复\n资源名称过长", comments["A2"]);
        Assert.Equal("填写说明：资源代码必填\n表头不符合模板", comments["A1"]);
        Assert.Equal(2, comments.Count);
        Assert.Equal(2, CountOf(ReadText(sheetPart.VmlDrawingParts.Single()), "<v:shape "));
        Assert.Equal(4, SummaryRows(output).Count);
        AssertValid(document);
    }

    [Fact]
    public void The_summary_has_a_frozen_header_and_widths_that_count_chinese_double()
    {
        var longMessage = new string('错', 30);
        var output = ErrorWorkbookWriter.Create(TestWorkbooks.ClosedXmlBasic(), [new("数据", 2, 1, "张三", longMessage)]);

        using var document = SpreadsheetDocument.Open(new MemoryStream(output), false);
        var summary = WorksheetPart(document.WorkbookPart!, ErrorWorkbookWriter.SummarySheetName).Worksheet;
        var pane = summary.Descendants<Pane>().Single();
        Assert.Equal((1d, "A2", PaneStateValues.Frozen), (pane.VerticalSplit!.Value, pane.TopLeftCell!.Value!, pane.State!.Value));
        var widths = summary.Descendants<Column>().Select(c => c.Width!.Value).ToList();
        Assert.Equal(ColumnWidths.Fit(["错误说明", longMessage], max: 80), widths[4]);
        Assert.Equal(62, widths[4]);
    }

    [Fact]
    public void A_second_annotation_of_an_error_workbook_adds_a_new_summary_sheet_name()
    {
        var once = ErrorWorkbookWriter.Create(TestWorkbooks.ClosedXmlBasic(), [new("数据", 2, 1, "张三", "第一次")]);
        var twice = ErrorWorkbookWriter.Create(once, [new("数据", 2, 1, "张三", "第二次")]);

        using var reader = SheetReader.Open(new MemoryStream(twice));
        Assert.Equal(["数据", "错误汇总", "错误汇总(2)"], reader.Sheets.Select(s => s.Name));
    }

    [Fact]
    public void Annotates_a_100k_row_sheet_streaming()
    {
        const int rowCount = 100_000;
        var output = ErrorWorkbookWriter.Create(TestWorkbooks.LargeSheet("大表", rowCount),
        [
            new("大表", 1, 2, "行1", "首行错误"),
            new("大表", 50_000, 3, null, "中间缺失单元格"),
            new("大表", rowCount + 1, 1, null, "末尾之后"),
        ]);

        string sheetXml;
        using (var document = SpreadsheetDocument.Open(new MemoryStream(output), false))
            sheetXml = ReadText(WorksheetPart(document.WorkbookPart!, "大表"));
        Assert.Matches("""<x:c r="B1" s="\d+" t="inlineStr">""", sheetXml);
        Assert.Matches("""<x:c r="B50000" t="inlineStr"><x:is><x:t>行50000</x:t></x:is></x:c><x:c r="C50000" s="\d+" /><x:c r="E50000">""", sheetXml);
        Assert.Matches($"""<x:row r="{rowCount + 1}"><x:c r="A{rowCount + 1}" s="\d+" /></x:row></x:sheetData>""", sheetXml);

        using var reader = SheetReader.Open(new MemoryStream(output));
        Assert.Equal(rowCount, reader.ReadRows("大表").Count());
    }

    private static WorksheetPart WorksheetPart(WorkbookPart workbookPart, string name) =>
        (WorksheetPart)workbookPart.GetPartById(workbookPart.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single(s => s.Name == name).Id!.Value!);

    private static List<string[]> SummaryRows(byte[] workbook)
    {
        using var reader = SheetReader.Open(new MemoryStream(workbook));
        return reader.ReadRows(ErrorWorkbookWriter.SummarySheetName)
            .Select(r => Enumerable.Range(1, 5).Select(r.TextAt).ToArray()).ToList();
    }

    private static void AssertValid(SpreadsheetDocument document)
    {
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    private static string ReadText(OpenXmlPart part)
    {
        using var reader = new StreamReader(part.GetStream());
        return reader.ReadToEnd();
    }

    private static int CountOf(string text, string value) => (text.Length - text.Replace(value, "").Length) / value.Length;
}
