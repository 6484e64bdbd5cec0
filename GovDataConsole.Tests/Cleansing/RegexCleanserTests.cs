using GovDataConsole.Cleansing;

namespace GovDataConsole.Tests.Cleansing;

public sealed class RegexCleanserTests
{
    private static Dictionary<string, string> Replace(string pattern, string replacement) => new()
    {
        [CleanserParameterNames.Pattern] = pattern,
        [CleanserParameterNames.Replacement] = replacement,
    };

    [Theory]
    [InlineData(@"^(\d{4})(\d{2})$", "$1-$2", "202601", "2026-01")]
    [InlineData(@"(?<city>.+市)(?<rest>.+区)", "${rest}", "杭州市西湖区", "西湖区")]
    [InlineData(@"[（(].*?[)）]", "", "张三（曾用名李四）", "张三")]
    [InlineData(@"号$", "", "文三路1号", "文三路1")]
    [InlineData(@"I", "i", "III", "iii")]
    public void Matches_are_replaced(string pattern, string replacement, string raw, string expected) =>
        Assert.Equal(expected, Clean.With(CleanserKind.RegexReplace, raw, Replace(pattern, replacement)));

    [Fact]
    public void Values_without_a_match_come_back_as_the_same_instance()
    {
        const string value = "杭州市西湖区";
        Assert.Same(value, Clean.With(CleanserKind.RegexReplace, value, Replace(@"\d+", "#")));
    }

    [Theory]
    [InlineData("(abc", "正则表达式第 4 个字符附近有误（InsufficientClosingParentheses）。")]
    [InlineData("[a-", "正则表达式第 3 个字符附近有误（UnterminatedBracket）。")]
    [InlineData("", "请填写正则表达式。")]
    public void Invalid_patterns_are_refused_in_chinese(string pattern, string error)
    {
        var rule = new CleansingRule(CleanserKind.RegexReplace, Replace(pattern, ""));
        Assert.Equal(error, CleanserCatalog.Validate(rule));
        var thrown = Assert.Throws<InvalidCleansingRuleException>(() => CleansingPipeline.Build([new CleansingColumn(2, [new CleansingRule(CleanserKind.Trim), rule])]));
        Assert.Equal(error, thrown.Message);
        Assert.Equal(2, thrown.Column);
        Assert.Equal(1, thrown.Position);
    }

    [Fact]
    public void A_catastrophic_pattern_times_out_and_leaves_the_value()
    {
        var value = new string('a', 40) + "!";
        Assert.Same(value, Clean.With(CleanserKind.RegexReplace, value, Replace("^(a+)+$", "x")));
    }
}
