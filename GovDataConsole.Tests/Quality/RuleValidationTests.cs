using GovDataConsole.Quality;
using P = GovDataConsole.Quality.RuleParameterNames;

namespace GovDataConsole.Tests.Quality;

/// <summary><see cref="RuleCompiler.Validate"/>: the Chinese reason a rule cannot be used, or null.</summary>
public sealed class RuleValidationTests
{
    private static string? Validate(RuleTemplate template, string[] fields, params (string, string)[] parameters) =>
        RuleCompiler.Validate(RuleKit.Rule(template, fields, parameters) with { Name = "测试规则" }, RuleKit.Context);

    private static string Refusal(string reason) => $"规则“测试规则”无法使用：{reason}";

    [Theory]
    [InlineData(RuleTemplate.NotBlank, new string[0], "该模板需要 1 个字段")]
    [InlineData(RuleTemplate.Mobile, new[] { "LXDH", "XM" }, "该模板需要 1 个字段")]
    [InlineData(RuleTemplate.BirthDateMatchesId, new[] { "SFZH" }, "该模板需要 2 个字段")]
    [InlineData(RuleTemplate.StartBeforeEnd, new[] { "KSRQ", "JSRQ", "CSRQ" }, "该模板需要 2 个字段")]
    [InlineData(RuleTemplate.Unique, new string[0], "该模板需要 一个或多个 个字段")]
    [InlineData(RuleTemplate.GroupCompleteness, new string[0], "该模板需要 一个或多个 个字段")]
    [InlineData(RuleTemplate.ReceivedInCycle, new[] { "XM" }, "该模板需要 0 个字段")]
    [InlineData(RuleTemplate.RowCountChange, new[] { "XM" }, "该模板需要 0 个字段")]
    public void Wrong_field_counts(RuleTemplate template, string[] fields, string reason) =>
        Assert.Equal(Refusal(reason), Validate(template, fields));

    [Theory]
    [InlineData(RuleTemplate.NotNull)]
    [InlineData(RuleTemplate.Unique)]
    public void Unknown_fields(RuleTemplate template) =>
        Assert.Equal(Refusal("资源中没有信息项“DHHM”"), Validate(template, ["DHHM"]));

    [Fact]
    public void Field_codes_match_regardless_of_case() => Assert.Null(Validate(RuleTemplate.NotNull, ["xm"]));

    [Theory]
    [InlineData("", "请填写正则表达式")]
    [InlineData("(", "正则表达式无效")]
    [InlineData("[a-", "正则表达式无效")]
    public void Bad_patterns(string pattern, string reason) =>
        Assert.Equal(Refusal(reason), Validate(RuleTemplate.Pattern, ["XM"], (P.Pattern, pattern)));

    [Theory]
    [InlineData(RuleTemplate.Length, P.Min, "两", "“最小长度”应为不小于 0 的数字")]
    [InlineData(RuleTemplate.Length, P.Max, "-1", "“最大长度”应为不小于 0 的数字")]
    [InlineData(RuleTemplate.NumberRange, P.Min, "1O", "“最小值”应为不小于 0 的数字")]
    [InlineData(RuleTemplate.DateFreshness, P.Days, "1.5", "“最长天数”应为不小于 0 的数字")]
    [InlineData(RuleTemplate.DateRange, P.Min, "2026/01/01", "“最早日期”应为 yyyy-MM-dd 格式的日期")]
    [InlineData(RuleTemplate.DateRange, P.Max, "2026-02-30", "“最晚日期”应为 yyyy-MM-dd 格式的日期")]
    public void Bad_numbers_and_dates(RuleTemplate template, string parameter, string value, string reason)
    {
        var field = template is RuleTemplate.DateRange or RuleTemplate.DateFreshness ? "CSRQ" : "ZCZB";
        Assert.Equal(Refusal(reason), Validate(template, [field], (parameter, value)));
    }

    [Fact]
    public void Unknown_dictionaries()
    {
        Assert.Equal(Refusal("找不到代码表“GB0000”"), Validate(RuleTemplate.InDictionary, ["XB"], (P.Dictionary, "GB0000")));
        Assert.Equal(Refusal("该信息项未关联代码表，请在参数中指定代码表编码"), Validate(RuleTemplate.InDictionary, ["XM"]));
    }

    [Fact]
    public void Unknown_references() =>
        Assert.Equal(Refusal("找不到被引用的资源字段“330100SCJ/00009.TYSHXYDM”（请填写资源编码和信息项编码）"),
            Validate(RuleTemplate.Reference, ["TYSHXYDM"], (P.Resource, "330100SCJ/00009"), (P.Field, "TYSHXYDM")));

    [Theory]
    [InlineData("3", "比对位数只能是 2、4 或 6")]
    [InlineData("0", "比对位数只能是 2、4 或 6")]
    [InlineData("x", "“比对位数（2 省 / 4 市 / 6 县）”应为不小于 0 的数字")]
    public void Id_division_digits_are_2_4_or_6(string digits, string reason) =>
        Assert.Equal(Refusal(reason), Validate(RuleTemplate.DivisionMatchesId, ["SFZH", "XZQH"], (P.Digits, digits)));

    [Theory]
    [InlineData("0")]
    [InlineData("3")]
    public void Group_counts_must_fit_the_fields(string count) =>
        Assert.Equal(Refusal("至少填写的字段数应在 1 到 2 之间"), Validate(RuleTemplate.GroupCompleteness, ["LXDH", "YX"], (P.Count, count)));

    [Fact]
    public void Gender_codes_are_required() =>
        Assert.Equal(Refusal("请填写“男性代码”"), Validate(RuleTemplate.GenderMatchesId, ["SFZH", "XB"], (P.MaleCode, " ")));

    [Fact]
    public void Bad_expressions_are_refused_with_the_parsers_reason()
    {
        var error = Validate(RuleTemplate.Expression, [], (P.Expression, "ZCZB >"));
        Assert.StartsWith(Refusal(""), error);
        Assert.True(error!.Length > Refusal("").Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("-5")]
    public void Row_count_change_needs_a_percent_of_at_least_zero(string percent)
    {
        Assert.Equal(Refusal("“允许变化幅度（%）”应为不小于 0 的数字"), Validate(RuleTemplate.RowCountChange, [], (P.Percent, percent)));
        Assert.Throws<InvalidQualityRuleException>(() => QualityPlan.Compile(
            [RuleKit.Rule(RuleTemplate.RowCountChange, [], (P.Percent, percent))], RuleKit.Context));
    }

    [Fact]
    public void Good_rules_of_every_template_validate()
    {
        Assert.Null(Validate(RuleTemplate.RowCountChange, []));
        Assert.Null(Validate(RuleTemplate.ReceivedInCycle, []));
        Assert.Null(Validate(RuleTemplate.Unique, ["SFZH", "XM"]));
        Assert.Null(Validate(RuleTemplate.DivisionMatchesId, ["SFZH", "XZQH"]));
        Assert.Null(Validate(RuleTemplate.DateRange, ["CSRQ"], (P.Min, "1900-01-01"), (P.Max, "")));
    }

    [Fact]
    public void Compiling_a_bad_rule_throws_the_same_reason()
    {
        var rule = RuleKit.Rule(RuleTemplate.Pattern, ["XM"], (P.Pattern, "(")) with { Name = "测试规则" };
        var thrown = Assert.Throws<InvalidQualityRuleException>(() => QualityPlan.Compile([rule], RuleKit.Context));
        Assert.Equal(RuleCompiler.Validate(rule, RuleKit.Context), thrown.Message);
    }
}
