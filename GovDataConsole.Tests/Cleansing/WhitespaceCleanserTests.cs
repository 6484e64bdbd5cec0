using GovDataConsole.Cleansing;

namespace GovDataConsole.Tests.Cleansing;

public sealed class WhitespaceCleanserTests
{
    [Theory]
    [InlineData("  张三 ", "张三")]
    [InlineData("\u3000张三\u3000", "张三")]
    [InlineData("\u00A0杭州市\u00A0", "杭州市")]
    [InlineData("杭州市  西湖区", "杭州市 西湖区")]
    [InlineData("杭州市\t西湖区", "杭州市 西湖区")]
    [InlineData("杭州市\u3000\u3000西湖区", "杭州市 西湖区")]
    [InlineData("杭州市 \r\n 西湖区\n", "杭州市 西湖区")]
    [InlineData("a\u00A0b", "a b")]
    [InlineData(" ", "")]
    [InlineData("\t\u3000\u00A0", "")]
    public void Trims_and_collapses_every_kind_of_whitespace(string raw, string expected) =>
        Assert.Equal(expected, Clean.With(CleanserKind.Trim, raw));

    [Theory]
    [InlineData("")]
    [InlineData("张三")]
    [InlineData("杭州市 西湖区 文三路 1 号")]
    public void Clean_values_come_back_as_the_same_instance(string value) =>
        Assert.Same(value, Clean.With(CleanserKind.Trim, value));

    [Fact]
    public void Long_values_are_collapsed_too()
    {
        var raw = " " + string.Join("  ", Enumerable.Repeat("数据", 300)) + " ";
        Assert.Equal(string.Join(" ", Enumerable.Repeat("数据", 300)), Clean.With(CleanserKind.Trim, raw));
    }
}
