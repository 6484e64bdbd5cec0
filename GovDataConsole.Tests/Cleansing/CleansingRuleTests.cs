using GovDataConsole.Cleansing;

namespace GovDataConsole.Tests.Cleansing;

public sealed class CleansingRuleTests
{
    private static readonly IReadOnlyList<CleansingRule> RuleSet =
    [
        new(CleanserKind.Trim),
        new(CleanserKind.NullTokens, new Dictionary<string, string> { [CleanserParameterNames.Tokens] = "无\n不详" }),
        new(CleanserKind.DictionaryMapping, new Dictionary<string, string>
        {
            [CleanserParameterNames.UseEntryNames] = "false",
            [CleanserParameterNames.Mapping] = "男=1\n女=2",
        }),
        new(CleanserKind.RegexReplace, new Dictionary<string, string> { [CleanserParameterNames.Pattern] = @"\s+", [CleanserParameterNames.Replacement] = "" }),
    ];

    [Fact]
    public void Rule_lists_round_trip_through_json()
    {
        var json = CleansingRule.ToJson(RuleSet);
        Assert.Equal(
            """[{"kind":"Trim","parameters":{}},{"kind":"NullTokens","parameters":{"tokens":"无\n不详"}},"""
            + """{"kind":"DictionaryMapping","parameters":{"mapping":"男=1\n女=2","useEntryNames":"false"}},"""
            + """{"kind":"RegexReplace","parameters":{"pattern":"\\s+","replacement":""}}]""",
            json);
        var back = CleansingRule.ListFromJson(json);
        Assert.Equal(RuleSet, back);
        Assert.Equal(json, CleansingRule.ToJson(back));
    }

    [Fact]
    public void Rules_compare_by_value_whatever_the_parameter_order()
    {
        var a = new CleansingRule(CleanserKind.RegexReplace, new Dictionary<string, string> { ["pattern"] = "a", ["replacement"] = "b" });
        var b = new CleansingRule(CleanserKind.RegexReplace, new Dictionary<string, string> { ["replacement"] = "b", ["pattern"] = "a" });
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, new CleansingRule(CleanserKind.RegexReplace, new Dictionary<string, string> { ["pattern"] = "a", ["replacement"] = "c" }));
        Assert.NotEqual(new CleansingRule(CleanserKind.UpperCase), new CleansingRule(CleanserKind.LowerCase));
        Assert.Equal(new CleansingRule(CleanserKind.Trim), new CleansingRule(CleanserKind.Trim, new Dictionary<string, string>()));
    }

    [Fact]
    public void Every_kind_has_a_chinese_name_and_description()
    {
        var all = CleanserCatalog.All;
        Assert.Equal(Enum.GetValues<CleanserKind>(), all.Select(d => d.Kind));
        Assert.All(all, d =>
        {
            Assert.NotEqual(d.Kind.ToString(), d.Name);
            Assert.NotEmpty(d.Description);
            Assert.All(d.Parameters, p => Assert.NotEmpty(p.Label));
        });
        Assert.Equal("空值标记置空", CleanserCatalog.Describe(CleanserKind.NullTokens).Name);
        Assert.Equal("身份证号15位升18位", CleanserCatalog.Describe(CleanserKind.ResidentIdUpgrade).Name);
    }

    [Fact]
    public void The_catalogue_gives_parameters_with_defaults()
    {
        var tokens = Assert.Single(CleanserCatalog.Describe(CleanserKind.NullTokens).Parameters);
        Assert.Equal(new CleanserParameter("tokens", "空值标记（每行一个）", CleanserParameterType.Lines, "无\n-\n--\nNULL\nnull\nN/A\n空\n/"), tokens);
        Assert.Equal(
            [("mapping", CleanserParameterType.MappingTable, ""), ("useEntryNames", CleanserParameterType.Boolean, "true")],
            CleanserCatalog.Describe(CleanserKind.DictionaryMapping).Parameters.Select(p => (p.Name, p.Type, p.Default)));
        Assert.Equal(
            [("pattern", CleanserParameterType.Regex, ""), ("replacement", CleanserParameterType.Text, "")],
            CleanserCatalog.Describe(CleanserKind.RegexReplace).Parameters.Select(p => (p.Name, p.Type, p.Default)));
        Assert.Empty(CleanserCatalog.Describe(CleanserKind.Date).Parameters);
    }

    [Fact]
    public void Unknown_parameters_and_bad_switches_are_refused_in_chinese()
    {
        Assert.Equal("清洗规则“去除多余空白”没有参数“tokens”。",
            CleanserCatalog.Validate(new CleansingRule(CleanserKind.Trim, new Dictionary<string, string> { ["tokens"] = "无" })));
        Assert.Equal("“是”不是有效的开关值，应为 true 或 false。",
            CleanserCatalog.Validate(new CleansingRule(CleanserKind.DictionaryMapping, new Dictionary<string, string> { ["mapping"] = "男=1", ["useEntryNames"] = "是" })));
        Assert.All(Enum.GetValues<CleanserKind>().Except([CleanserKind.DictionaryMapping, CleanserKind.RegexReplace]),
            kind => Assert.Null(CleanserCatalog.Validate(new CleansingRule(kind))));
    }
}
