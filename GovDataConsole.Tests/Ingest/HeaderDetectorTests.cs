using System.Text;
using System.Text.Json;
using GovDataConsole.Ingest;

namespace GovDataConsole.Tests.Ingest;

public sealed class HeaderDetectorTests
{
    private static XlsxRowSource Open(byte[] workbook) => XlsxRowSource.Open(new MemoryStream(workbook));

    private static ColumnMatch Match(HeaderDetection detection, string code) => detection.Matches.Single(m => m.Code == code);

    [Fact]
    public void Finds_the_header_below_a_merged_title_on_the_data_sheet_and_ignores_extra_columns_and_sheets()
    {
        using var source = Open(BatchWorkbooks.DepartmentOwn());
        Assert.Equal(["填写说明", "人口信息"], source.Sheets);

        var detection = HeaderDetector.Detect(source, BatchWorkbooks.Items);

        Assert.True(detection.Found);
        Assert.False(detection.IsExact);
        Assert.Null(detection.CodeRow);
        Assert.Equal("人口信息", detection.Mapping.Sheet);
        Assert.Equal(3, detection.Mapping.HeaderRow);
        Assert.Equal(new Dictionary<string, int> { ["XM"] = 2, ["SFZH"] = 1, ["CSRQ"] = 5, ["SJHM"] = 4, ["XZQH"] = 3 }, detection.Mapping.Columns);
        Assert.All(detection.Matches, m => Assert.Equal(MatchKind.ExactName, m.Kind));
        Assert.Equal([new HeaderCell(0, "序号"), new HeaderCell(6, "备注")], detection.ExtraColumns);
        Assert.Empty(detection.MissingRequired);

        var rows = MappedRows.Read(source, detection.Mapping, BatchWorkbooks.Codes).ToList();
        Assert.Equal([4, 5], rows.Select(r => r.Number));
        Assert.Equal(["张三", "110105199003071234", "1990-03-07", "13800138000", "110105"], rows[0].Cells);
        Assert.Equal(["李四", "33010219851212002X", "1985-12-12", "", "330102"], rows[1].Cells);
    }

    [Fact]
    public void The_template_code_row_gives_an_exact_mapping_and_data_starts_after_the_label_row()
    {
        using var source = Open(BatchWorkbooks.Template());
        var detection = HeaderDetector.Detect(source, BatchWorkbooks.Items);

        Assert.True(detection.IsExact);
        Assert.Equal(1, detection.CodeRow);
        Assert.Equal(2, detection.Mapping.HeaderRow);
        Assert.Equal(Enumerable.Range(0, 5), BatchWorkbooks.Codes.Select(c => detection.Mapping.Columns[c]));
        Assert.Equal("*姓名", Match(detection, "XM").Header);
        Assert.Empty(detection.ExtraColumns);

        var row = Assert.Single(MappedRows.Read(source, detection.Mapping, BatchWorkbooks.Codes));
        Assert.Equal(3, row.Number);
        Assert.Equal(["张三", "110105199003071234", "1990-03-07", "", "110105"], row.Cells);
    }

    [Fact]
    public void Without_a_label_row_data_starts_right_after_the_code_row()
    {
        using var source = Open(BatchWorkbooks.Template(withLabelRow: false));
        var detection = HeaderDetector.Detect(source, BatchWorkbooks.Items);

        Assert.True(detection.IsExact);
        Assert.Equal(1, detection.Mapping.HeaderRow);
        Assert.Equal(2, Assert.Single(MappedRows.Read(source, detection.Mapping, BatchWorkbooks.Codes)).Number);
    }

    [Fact]
    public void Headers_with_markers_full_width_characters_spaces_and_notes_match_exactly_and_near_misses_fuzzily()
    {
        using var source = Open(BatchWorkbooks.OneSheet(
            ["＊姓　名", "身份证号码", "出生日期（yyyy-mm-dd）", "手机号码：", "行政区划代码(GB/T 2260)"],
            ["张三", "110105199003071234", "1990-03-07", "13800138000", "110105"]));
        var detection = HeaderDetector.Detect(source, BatchWorkbooks.Items);

        Assert.Equal(1, detection.Mapping.HeaderRow);
        Assert.Equal(MatchKind.ExactName, Match(detection, "XM").Kind);
        Assert.Equal(MatchKind.ExactName, Match(detection, "CSRQ").Kind);
        Assert.Equal(MatchKind.ExactName, Match(detection, "SJHM").Kind);
        Assert.Equal(MatchKind.ExactName, Match(detection, "XZQH").Kind);
        var id = Match(detection, "SFZH");
        Assert.Equal((1, "身份证号码", MatchKind.FuzzyName), (id.Column, id.Header, id.Kind));
        Assert.False(detection.IsExact);
    }

    [Fact]
    public void A_missing_required_column_is_reported()
    {
        using var source = Open(BatchWorkbooks.OneSheet(["姓名", "出生日期", "联系地址"], ["张三", "1990-03-07", "北京"]));
        var detection = HeaderDetector.Detect(source, BatchWorkbooks.Items);

        Assert.Equal(["SFZH", "XZQH"], detection.MissingRequired.Select(m => m.Code));
        Assert.Equal(MatchKind.Unmapped, Match(detection, "SJHM").Kind);
        Assert.Null(Match(detection, "SFZH").Column);
        Assert.Equal([new HeaderCell(2, "联系地址")], detection.ExtraColumns);
        Assert.Equal(["张三", "", "1990-03-07", "", ""], Assert.Single(MappedRows.Read(source, detection.Mapping, BatchWorkbooks.Codes)).Cells);
    }

    [Fact]
    public void No_header_at_all_maps_nothing()
    {
        using var source = Open(BatchWorkbooks.OneSheet(["张三", "110105199003071234"], ["李四", "33010219851212002X"]));
        var detection = HeaderDetector.Detect(source, BatchWorkbooks.Items);

        Assert.False(detection.Found);
        Assert.Equal(0, detection.Mapping.HeaderRow);
        Assert.All(detection.Matches, m => Assert.Equal(MatchKind.Unmapped, m.Kind));
        Assert.Equal(3, detection.MissingRequired.Count);
    }

    [Fact]
    public void A_corrected_mapping_survives_JSON_and_the_import_reruns_with_it()
    {
        using var source = Open(BatchWorkbooks.OneSheet(
            ["人员名单"],
            ["名字", "证件号", "区划"],
            ["张三", "110105199003071234", "110105"]));
        var detection = HeaderDetector.Detect(source, BatchWorkbooks.Items);
        Assert.Equal(MatchKind.Unmapped, Match(detection, "SFZH").Kind);

        var corrected = detection.Mapping with
        {
            HeaderRow = 2,
            Columns = new Dictionary<string, int> { ["XM"] = 0, ["SFZH"] = 1, ["XZQH"] = 2 },
        };
        var json = JsonSerializer.Serialize(corrected);
        var restored = JsonSerializer.Deserialize<ColumnMapping>(json)!;

        Assert.Equal("数据", restored.Sheet);
        var row = Assert.Single(MappedRows.Read(source, restored, BatchWorkbooks.Codes));
        Assert.Equal(3, row.Number);
        Assert.Equal(["张三", "110105199003071234", "", "", "110105"], row.Cells);
    }

    [Fact]
    public void A_CSV_header_is_detected_the_same_way()
    {
        var csv = "人口基础信息导出\r\n序号,姓名,公民身份号码,行政区划代码\r\n1,张三,110105199003071234,110105\r\n";
        using var source = CsvRowSource.Open(new MemoryStream(Encoding.UTF8.GetBytes(csv)));
        var detection = HeaderDetector.Detect(source, BatchWorkbooks.Items);

        Assert.Null(detection.Mapping.Sheet);
        Assert.Equal(2, detection.Mapping.HeaderRow);
        Assert.Equal([new HeaderCell(0, "序号")], detection.ExtraColumns);
        var row = Assert.Single(MappedRows.Read(source, detection.Mapping, BatchWorkbooks.Codes));
        Assert.Equal(["张三", "110105199003071234", "", "", "110105"], row.Cells);
    }

    [Fact]
    public void A_code_row_in_a_CSV_is_recognised()
    {
        var csv = "XM,SFZH,CSRQ,SJHM,XZQH\r\n姓名,公民身份号码,出生日期,手机号码,行政区划代码\r\n张三,110105199003071234,1990-03-07,,110105\r\n";
        using var source = CsvRowSource.Open(new MemoryStream(Encoding.UTF8.GetBytes(csv)));
        var detection = HeaderDetector.Detect(source, BatchWorkbooks.Items);

        Assert.True(detection.IsExact);
        Assert.Equal(2, detection.Mapping.HeaderRow);
        Assert.Equal(3, Assert.Single(MappedRows.Read(source, detection.Mapping, BatchWorkbooks.Codes)).Number);
    }
}
