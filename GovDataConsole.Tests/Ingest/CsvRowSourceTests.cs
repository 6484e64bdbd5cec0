using System.Text;
using GovDataConsole.Ingest;

namespace GovDataConsole.Tests.Ingest;

public sealed class CsvRowSourceTests
{
    private static readonly Encoding Gb18030 = CodePage("GB18030");

    private static Encoding CodePage(string name)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(name);
    }

    private const string Sample = "姓名,公民身份号码,住址\r\n张三,110105199003071234,北京市朝阳区\r\n李四,33010219851212002X,浙江省杭州市上城区\r\n";

    private static (CsvRowSource Source, List<SourceRow> Rows) Read(byte[] bytes)
    {
        var source = CsvRowSource.Open(new MemoryStream(bytes));
        return (source, source.ReadRows().ToList());
    }

    private static void AssertSampleRows(List<SourceRow> rows)
    {
        Assert.Equal([1, 2, 3], rows.Select(r => r.Number));
        Assert.Equal(["姓名", "公民身份号码", "住址"], rows[0].Cells);
        Assert.Equal(["张三", "110105199003071234", "北京市朝阳区"], rows[1].Cells);
        Assert.Equal(["李四", "33010219851212002X", "浙江省杭州市上城区"], rows[2].Cells);
        Assert.All(rows, r => Assert.Null(r.Raw));
    }

    [Fact]
    public void Reads_UTF8_without_BOM()
    {
        var (source, rows) = Read(new UTF8Encoding(false).GetBytes(Sample));
        Assert.Equal(CsvEncoding.Utf8, source.Encoding);
        Assert.Equal(',', source.Separator);
        AssertSampleRows(rows);
    }

    [Fact]
    public void Reads_UTF8_with_BOM_and_drops_the_mark()
    {
        var (source, rows) = Read([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Sample)]);
        Assert.Equal(CsvEncoding.Utf8Bom, source.Encoding);
        Assert.Equal("UTF-8（带 BOM）", source.EncodingLabel);
        AssertSampleRows(rows);
    }

    [Fact]
    public void Reads_GBK_exported_by_a_government_system()
    {
        var (source, rows) = Read(Gb18030.GetBytes(Sample));
        Assert.Equal(CsvEncoding.Gb18030, source.Encoding);
        Assert.Equal("GB18030/GBK", source.EncodingLabel);
        AssertSampleRows(rows);
    }

    [Fact]
    public void Short_GBK_that_happens_to_be_valid_UTF8_is_still_read_as_GBK()
    {
        var bytes = Gb18030.GetBytes("郑石,路\r\n");
        Assert.True(System.Text.Unicode.Utf8.IsValid(bytes));
        var (source, rows) = Read(bytes);
        Assert.Equal(CsvEncoding.Gb18030, source.Encoding);
        Assert.Equal(["郑石", "路"], rows.Single().Cells);
    }

    [Fact]
    public void GBK_after_a_long_ASCII_prefix_is_detected()
    {
        var ascii = string.Concat(Enumerable.Range(1, 10_000).Select(i => $"{i},{i * 7}\r\n"));
        Assert.True(ascii.Length > 64 * 1024);
        var (source, rows) = Read(Gb18030.GetBytes(ascii + "10001,王五\r\n"));
        Assert.Equal(CsvEncoding.Gb18030, source.Encoding);
        Assert.Equal(10_001, rows.Count);
        Assert.Equal(["10001", "王五"], rows[^1].Cells);
    }

    [Fact]
    public void Reads_Excel_unicode_text_UTF16_with_tabs()
    {
        var (source, rows) = Read(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Sample.Replace(',', '\t'))).ToArray());
        Assert.Equal(CsvEncoding.Utf16LE, source.Encoding);
        Assert.Equal('\t', source.Separator);
        AssertSampleRows(rows);
    }

    [Fact]
    public void Quoted_fields_keep_separators_quotes_and_line_breaks_and_rows_count_records()
    {
        var csv = "编号,备注,地址\r\n1,\"含逗号，以及,英文逗号\",\"浙江省\r\n杭州市\"\r\n2,\"他说\"\"已核实\"\"\",\"\"\r\n\r\n,,\r\n3, 前后空格 ,末行无换行";
        var (_, rows) = Read(Encoding.UTF8.GetBytes(csv));

        Assert.Equal([1, 2, 3, 6], rows.Select(r => r.Number));
        Assert.Equal(["1", "含逗号，以及,英文逗号", "浙江省\r\n杭州市"], rows[1].Cells);
        Assert.Equal(["2", "他说\"已核实\"", ""], rows[2].Cells);
        Assert.Equal(["3", " 前后空格 ", "末行无换行"], rows[3].Cells);
    }

    [Theory]
    [InlineData("代码;名称;数量\n1;张三;5\n", ';', "1|张三|5")]
    [InlineData("代码\t名称\t数量\n1\t张三\t5\n", '\t', "1|张三|5")]
    [InlineData("2026年第一季度人口数据\n代码,名称,数量\n1,张三,5\n", ',', "1|张三|5")]
    [InlineData("单列\n值\n", ',', "值")]
    public void Detects_the_separator_from_the_first_lines(string csv, char separator, string lastRow)
    {
        var (source, rows) = Read(Encoding.UTF8.GetBytes(csv));
        Assert.Equal(separator, source.Separator);
        Assert.Equal(lastRow.Split('|'), rows[^1].Cells);
    }

    [Fact]
    public void Garbled_bytes_are_refused_with_a_clear_Chinese_message()
    {
        byte[] garbled = [.. "编号,名称\r\n"u8, 0x31, 0x2C, 0xFF, 0x80, 0xFE, 0x7F, 0x81, 0x0D, 0x0A];
        var error = Assert.Throws<BatchFileException>(() => CsvRowSource.Open(new MemoryStream(garbled)));
        Assert.Equal(BatchFileProblem.UnknownEncoding, error.Problem);
        Assert.Contains("无法识别文件编码", error.Message);
        Assert.Contains("UTF-8", error.Message);
        Assert.Contains("GB18030", error.Message);
    }

    [Fact]
    public void Bytes_invalid_in_the_detected_encoding_further_on_fail_the_read_with_the_row_reached()
    {
        var good = string.Concat(Enumerable.Range(1, 20_000).Select(i => $"{i},张三{i}\r\n"));
        byte[] bytes = [.. Encoding.UTF8.GetBytes(good), .. Gb18030.GetBytes("20001,李四\r\n")];
        using var source = CsvRowSource.Open(new MemoryStream(bytes));
        Assert.Equal(CsvEncoding.Utf8, source.Encoding);

        var read = 0;
        var error = Assert.Throws<BatchFileException>(() =>
        {
            foreach (var _ in source.ReadRows()) read++;
        });
        Assert.Equal(BatchFileProblem.InvalidBytes, error.Problem);
        Assert.StartsWith("文件按 UTF-8 编码读取时，在第 ", error.Message);
        Assert.Contains($"第 {read} 行之后", error.Message);
        Assert.InRange(read, 1, 20_000);
    }

    [Fact]
    public void Binary_content_such_as_a_renamed_workbook_is_refused()
    {
        var error = Assert.Throws<BatchFileException>(() => CsvRowSource.Open(new MemoryStream(TestWorkbookBytes())));
        Assert.Equal(BatchFileProblem.Binary, error.Problem);
        Assert.Contains(".xlsx", error.Message);
    }

    [Fact]
    public void Rows_can_be_read_again_from_the_start()
    {
        using var source = CsvRowSource.Open(new MemoryStream(Gb18030.GetBytes(Sample)));
        Assert.Equal(3, source.ReadRows().Count());
        AssertSampleRows(source.ReadRows().ToList());
    }

    [Fact]
    public void Streams_a_large_CSV_without_collecting_it()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ingest-{Guid.NewGuid():N}.csv");
        try
        {
            BenchFiles.WriteCsv(path, 100_000);
            using var source = CsvRowSource.Open(path);
            var detection = HeaderDetector.Detect(source, BenchData.Columns);
            var codes = BenchData.Columns.Select(c => c.Code).ToList();
            long rows = 0, cells = 0;
            SourceRow last = default;
            foreach (var row in MappedRows.Read(source, detection.Mapping, codes))
            {
                rows++;
                cells += row.Cells.Length;
                last = row;
            }
            Assert.Equal(CsvEncoding.Utf8Bom, source.Encoding);
            Assert.Equal(1, detection.Mapping.HeaderRow);
            Assert.All(detection.Matches, m => Assert.Equal(MatchKind.ExactName, m.Kind));
            Assert.Equal(100_000, rows);
            Assert.Equal(2_000_000, cells);
            Assert.Equal(100_001, last.Number);
            Assert.Equal(BenchData.Value(99_999, 0), last.Cells[0]);
            Assert.Equal(BenchData.IsoText(BenchData.Value(99_999, 3)), last.Cells[3]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static byte[] TestWorkbookBytes() => GovDataConsole.Tests.Excel.TestWorkbooks.ClosedXmlBasic();
}
