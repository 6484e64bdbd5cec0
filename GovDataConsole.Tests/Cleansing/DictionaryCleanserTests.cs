using GovDataConsole.Cleansing;

namespace GovDataConsole.Tests.Cleansing;

public sealed class DictionaryCleanserTests
{
    private static readonly DictionaryCode[] Gender = [new("0", "未知的性别"), new("1", "男性"), new("2", "女性"), new("9", "未说明的性别")];

    private static Dictionary<string, string> Parameters(string mapping, bool useEntryNames = true) => new()
    {
        [CleanserParameterNames.Mapping] = mapping,
        [CleanserParameterNames.UseEntryNames] = useEntryNames ? "true" : "false",
    };

    private const string GenderTable = "男=1\nM=1\n女=2\nF=2";

    [Theory]
    [InlineData("男", "1")]
    [InlineData("M", "1")]
    [InlineData("m", "1")]
    [InlineData(" 男 ", "1")]
    [InlineData("\u3000f", "2")]
    [InlineData("女", "2")]
    [InlineData("男性", "1")]
    [InlineData("女性", "2")]
    [InlineData("未说明的性别", "9")]
    [InlineData(" 1 ", "1")]
    public void Synonyms_and_entry_names_map_to_codes(string raw, string expected) =>
        Assert.Equal(expected, Clean.With(CleanserKind.DictionaryMapping, raw, Parameters(GenderTable), Gender));

    [Theory]
    [InlineData("1")]
    [InlineData("2")]
    [InlineData("")]
    [InlineData("男士")]
    [InlineData("3")]
    public void Codes_and_unknown_values_come_back_as_the_same_instance(string value) =>
        Assert.Same(value, Clean.With(CleanserKind.DictionaryMapping, value, Parameters(GenderTable), Gender));

    [Fact]
    public void Without_entry_names_only_the_table_maps()
    {
        var parameters = Parameters(GenderTable, useEntryNames: false);
        Assert.Equal("男性", Clean.With(CleanserKind.DictionaryMapping, "男性", parameters, Gender));
        Assert.Equal("1", Clean.With(CleanserKind.DictionaryMapping, "m", parameters, Gender));
    }

    [Fact]
    public void The_table_wins_over_entry_names_and_works_without_a_dictionary()
    {
        Assert.Equal("1", Clean.With(CleanserKind.DictionaryMapping, "未知的性别", Parameters("未知的性别=1"), Gender));
        Assert.Equal("Y", Clean.With(CleanserKind.DictionaryMapping, "是", Parameters("是=Y\n否=N")));
        Assert.Equal("b", Clean.With(CleanserKind.DictionaryMapping, "X=A", Parameters("x=a=b")));
    }

    [Fact]
    public void Table_round_trips_through_its_text_form()
    {
        var pairs = MappingTable.Parse(" 男 = 1 \r\n\r\nM=1\n女=2");
        Assert.Equal([new("男", "1"), new("M", "1"), new("女", "2")], pairs);
        Assert.Equal("男=1\nM=1\n女=2", MappingTable.Format(pairs));
    }

    [Theory]
    [InlineData("男=1\n女", "映射表第 2 行应写成“原值=代码”：女")]
    [InlineData("=1", "映射表第 1 行应写成“原值=代码”：=1")]
    [InlineData("男=", "映射表第 1 行应写成“原值=代码”：男=")]
    [InlineData("男=1\nm=1\nM=2", "原值“M”同时映射到“1”和“2”。")]
    [InlineData("男=3", "映射目标“3”不是代码表中的代码。")]
    public void Bad_tables_are_refused_in_chinese(string mapping, string error) =>
        Assert.Equal(error, CleanserCatalog.Validate(new CleansingRule(CleanserKind.DictionaryMapping, Parameters(mapping)), Gender));

    [Fact]
    public void An_empty_table_needs_a_dictionary_to_map_names()
    {
        var rule = new CleansingRule(CleanserKind.DictionaryMapping);
        Assert.Equal("映射表为空，且没有可按名称映射的代码表。", CleanserCatalog.Validate(rule));
        Assert.Null(CleanserCatalog.Validate(rule, Gender));
        Assert.Equal("映射表为空，且没有可按名称映射的代码表。", CleanserCatalog.Validate(new CleansingRule(CleanserKind.DictionaryMapping, Parameters("", useEntryNames: false)), Gender));
    }
}
