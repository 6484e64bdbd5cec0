using GovDataConsole.Quality;
using P = GovDataConsole.Quality.RuleParameterNames;

namespace GovDataConsole.Tests.Quality;

/// <summary>Every row-scope template compiled through <see cref="QualityPlan"/>, with a passing and a failing row each.</summary>
public sealed class RuleTemplateTests
{
    public sealed record Case(string Name, QualityRule Rule, string[] Passing, string[] Failing)
    {
        public override string ToString() => Name;
    }

    /// <summary>The rows hold <paramref name="passing"/> / <paramref name="failing"/> in the rule's fields (or <paramref name="columns"/>).</summary>
    private static Case Of(RuleTemplate template, string[] fields, (string, string)[] parameters, string[] passing, string[] failing, string[]? columns = null) =>
        new(template.ToString(), RuleKit.Rule(template, fields, parameters),
            RuleKit.Row([.. (columns ?? fields).Zip(passing)]), RuleKit.Row([.. (columns ?? fields).Zip(failing)]));

    public static TheoryData<Case> Cases() =>
    [
        Of(RuleTemplate.NotNull, ["XM"], [], ["张三"], [""]),
        Of(RuleTemplate.NotBlank, ["XM"], [], ["张三"], ["无"]),
        Of(RuleTemplate.GroupCompleteness, ["LXDH", "YX"], [(P.Count, "1")], ["", "a@b.cn"], ["", " "]),
        Of(RuleTemplate.Length, ["XM"], [(P.Min, "2"), (P.Max, "4")], ["欧阳娜娜"], ["欧阳娜娜娜"]),
        Of(RuleTemplate.Pattern, ["YZBM"], [(P.Pattern, @"\d{6}")], ["310000"], ["31000x"]),
        Of(RuleTemplate.InDictionary, ["XB"], [], ["2"], ["男"]),
        Of(RuleTemplate.NumberRange, ["ZCZB"], [(P.Min, "0"), (P.Max, "100")], ["100"], ["100.01"]),
        Of(RuleTemplate.DateRange, ["CSRQ"], [(P.Min, "1900-01-01"), (P.Max, "2026-06-30")], ["2026-06-30"], ["2026-07-01"]),
        Of(RuleTemplate.DateParsable, ["CSRQ"], [], ["1990年3月7日"], ["1990-02-30"]),
        Of(RuleTemplate.DateFreshness, ["CSRQ"], [(P.Days, "30")], ["2026-05-31"], ["2026-05-30"]),
        Of(RuleTemplate.ResidentId, ["SFZH"], [], ["11010519491231002X"], ["110105194912310021"]),
        Of(RuleTemplate.CreditCode, ["TYSHXYDM"], [], ["91350100M000100Y43"], ["91350100M000100Y44"]),
        Of(RuleTemplate.Mobile, ["LXDH"], [], ["13812345678"], ["1381234567"]),
        Of(RuleTemplate.Email, ["YX"], [], ["a@b.cn"], ["a@b"]),
        Of(RuleTemplate.Postcode, ["YZBM"], [], ["310000"], ["3100"]),
        Of(RuleTemplate.DivisionCode, ["XZQH"], [], ["330106"], ["960106"]),
        Of(RuleTemplate.BirthDateMatchesId, ["SFZH", "CSRQ"], [], ["11010519491231002X", "1949/12/31"], ["11010519491231002X", "1949-12-30"]),
        Of(RuleTemplate.GenderMatchesId, ["SFZH", "XB"], [], ["11010519491231002X", "2"], ["11010519491231002X", "1"]),
        Of(RuleTemplate.DivisionMatchesId, ["SFZH", "XZQH"], [(P.Digits, "4")], ["11010519491231002X", "110108"], ["11010519491231002X", "110205"]),
        Of(RuleTemplate.StartBeforeEnd, ["KSRQ", "JSRQ"], [], ["2026-01-01", "2026-01-01"], ["2026-01-02", "2026-01-01"]),
        Of(RuleTemplate.Expression, [], [(P.Expression, "ZCZB >= 10")], ["10"], ["9.5"], ["ZCZB"]),
        Of(RuleTemplate.Reference, ["TYSHXYDM"], [(P.Resource, "330100SCJ/00001"), (P.Field, "TYSHXYDM")], ["91350100M000100Y43"], ["11330100MB1A83256D"]),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_rule_passes_its_good_row_and_fails_its_bad_row(Case c)
    {
        var plan = QualityPlan.Compile([c.Rule], RuleKit.Context);
        var failures = new long[1];
        var findings = new List<RowFinding>();

        Assert.Equal(0, plan.CheckRow(c.Passing, 1, failures, findings));
        Assert.Equal(1, plan.CheckRow(c.Failing, 2, failures, findings));

        Assert.Equal(1, failures[0]);
        var finding = Assert.Single(findings);
        Assert.Equal(0, finding.Rule);
        Assert.False(string.IsNullOrWhiteSpace(finding.Message));
    }

    [Fact]
    public void Every_row_template_has_a_case()
    {
        var covered = Cases().Select(c => c.Data.Rule.Template).ToHashSet();
        var rowTemplates = Enum.GetValues<RuleTemplate>().Where(t => RuleTemplateCatalog.ScopeOf(t) == RuleScope.Row).ToHashSet();
        Assert.Equal(rowTemplates, covered);
    }

    [Fact]
    public void Validity_checks_leave_empty_values_to_the_completeness_rules()
    {
        var empty = RuleKit.Row();
        foreach (var c in Cases().Select(c => c.Data).Where(c => c.Rule.Dimension != QualityDimension.Completeness && c.Rule.Template != RuleTemplate.Expression))
            Assert.Null(RuleCompiler.Compile(c.Rule, RuleKit.Context).Check(empty));
    }

    [Theory]
    [InlineData(RuleTemplate.NotNull, "", "姓名不能为空")]
    [InlineData(RuleTemplate.NotBlank, "　", "姓名不能为空（空白或“无”等空值也不可以）")]
    [InlineData(RuleTemplate.NotBlank, "N/A", "姓名不能为空（空白或“无”等空值也不可以）")]
    [InlineData(RuleTemplate.Length, "张", "姓名：长度应在 2 到 ∞ 个字符之间")]
    public void Completeness_and_length_messages_name_the_item(RuleTemplate template, string value, string message) =>
        Assert.Equal(message, RuleKit.Check(template, "XM", value, (P.Min, "2")));

    [Fact]
    public void Cross_field_messages_name_both_items()
    {
        Assert.Equal("出生日期与公民身份号码中的出生日期不一致",
            RuleCompiler.Compile(RuleKit.Rule(RuleTemplate.BirthDateMatchesId, ["SFZH", "CSRQ"]), RuleKit.Context)
                .Check(RuleKit.Row(("SFZH", "11010519491231002X"), ("CSRQ", "1950-01-01"))));
        Assert.Equal("性别与公民身份号码中的性别不一致",
            RuleCompiler.Compile(RuleKit.Rule(RuleTemplate.GenderMatchesId, ["SFZH", "XB"]), RuleKit.Context)
                .Check(RuleKit.Row(("SFZH", "11010519491231002X"), ("XB", "1"))));
        Assert.Equal("开始日期晚于结束日期",
            RuleCompiler.Compile(RuleKit.Rule(RuleTemplate.StartBeforeEnd, ["KSRQ", "JSRQ"]), RuleKit.Context)
                .Check(RuleKit.Row(("KSRQ", "2026-02-01"), ("JSRQ", "2026-01-31"))));
    }

    [Theory]
    [InlineData("9", "注册资本：数值不在 10 至 +∞ 范围内")]
    [InlineData("十万", "注册资本：不是有效数字")]
    [InlineData("1,000", null)]
    public void Number_range_messages(string value, string? message) =>
        Assert.Equal(message, RuleKit.Check(RuleTemplate.NumberRange, "ZCZB", value, (P.Min, "10")));

    [Fact]
    public void Dictionary_message_names_the_dictionary() =>
        Assert.Equal("性别：不是代码表“性别代码”中的代码", RuleKit.Check(RuleTemplate.InDictionary, "XB", "男"));

    [Fact]
    public void A_named_dictionary_is_used_over_the_items_own()
    {
        var rule = RuleKit.Rule(RuleTemplate.InDictionary, ["BZ"], (P.Dictionary, "GB2261.1-XB"));
        var check = RuleCompiler.Compile(rule, RuleKit.Context);
        Assert.Null(check.Check(RuleKit.Row(("BZ", "9"))));
        Assert.NotNull(check.Check(RuleKit.Row(("BZ", "3"))));
    }

    [Fact]
    public void Group_completeness_all_mode_needs_every_field()
    {
        var rule = RuleKit.Rule(RuleTemplate.GroupCompleteness, ["LXDH", "YX"], (P.Mode, P.ModeAll));
        var check = RuleCompiler.Compile(rule, RuleKit.Context);
        Assert.Equal("联系电话、电子邮箱 必须全部填写", check.Check(RuleKit.Row(("LXDH", "13812345678"))));
        Assert.Null(check.Check(RuleKit.Row(("LXDH", "13812345678"), ("YX", "a@b.cn"))));
    }

    [Fact]
    public void Gender_codes_are_the_rules_parameters()
    {
        var rule = RuleKit.Rule(RuleTemplate.GenderMatchesId, ["SFZH", "XB"], (P.MaleCode, "男"), (P.FemaleCode, "女"));
        var check = RuleCompiler.Compile(rule, RuleKit.Context);
        Assert.Null(check.Check(RuleKit.Row(("SFZH", "11010519491231002X"), ("XB", "女"))));
        Assert.NotNull(check.Check(RuleKit.Row(("SFZH", "11010519491231002X"), ("XB", "2"))));
    }

    [Fact]
    public void Id_pair_checks_skip_unreadable_ids()
    {
        // The ID rule reports a broken ID; the pair rules do not pile on.
        var check = RuleCompiler.Compile(RuleKit.Rule(RuleTemplate.BirthDateMatchesId, ["SFZH", "CSRQ"]), RuleKit.Context);
        Assert.Null(check.Check(RuleKit.Row(("SFZH", "1101051949"), ("CSRQ", "2000-01-01"))));
        // A 15-digit ID is read (birth year 19yy).
        Assert.Null(check.Check(RuleKit.Row(("SFZH", "110105491231002"), ("CSRQ", "1949-12-31"))));
    }

    [Fact]
    public void Disabled_rules_are_not_compiled_or_counted()
    {
        var broken = RuleKit.Rule(RuleTemplate.Pattern, ["XM"], (P.Pattern, "(")) with { Enabled = false };
        var plan = QualityPlan.Compile([broken, RuleKit.Rule(RuleTemplate.NotNull, ["XM"]) with { Key = "R2" }], RuleKit.Context);
        Assert.Equal("R2", Assert.Single(plan.Rules).Key);
    }

    [Fact]
    public void Findings_report_the_failing_field_and_the_plan_knows_every_field_read()
    {
        var plan = QualityPlan.Compile([RuleKit.Rule(RuleTemplate.BirthDateMatchesId, ["SFZH", "CSRQ"])], RuleKit.Context);
        var findings = new List<RowFinding>();
        plan.CheckRow(RuleKit.Row(("SFZH", "11010519491231002X"), ("CSRQ", "1950-01-01")), 7, new long[1], findings);
        Assert.Equal(Array.IndexOf(RuleKit.Codes, "CSRQ"), Assert.Single(findings).Field);
        Assert.Equal([Array.IndexOf(RuleKit.Codes, "SFZH"), Array.IndexOf(RuleKit.Codes, "CSRQ")], plan.FieldsOf(0));
    }

    [Fact]
    public void The_plan_reads_only_the_columns_its_rules_check_report_or_key()
    {
        var plan = QualityPlan.Compile(
        [
            RuleKit.Rule(RuleTemplate.BirthDateMatchesId, ["SFZH", "CSRQ"]),
            RuleKit.Rule(RuleTemplate.Expression, [], (P.Expression, "KSRQ <= JSRQ")) with { Key = "R2" },
            RuleKit.Rule(RuleTemplate.Unique, ["XM", "XB"]) with { Key = "R3" },
        ], RuleKit.Context);

        Assert.Equal(["SFZH", "XM", "XB", "CSRQ", "KSRQ", "JSRQ"], RuleKit.Codes.Where((_, i) => plan.Reads[i]));
    }

    [Fact]
    public void Pair_checks_on_row_after_row_each_read_their_own_rows_id()
    {
        var birth = RuleCompiler.Compile(RuleKit.Rule(RuleTemplate.BirthDateMatchesId, ["SFZH", "CSRQ"]), RuleKit.Context);
        var gender = RuleCompiler.Compile(RuleKit.Rule(RuleTemplate.GenderMatchesId, ["SFZH", "XB"]), RuleKit.Context);
        string[][] rows =
        [
            RuleKit.Row(("SFZH", "11010519491231002X"), ("CSRQ", "1949-12-31"), ("XB", "2")),
            RuleKit.Row(("SFZH", "110105194912310011"), ("CSRQ", "1949-12-31"), ("XB", "2")),
            RuleKit.Row(("SFZH", new string("11010519491231002X".ToCharArray())), ("CSRQ", "1949-12-30"), ("XB", "2")),
        ];

        Assert.Equal([(true, true), (true, false), (false, true)], rows.Select(r => (birth.Check(r) is null, gender.Check(r) is null)));
    }
}
