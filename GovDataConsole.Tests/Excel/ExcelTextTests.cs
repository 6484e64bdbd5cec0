using System.IO.Compression;
using System.Xml.Linq;
using ClosedXML.Excel;
using GovDataConsole.Excel;

namespace GovDataConsole.Tests.Excel;

public sealed class ExcelTextTests
{
    private static readonly XNamespace Main = RawWorkbook.Main;

    [Fact]
    public void Formula_like_text_is_saved_as_string_cells_without_formulas()
    {
        string[] values = ["=1+1", "+86", "-5", "@SUM(A1)", "=HYPERLINK(\"http://evil\",\"点我\")", "00123", "普通文本"];
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("导出");
        for (var i = 0; i < values.Length; i++) sheet.Cell(i + 1, 1).WriteText(values[i]);
        var bytes = TestWorkbooks.Save(workbook);

        using var zip = new ZipArchive(new MemoryStream(bytes));
        var sheetXml = XDocument.Load(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var sharedStrings = XDocument.Load(zip.GetEntry("xl/sharedStrings.xml")!.Open())
            .Root!.Elements(Main + "si").Select(si => si.Value).ToList();
        var cells = sheetXml.Descendants(Main + "c").ToList();

        Assert.Empty(sheetXml.Descendants(Main + "f"));
        Assert.Equal(values.Length, cells.Count);
        Assert.All(cells, c => Assert.Equal("s", (string?)c.Attribute("t")));
        Assert.Equal(values, cells.Select(c => sharedStrings[int.Parse(c.Element(Main + "v")!.Value)]));

        using var reader = SheetReader.Open(new MemoryStream(bytes));
        Assert.All(reader.ReadRows("导出"), row => Assert.False(row.Cells.Single().IsFormula));
    }

    [Fact]
    public void Formula_like_text_gets_the_quote_prefix_so_editing_in_Excel_keeps_it_text()
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("导出");
        sheet.Cell(1, 1).WriteText("=1+1");
        sheet.Cell(2, 1).WriteText("普通文本");

        Assert.True(sheet.Cell(1, 1).Style.IncludeQuotePrefix);
        Assert.False(sheet.Cell(2, 1).Style.IncludeQuotePrefix);
        Assert.Equal(XLDataType.Text, sheet.Cell(1, 1).DataType);
        Assert.False(sheet.Cell(1, 1).HasFormula);
    }

    [Fact]
    public void Plain_value_assignment_would_turn_text_into_a_number_which_is_why_the_helper_exists()
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("导出");
        sheet.Cell(1, 1).Value = "-5";
        sheet.Cell(2, 1).WriteText("-5");

        Assert.Equal(XLDataType.Number, sheet.Cell(1, 1).DataType);
        Assert.Equal(XLDataType.Text, sheet.Cell(2, 1).DataType);
    }

    [Theory]
    [InlineData("=1+1", true)]
    [InlineData("+86", true)]
    [InlineData("-5", true)]
    [InlineData("@SUM(A1)", true)]
    [InlineData("1+1", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Detects_formula_like_text(string? text, bool expected) => Assert.Equal(expected, ExcelText.LooksLikeFormula(text));
}
