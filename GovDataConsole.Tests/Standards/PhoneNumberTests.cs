using GovDataConsole.Standards;

namespace GovDataConsole.Tests.Standards;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("+86 138-0013-8000", "13800138000")]
    [InlineData("+8613800138000", "13800138000")]
    [InlineData("0086 138 0013 8000", "13800138000")]
    [InlineData("8613800138000", "13800138000")]
    [InlineData("138-0013-8000", "13800138000")]
    [InlineData("138 0013 8000", "13800138000")]
    [InlineData(" 13800138000 ", "13800138000")]
    [InlineData("１３８００１３８０００", "13800138000")]
    [InlineData("＋８６　１３８－００１３－８０００", "13800138000")]
    [InlineData("138\u00A00013\u20108000", "13800138000")]
    [InlineData("0571-87654321", "057187654321")]
    [InlineData("(0571)87654321", "057187654321")]
    [InlineData("+86 571 8765 4321", "057187654321")]
    [InlineData("+86 (0)571 8765 4321", "057187654321")]
    [InlineData("12345", "12345")]
    public void Normalize_strips_country_code_separators_and_full_width(string raw, string expected)
    {
        Assert.Equal(expected, PhoneNumber.Normalize(raw));
        Assert.Equal(expected, PhoneNumber.Normalize(expected));
    }

    [Fact]
    public void Normalize_returns_clean_values_and_nulls_unchanged()
    {
        const string clean = "13800138000";
        Assert.Same(clean, PhoneNumber.Normalize(clean));
        Assert.Null(PhoneNumber.Normalize(null));
        Assert.Equal("", PhoneNumber.Normalize(""));
    }

    [Theory]
    [InlineData("13800138000", true)]
    [InlineData("19912345678", true)]
    [InlineData("12800138000", false)]
    [InlineData("1380013800", false)]
    [InlineData("138001380001", false)]
    [InlineData("+8613800138000", false)]
    [InlineData("１３８００１３８０００", false)]
    [InlineData(null, false)]
    public void Mobile_numbers_are_11_digits_starting_13_to_19(string? value, bool expected)
    {
        Assert.Equal(expected, PhoneNumber.IsMobile(value));
        Assert.Equal("手机号应为 11 位数字，以 13–19 开头", PhoneNumber.InvalidMobileMessage);
    }

    [Theory]
    [InlineData("0571-87654321", true)]
    [InlineData("057187654321", true)]
    [InlineData("010-12345678-801", true)]
    [InlineData("87654321", false)]
    public void Landlines_need_an_area_code(string value, bool expected) =>
        Assert.Equal(expected, PhoneNumber.IsMobileOrLandline(value));
}
