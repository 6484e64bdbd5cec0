using GovDataConsole.Excel;

namespace GovDataConsole.Tests.Excel;

public sealed class SheetReaderTests
{
    private static SheetReader Open(byte[] bytes) => SheetReader.Open(new MemoryStream(bytes));

    private static List<SheetRow> Rows(byte[] bytes, string sheet)
    {
        using var reader = Open(bytes);
        return reader.ReadRows(sheet).ToList();
    }

    private static byte[] OneSheet(string sheetData, string? sharedStrings = null, string? styles = null, bool date1904 = false) =>
        RawWorkbook.Build([new RawWorkbook.Sheet("S", $"<sheetData>{sheetData}</sheetData>")], sharedStrings, styles ?? RawWorkbook.Styles(), date1904);

    [Fact]
    public void Reads_a_ClosedXML_workbook_with_text_numbers_dates_and_booleans()
    {
        using var reader = Open(TestWorkbooks.ClosedXmlBasic());
        Assert.Equal([new SheetInfo(1, "数据", SheetVisibility.Visible, true)], reader.Sheets);
        var rows = reader.ReadRows("数据").ToList();

        Assert.Equal([1, 2, 3], rows.Select(r => r.Number));
        Assert.Equal(["姓名", "年龄", "出生日期", "是否在职"], rows[0].Cells.Select(c => c.Text));
        Assert.Equal("张三", rows[1].TextAt(1));
        Assert.Equal(new SheetCell(2, CellKind.Number, "36", false, false), rows[1].Find(2));
        var birth = rows[1].Find(3)!.Value;
        Assert.Equal(CellKind.Number, birth.Kind);
        Assert.True(birth.IsDateFormatted);
        Assert.True(birth.TryGetDate(reader.Date1904, out var date));
        Assert.Equal(new DateTime(1990, 5, 17), date);
        Assert.Equal(CellKind.Boolean, rows[1].Find(4)!.Value.Kind);
        Assert.Equal("TRUE", rows[1].TextAt(4));
        Assert.Equal("41.5", rows[2].TextAt(2));
        Assert.Null(rows[2].Find(3));
    }

    [Fact]
    public void Sparse_rows_and_cells_keep_their_row_numbers_and_column_indexes()
    {
        var rows = Rows(OneSheet("""
            <row r="2"><c r="B2"><v>1</v></c><c r="D2"><v>2</v></c><c><v>3</v></c></row>
            <row r="4"><c r="A4" s="3"/></row>
            <row r="5"><c r="AA5"><v>4</v></c></row>
            <row><c r="XFD6"><v>5</v></c></row>
            """), "S");

        Assert.Equal([2, 5, 6], rows.Select(r => r.Number));
        Assert.Equal([2, 4, 5], rows[0].Cells.Select(c => c.Column));
        Assert.Equal("3", rows[0].TextAt(5));
        Assert.Equal(27, rows[1].Cells.Single().Column);
        Assert.Equal("AA", rows[1].Cells.Single().ColumnName);
        Assert.Equal(16384, rows[2].Cells.Single().Column);
    }

    [Fact]
    public void Resolves_shared_strings_inline_strings_and_rich_text_without_phonetic_runs()
    {
        var rows = Rows(OneSheet(
            """
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>内联文本</t></is></c>
            <c r="D1" t="inlineStr"><is><r><t>富</t></r><r><rPr><b/></rPr><t xml:space="preserve">文本 </t></r></is></c><c r="E1" t="s"><v>2</v></c></row>
            """,
            sharedStrings: """<si><t>共享字符串</t></si><si><r><rPr><b/></rPr><t>公安</t></r><r><t>局</t></r><rPh sb="0" eb="2"><t>ゴンアン</t></rPh></si><si><t xml:space="preserve"> 前后空格 </t></si>"""), "S");

        Assert.Equal(["共享字符串", "公安局", "内联文本", "富文本 ", " 前后空格 "], rows.Single().Cells.Select(c => c.Text));
        Assert.All(rows.Single().Cells, c => Assert.Equal(CellKind.Text, c.Kind));
    }

    [Fact]
    public void Numbers_are_invariant_text_and_dates_expose_serial_and_format()
    {
        var rows = Rows(OneSheet("""
            <row r="1"><c r="A1"><v>1.5</v></c><c r="B1"><v>1E-3</v></c><c r="C1"><v>-42</v></c><c r="D1" s="3"><v>1234.5</v></c></row>
            <row r="2"><c r="A2" s="1"><v>46000</v></c><c r="B2" s="2"><v>46023.75</v></c><c r="C2" t="d"><v>2026-11-27T00:00:00</v></c></row>
            <row r="3"><c r="A3" t="e"><v>#N/A</v></c><c r="B3" t="b"><v>0</v></c></row>
            """), "S");

        Assert.Equal(["1.5", "0.001", "-42", "1234.5"], rows[0].Cells.Select(c => c.Text));
        Assert.All(rows[0].Cells, c => Assert.False(c.IsDateFormatted));
        Assert.True(rows[0].Find(4)!.Value.TryGetNumber(out var number));
        Assert.Equal(1234.5, number);

        var builtIn = rows[1].Find(1)!.Value;
        Assert.Equal(("46000", true), (builtIn.Text, builtIn.IsDateFormatted));
        Assert.True(builtIn.TryGetDate(false, out var d1));
        Assert.Equal(new DateTime(2025, 12, 9), d1);
        Assert.True(rows[1].Find(2)!.Value.TryGetDate(false, out var d2));
        Assert.Equal(new DateTime(2026, 1, 1, 18, 0, 0), d2);
        Assert.Equal(CellKind.IsoDate, rows[1].Find(3)!.Value.Kind);
        Assert.True(rows[1].Find(3)!.Value.TryGetDate(false, out var d3));
        Assert.Equal(new DateTime(2026, 11, 27), d3);

        Assert.Equal((CellKind.Error, "#N/A"), (rows[2].Find(1)!.Value.Kind, rows[2].TextAt(1)));
        Assert.Equal((CellKind.Boolean, "FALSE"), (rows[2].Find(2)!.Value.Kind, rows[2].TextAt(2)));
    }

    [Fact]
    public void Honors_the_1904_date_system()
    {
        var bytes = OneSheet("""<row r="1"><c r="A1" s="1"><v>0</v></c></row>""", date1904: true);
        using var reader = Open(bytes);
        Assert.True(reader.Date1904);
        Assert.True(reader.ReadRows("S").Single().Cells.Single().TryGetDate(reader.Date1904, out var date));
        Assert.Equal(new DateTime(1904, 1, 1), date);
    }

    [Theory]
    [InlineData("yyyy-mm-dd", true)]
    [InlineData("[$-804]yyyy\"年\"m\"月\"", true)]
    [InlineData("[h]:mm:ss", true)]
    [InlineData("0.00", false)]
    [InlineData("#,##0\"元\"", false)]
    [InlineData("[Red]0.0;[Blue]-0.0", false)]
    [InlineData("General", false)]
    [InlineData("\"d\"0", false)]
    public void Recognises_date_format_codes(string code, bool isDate) => Assert.Equal(isDate, NumberFormats.IsDateCode(code));

    [Fact]
    public void Formula_cells_are_flagged_with_their_cached_value_and_never_evaluated()
    {
        var rows = Rows(OneSheet("""
            <row r="1"><c r="A1"><f>1+1</f><v>3</v></c><c r="B1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="C1"><f>NOW()</f></c><c r="D1"><v>7</v></c></row>
            """), "S");

        var cells = rows.Single().Cells;
        Assert.Equal(new SheetCell(1, CellKind.Number, "3", true, false), cells[0]);
        Assert.Equal(new SheetCell(2, CellKind.Text, "ab", true, false), cells[1]);
        Assert.Equal(new SheetCell(3, CellKind.Blank, "", true, false), cells[2]);
        Assert.False(cells[3].IsFormula);
    }

    [Fact]
    public void Reports_merged_ranges_such_as_a_merged_header()
    {
        var bytes = RawWorkbook.Build([new RawWorkbook.Sheet("S", """
            <sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>资源目录清单</t></is></c></row><row r="2"><c r="A2"><v>1</v></c></row></sheetData>
            <mergeCells count="2"><mergeCell ref="A1:D1"/><mergeCell ref="B3:C5"/></mergeCells>
            """)]);
        using var reader = Open(bytes);

        var merged = reader.ReadMergedRanges("S");
        Assert.Equal([new CellRange(1, 1, 1, 4), new CellRange(3, 2, 5, 3)], merged);
        Assert.True(merged[0].IntersectsRow(1));
        Assert.Equal("B3:C5", merged[1].ToString());
        Assert.Equal(2, reader.ReadRows("S").Count());
    }

    [Fact]
    public void Lists_hidden_and_very_hidden_sheets()
    {
        var bytes = RawWorkbook.Build(
        [
            new RawWorkbook.Sheet("填报", "<sheetData/>"),
            new RawWorkbook.Sheet("代码表", "<sheetData/>", "hidden"),
            new RawWorkbook.Sheet("隐藏配置", "<sheetData/>", "veryHidden"),
        ]);
        using var reader = Open(bytes);
        Assert.Equal(
            [SheetVisibility.Visible, SheetVisibility.Hidden, SheetVisibility.VeryHidden],
            reader.Sheets.Select(s => s.Visibility));
        Assert.Equal(["填报", "代码表", "隐藏配置"], reader.Sheets.Select(s => s.Name));
        Assert.Empty(reader.ReadRows("代码表"));
        Assert.Throws<ArgumentException>(() => reader.ReadRows("不存在"));
    }

    [Fact]
    public void Reads_a_workbook_with_a_picture_a_note_and_many_styles()
    {
        using var reader = Open(TestWorkbooks.WithPictureCommentsAndStyles());
        var rows = reader.ReadRows(TestWorkbooks.PictureSheet).ToList();

        Assert.Equal(["资源代码", "资源名称", "更新日期"], rows[0].Cells.Select(c => c.Text));
        Assert.Equal(["人口基础信息", "12.5", "46000"], rows[1].Cells.Select(c => c.Text));
        Assert.True(rows[1].Find(3)!.Value.IsDateFormatted);
        Assert.False(rows[1].Find(2)!.Value.IsDateFormatted);
        Assert.Equal(3, rows.Count);
    }

    [Fact]
    public void Streams_a_100k_row_sheet()
    {
        const int rowCount = 100_000;
        using var stream = new MemoryStream(TestWorkbooks.LargeSheet("大表", rowCount));
        using var reader = SheetReader.Open(stream);
        var count = 0;
        SheetRow? last = null;
        foreach (var row in reader.ReadRows("大表"))
        {
            count++;
            last = row;
        }

        Assert.Equal(rowCount, count);
        Assert.Equal(rowCount, last!.Number);
        Assert.Equal(["100000", "行100000", "50000"], last.Cells.Select(c => c.Text));
        Assert.Equal(5, last.Cells[2].Column);
    }
}
