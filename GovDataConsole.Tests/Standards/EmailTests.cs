using GovDataConsole.Standards;

namespace GovDataConsole.Tests.Standards;

public sealed class EmailTests
{
    [Theory]
    [InlineData("zhang.wei@163.com")]
    [InlineData("12345678@qq.com")]
    [InlineData("li_na+gov@sub.zj.gov.cn")]
    [InlineData("a@b.cn")]
    public void Valid_addresses_pass(string value) => Assert.True(Email.IsValid(value));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("zhang@")]
    [InlineData("@163.com")]
    [InlineData("zhang@163")]
    [InlineData("zhang wei@163.com")]
    [InlineData("zhang@@163.com")]
    [InlineData("zhang..wei@163.com")]
    [InlineData(".zhang@163.com")]
    [InlineData("张伟@163.com")]
    [InlineData("zhang@-163.com")]
    [InlineData("zhang@163.c0m")]
    [InlineData("zhang@163.com ")]
    [InlineData("zhang@163.com\n")]
    public void Invalid_addresses_fail(string? value)
    {
        Assert.False(Email.IsValid(value));
        Assert.Equal("电子邮箱格式不正确", Email.InvalidMessage);
    }

    [Fact]
    public void Local_part_over_64_characters_fails() =>
        Assert.False(Email.IsValid(new string('a', 65) + "@163.com"));
}
