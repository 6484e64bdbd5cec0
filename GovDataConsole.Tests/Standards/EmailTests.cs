using System.Text.RegularExpressions;
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

    /// <summary>The grammar as a regular expression: the hand-written check must agree with it on any input.</summary>
    private static readonly Regex Grammar = new(@"^[A-Za-z0-9_%+\-]+(\.[A-Za-z0-9_%+\-]+)*@([A-Za-z0-9]([A-Za-z0-9\-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}\z");

    [Fact]
    public void Agrees_with_the_grammar_on_generated_strings()
    {
        const string Characters = "aZ09_%+-.@ 张\n";
        var random = new Random(20261127);
        var valid = 0;
        for (var i = 0; i < 200_000; i++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 14)).Select(_ => Characters[random.Next(Characters.Length)])]);
            // Most random strings fail early; half of them get a plausible shape so the domain rules are exercised too.
            if (i % 2 == 0) text = $"{text.Replace("@", "")}@{new string([.. text.Reverse()]).Replace("@", "")}.{(i % 4 == 0 ? "cn" : "c0")}";
            var expected = text.Length <= 254 && text.IndexOf('@') is > 0 and <= 64 && Grammar.IsMatch(text);
            Assert.True(expected == Email.IsValid(text), $"'{text}': grammar {expected}");
            if (expected) valid++;
        }
        // Both answers occur often enough for the comparison to mean something.
        Assert.InRange(valid, 1_000, 100_000);
    }
}
