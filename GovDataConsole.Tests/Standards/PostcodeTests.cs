using GovDataConsole.Standards;

namespace GovDataConsole.Tests.Standards;

public sealed class PostcodeTests
{
    [Theory]
    [InlineData("310000", true)]
    [InlineData("010010", true)]
    [InlineData("31000", false)]
    [InlineData("3100000", false)]
    [InlineData("31000a", false)]
    [InlineData("３１００００", false)]
    [InlineData("310 00", false)]
    [InlineData("", false)]
    public void Postcodes_are_six_ascii_digits(string value, bool expected)
    {
        Assert.Equal(expected, Postcode.IsValid(value));
        Assert.Equal("邮政编码应为 6 位数字", Postcode.InvalidMessage);
    }
}
