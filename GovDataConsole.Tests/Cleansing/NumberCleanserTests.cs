using GovDataConsole.Cleansing;

namespace GovDataConsole.Tests.Cleansing;

public sealed class NumberCleanserTests
{
    [Theory]
    [InlineData("1,234", "1234")]
    [InlineData("1,234,567.89", "1234567.89")]
    [InlineData("1，234，567", "1234567")]
    [InlineData("１，２３４．５０", "1234.50")]
    [InlineData("1234元", "1234")]
    [InlineData("1,234.5 元", "1234.5")]
    [InlineData("  42  ", "42")]
    [InlineData("\u300042\u3000", "42")]
    [InlineData("＋００７", "7")]
    [InlineData("－１２．５", "-12.5")]
    [InlineData("\u22123", "-3")]
    [InlineData("+5", "5")]
    [InlineData(".5", "0.5")]
    [InlineData("1.", "1")]
    [InlineData("0012.30", "12.30")]
    public void Numbers_become_invariant_decimal_text(string raw, string expected) =>
        Assert.Equal(expected, Clean.With(CleanserKind.Number, raw));

    [Theory]
    [InlineData("")]
    [InlineData("1234")]
    [InlineData("-12.50")]
    [InlineData("0")]
    [InlineData("5万元")]
    [InlineData("1,5")]
    [InlineData("12,34")]
    [InlineData("1234,567")]
    [InlineData("1,234.567,8")]
    [InlineData(",123")]
    [InlineData("1 234")]
    [InlineData("1e3")]
    [InlineData("元")]
    [InlineData("约100")]
    [InlineData("￥100")]
    [InlineData("123456789012345678901234567890")]
    public void Canonical_and_unreadable_values_come_back_as_the_same_instance(string value) =>
        Assert.Same(value, Clean.With(CleanserKind.Number, value));
}
