using ClosedXML.Excel;
using GovDataConsole.Excel;
using GovDataConsole.Ingest;
using GovDataConsole.Tests.Excel;

namespace GovDataConsole.Tests.Ingest;

public sealed class XlsxRowSourceTests
{
    private static List<SourceRow> Rows(byte[] workbook, string? sheet = null)
    {
        using var source = XlsxRowSource.Open(new MemoryStream(workbook));
        return source.ReadRows(sheet).ToList();
    }

    [Fact]
    public void Cells_keep_their_text_and_date_formatted_numbers_read_as_ISO_with_the_serial_kept()
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("数据");
        BatchWorkbooks.Put(sheet.Cell(1, 1), "张三");
        BatchWorkbooks.Put(sheet.Cell(1, 2), "0571");
        sheet.Cell(1, 3).Value = 36;
        sheet.Cell(1, 4).Value = 1234.5;
        sheet.Cell(1, 5).Value = new DateTime(1990, 5, 17);
        sheet.Cell(1, 6).Value = new DateTime(2026, 11, 27, 14, 30, 15);
        sheet.Cell(1, 6).Style.NumberFormat.Format = "yyyy-mm-dd hh:mm:ss";
        sheet.Cell(1, 7).Value = 0.5;
        sheet.Cell(1, 7).Style.NumberFormat.Format = "hh:mm";
        sheet.Cell(1, 8).Value = true;
        sheet.Cell(1, 10).Value = 46000;
        sheet.Cell(1, 10).Style.NumberFormat.Format = "yyyy\"年\"m\"月\"d\"日\"";
        sheet.Cell(1, 11).FormulaA1 = "C1*2";

        var row = Assert.Single(Rows(TestWorkbooks.Save(workbook)));

        Assert.Equal(["张三", "0571", "36", "1234.5", "1990-05-17", "2026-11-27 14:30:15", "12:00:00", "TRUE", "", "2025-12-09", ""], row.Cells);
        Assert.NotNull(row.Raw);
        Assert.Equal("33010", row.Raw[4]);
        Assert.Equal("46000", row.Raw[9]);
        Assert.Null(row.Raw[0]);
        Assert.Null(row.Raw[3]);
    }

    [Fact]
    public void Date_cells_of_a_1904_workbook_and_ISO_date_cells_are_read_as_ISO()
    {
        var workbook = RawWorkbook.Build(
            [new RawWorkbook.Sheet("S", """<sheetData><row r="2"><c r="A2" s="1"><v>0</v></c><c r="B2" t="d"><v>2026-01-05T00:00:00</v></c></row></sheetData>""")],
            styles: RawWorkbook.Styles(), date1904: true);

        var row = Assert.Single(Rows(workbook));

        Assert.Equal(2, row.Number);
        Assert.Equal(["1904-01-01", "2026-01-05"], row.Cells);
    }

    [Fact]
    public void Rows_without_text_are_skipped_and_the_first_visible_worksheet_is_the_default()
    {
        var workbook = RawWorkbook.Build(
        [
            new RawWorkbook.Sheet("隐藏", "<sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row></sheetData>", State: "hidden"),
            new RawWorkbook.Sheet("数据", $"""
                <sheetData>
                 <row r="1">{RawWorkbook.InlineCell("A1", "")}</row>
                 <row r="3">{RawWorkbook.InlineCell("B3", "李四")}</row>
                </sheetData>
                """),
        ]);

        using var source = XlsxRowSource.Open(new MemoryStream(workbook));
        Assert.Equal(["数据"], source.Sheets);
        var row = Assert.Single(source.ReadRows());
        Assert.Equal(3, row.Number);
        Assert.Equal(["", "李四"], row.Cells);
        Assert.Equal("1", Assert.Single(source.ReadRows("隐藏")).Cells[0]);
    }

    [Fact]
    public void An_unknown_sheet_or_a_workbook_without_visible_worksheets_is_refused_in_Chinese()
    {
        var missing = Assert.Throws<BatchFileException>(() => Rows(BatchWorkbooks.Template(), "不存在"));
        Assert.Equal(BatchFileProblem.SheetNotFound, missing.Problem);
        Assert.Equal("文件中没有名为“不存在”的工作表。", missing.Message);

        var hiddenOnly = RawWorkbook.Build([new RawWorkbook.Sheet("隐藏", "<sheetData/>", State: "hidden")]);
        Assert.Equal(BatchFileProblem.NoWorksheet, Assert.Throws<BatchFileException>(() => Rows(hiddenOnly)).Problem);
    }

    [Theory]
    [InlineData("<sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></row></sheetData>")]
    [InlineData("<sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"2\"><c r=\"A2\"><v>2")]
    public void Malformed_sheet_XML_is_reported_as_a_corrupt_file(string body)
    {
        var workbook = RawWorkbook.Build([new RawWorkbook.Sheet("数据", body)]);
        var error = Assert.Throws<BatchFileException>(() => Rows(workbook));
        Assert.Equal(BatchFileProblem.Corrupt, error.Problem);
        Assert.Contains("文件已损坏", error.Message);
    }

    [Fact]
    public void Streams_100k_rows_of_the_bench_workbook_without_collecting_them()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ingest-{Guid.NewGuid():N}.xlsx");
        try
        {
            BenchFiles.WriteXlsx(path, 100_000);
            Assert.Equal((100_002L, 1_933_485L), BareSaxRead.Count(path));
            Assert.Equal((100_002L, 1_933_485L), BareSaxRead.Count(path, SaxParser.XmlReader));

            using var source = XlsxRowSource.Open(path);
            var detection = HeaderDetector.Detect(source, BenchData.Columns);
            Assert.True(detection.IsExact);
            long rows = 0, dates = 0;
            SourceRow last = default;
            foreach (var row in MappedRows.Read(source, detection.Mapping, BenchData.Columns.Select(c => c.Code).ToList()))
            {
                rows++;
                if (row.Raw is not null) dates += row.Raw.Count(r => r is not null);
                last = row;
            }
            Assert.Equal(100_000, rows);
            Assert.Equal(400_000, dates);
            Assert.Equal(100_002, last.Number);
            Assert.Equal(Enumerable.Range(0, 20).Select(c => Expected(99_999, c)), last.Cells);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Expected(int row, int column)
    {
        var value = BenchData.Value(row, column);
        return BenchData.Kinds[column] is BenchData.Kind.Date or BenchData.Kind.DateTime ? BenchData.IsoText(value) : value;
    }
}
