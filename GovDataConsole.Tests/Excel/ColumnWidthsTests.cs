using GovDataConsole.Excel;

namespace GovDataConsole.Tests.Excel;

public sealed class ColumnWidthsTests
{
    [Theory]
    [InlineData("abc", 3)]
    [InlineData("数据", 4)]
    [InlineData("资源code", 8)]
    [InlineData("ＡＢ１", 6)]
    [InlineData("，。", 4)]
    [InlineData("第一行\n短", 6)]
    [InlineData("", 0)]
    [InlineData(null, 0)]
    public void Chinese_and_full_width_characters_count_double(string? text, int expected) =>
        Assert.Equal(expected, ColumnWidths.Measure(text));

    [Fact]
    public void Fit_takes_the_widest_value_plus_padding_and_clamps()
    {
        Assert.Equal(14, ColumnWidths.Fit(["资源名称", "人口基础信息"])); // 6 CJK × 2 + padding 2
        Assert.Equal(ColumnWidths.DefaultMin, ColumnWidths.Fit(["a"]));
        Assert.Equal(ColumnWidths.DefaultMax, ColumnWidths.Fit([new string('长', 100)]));
        Assert.Equal(20, ColumnWidths.Fit([new string('长', 100)], min: 5, max: 20));
        Assert.Equal(ColumnWidths.DefaultMin, ColumnWidths.Fit([]));
    }
}
