using GovDataConsole.Cleansing;

namespace GovDataConsole.Tests.Cleansing;

public sealed class NullTokenCleanserTests
{
    [Theory]
    [InlineData("无")]
    [InlineData("-")]
    [InlineData("--")]
    [InlineData("NULL")]
    [InlineData("null")]
    [InlineData("N/A")]
    [InlineData("空")]
    [InlineData("/")]
    [InlineData(" 无 ")]
    [InlineData("\u3000NULL\u3000")]
    public void Default_tokens_become_empty(string raw) => Assert.Equal("", Clean.With(CleanserKind.NullTokens, raw));

    [Theory]
    [InlineData("")]
    [InlineData("无锡市")]
    [InlineData("Null")]
    [InlineData("n/a")]
    [InlineData("---")]
    [InlineData("2026-01-05")]
    [InlineData("  ")]
    public void Other_values_come_back_as_the_same_instance(string value) =>
        Assert.Same(value, Clean.With(CleanserKind.NullTokens, value));

    [Fact]
    public void The_token_list_is_configurable()
    {
        var tokens = new Dictionary<string, string> { [CleanserParameterNames.Tokens] = " 不详 \n\n未知\r\nn/a" };
        Assert.Equal("", Clean.With(CleanserKind.NullTokens, "不详", tokens));
        Assert.Equal("", Clean.With(CleanserKind.NullTokens, "未知", tokens));
        Assert.Equal("", Clean.With(CleanserKind.NullTokens, "n/a", tokens));
        Assert.Equal("无", Clean.With(CleanserKind.NullTokens, "无", tokens));
    }

    [Fact]
    public void An_empty_token_list_is_refused_in_chinese()
    {
        var rule = new CleansingRule(CleanserKind.NullTokens, new Dictionary<string, string> { [CleanserParameterNames.Tokens] = " \n " });
        Assert.Equal("请至少填写一个空值标记。", CleanserCatalog.Validate(rule));
    }
}
