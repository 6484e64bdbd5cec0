using GovDataConsole.Quality;
using GovDataConsole.Standards;
using P = GovDataConsole.Quality.RuleParameterNames;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Tests.Quality;

/// <summary>The national-standard templates through the compiled rule: the standards' own examples, then generated values both ways.</summary>
public sealed class StandardRuleTests
{
    private static string Failure(string itemName, string detail) => string.Format(T.RuleFailure_Field, itemName, detail);

    private static string? ResidentIdCheck(string id, bool legacy = false, bool strict = false) =>
        RuleKit.Check(RuleTemplate.ResidentId, "SFZH", id, (P.AllowLegacy, legacy ? "true" : "false"), (P.CheckDivision, strict ? "true" : "false"));

    private static string? CreditCodeCheck(string code) => RuleKit.Check(RuleTemplate.CreditCode, "TYSHXYDM", code);

    [Theory]
    [InlineData("11010519491231002X")] // GB 11643-1999's own example
    [InlineData("330106199003071236")]
    [InlineData("44030420000229551X")] // 29 February of a leap year
    public void Resident_ids_of_the_standard_pass(string id) => Assert.Null(ResidentIdCheck(id));

    [Theory]
    [InlineData("11010519491231002Y", nameof(T.ResidentId_Characters))]
    [InlineData("110105194912310021", nameof(T.ResidentId_CheckCharacter))]
    [InlineData("11010519491231002x", nameof(T.ResidentId_LowerCaseX))]
    [InlineData("1101051949123100", nameof(T.ResidentId_Length))]
    [InlineData("110105491231002", nameof(T.ResidentId_LegacyNotAllowed))]
    [InlineData("960105194912310021", nameof(T.ResidentId_Province))] // 96 is no province
    [InlineData("110105194902300028", nameof(T.ResidentId_BirthDate))] // 30 February
    [InlineData("110105202607010019", nameof(T.ResidentId_BirthDateInFuture))] // the day after RuleKit.Today
    public void Broken_resident_ids_are_reported_in_chinese(string id, string messageKey)
    {
        var expected = Failure("公民身份号码", T.ResourceManager.GetString(messageKey, T.Culture)!);
        Assert.Equal(expected, ResidentIdCheck(id));
    }

    [Fact]
    public void A_birth_date_of_today_is_not_in_the_future()
    {
        var first17 = "110105" + RuleKit.Today.ToString("yyyyMMdd") + "001";
        Assert.Null(ResidentIdCheck(first17 + ResidentId.CheckCharacter(first17)));
    }

    [Fact]
    public void Fifteen_digit_ids_pass_only_when_legacy_is_allowed()
    {
        const string legacy = "110105491231002";
        Assert.NotNull(ResidentIdCheck(legacy));
        Assert.Null(ResidentIdCheck(legacy, legacy: true));
        // The legacy form still needs a real date and a province.
        Assert.NotNull(ResidentIdCheck("110105490230002", legacy: true));
        Assert.NotNull(ResidentIdCheck("960105491231002", legacy: true));
    }

    [Fact]
    public void Division_strictness_needs_a_known_six_digit_prefix()
    {
        // Known divisions: all of Zhejiang, province level elsewhere; 110105 (a Beijing district) is not in the table.
        Assert.Null(ResidentIdCheck("11010519491231002X"));
        Assert.Equal(Failure("公民身份号码", T.ResidentId_Division), ResidentIdCheck("11010519491231002X", strict: true));
        Assert.Null(ResidentIdCheck("330106199003071236", strict: true));
    }

    [Fact]
    public void Generated_resident_ids_pass_and_every_single_digit_change_fails()
    {
        var random = new Random(11643);
        var counties = Divisions.ZhejiangCounties;
        for (var n = 0; n < 200; n++)
        {
            var birth = RuleKit.Today.AddDays(-random.Next(1, 36_500));
            var first17 = $"{counties[random.Next(counties.Count)].Code}{birth:yyyyMMdd}{random.Next(1000):000}";
            var id = first17 + ResidentId.CheckCharacter(first17);
            Assert.Null(ResidentIdCheck(id, strict: true));

            // Mod 11-2 catches every single substituted digit, wherever it is.
            var position = random.Next(18);
            var digits = "0123456789" + (position == 17 ? "X" : "");
            var replacement = digits.Where(c => c != id[position]).ElementAt(random.Next(digits.Length - 1));
            var spoiled = string.Concat(id.AsSpan(0, position), replacement.ToString(), id.AsSpan(position + 1));
            Assert.NotNull(ResidentIdCheck(spoiled));
        }
    }

    [Theory]
    [InlineData("91350100M000100Y43")] // GB 32100-2015's own example
    [InlineData("11330100MB1A83256D")]
    [InlineData("113301060024962374")]
    public void Credit_codes_of_the_standard_pass(string code) => Assert.Null(CreditCodeCheck(code));

    [Theory]
    [InlineData("91350100M000100Y44", nameof(T.CreditCode_CheckCharacter))]
    [InlineData("91350100M000100Y4", nameof(T.CreditCode_Length))]
    [InlineData("91350100M000100Y433", nameof(T.CreditCode_Length))]
    [InlineData("91350100m000100Y43", nameof(T.CreditCode_Characters))]
    [InlineData("9135A100M000100Y43", nameof(T.CreditCode_Division))]
    public void Broken_credit_codes_are_reported_in_chinese(string code, string messageKey) =>
        Assert.Equal(Failure("统一社会信用代码", T.ResourceManager.GetString(messageKey, T.Culture)!), CreditCodeCheck(code));

    [Theory]
    [InlineData('I')]
    [InlineData('O')]
    [InlineData('S')]
    [InlineData('V')]
    [InlineData('Z')]
    public void The_letters_I_O_S_V_Z_are_never_in_a_credit_code(char letter)
    {
        Assert.Equal(Failure("统一社会信用代码", T.CreditCode_Characters), CreditCodeCheck("91350100" + letter + "000100Y43"));
        Assert.Equal(Failure("统一社会信用代码", T.CreditCode_Characters), CreditCodeCheck("91350100M000100Y4" + letter));
    }

    [Fact]
    public void Generated_credit_codes_pass_and_every_single_character_change_fails()
    {
        var random = new Random(32100);
        const string alphabet = UnifiedSocialCreditCode.Alphabet;
        for (var n = 0; n < 200; n++)
        {
            var division = Divisions.ZhejiangCounties[random.Next(Divisions.ZhejiangCounties.Count)].Code;
            var organisation = string.Concat(Enumerable.Range(0, 9).Select(_ => alphabet[random.Next(alphabet.Length)]));
            var first17 = $"{"9159"[random.Next(4)]}{"123"[random.Next(3)]}{division}{organisation}";
            var code = first17 + UnifiedSocialCreditCode.CheckCharacter(first17);
            Assert.Null(CreditCodeCheck(code));

            // Mod 31 with weights prime to 31 catches every single substituted character outside the division digits.
            var position = new[] { 0, 1, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17 }[random.Next(12)];
            var replacement = alphabet.Where(c => c != code[position]).ElementAt(random.Next(alphabet.Length - 1));
            Assert.Equal(Failure("统一社会信用代码", T.CreditCode_CheckCharacter),
                CreditCodeCheck(string.Concat(code.AsSpan(0, position), replacement.ToString(), code.AsSpan(position + 1))));
        }
    }

    [Theory]
    [InlineData("13812345678", true)]
    [InlineData("19912345678", true)]
    [InlineData("12812345678", false)]
    [InlineData("1381234567", false)]
    [InlineData("138123456789", false)]
    [InlineData("138-1234-5678", false)]
    [InlineData("+8613812345678", false)]
    [InlineData("0571-87654321", false)]
    [InlineData("１３８１２３４５６７８", false)]
    public void Mobiles(string value, bool valid) =>
        Assert.Equal(valid ? null : Failure("联系电话", T.Phone_MobileInvalid), RuleKit.Check(RuleTemplate.Mobile, "LXDH", value));

    [Fact]
    public void Generated_mobiles_pass_and_truncated_ones_fail()
    {
        var random = new Random(11);
        for (var n = 0; n < 100; n++)
        {
            var mobile = $"1{random.Next(3, 10)}{random.Next(1_000_000_000):000000000}";
            Assert.Null(RuleKit.Check(RuleTemplate.Mobile, "LXDH", mobile));
            Assert.NotNull(RuleKit.Check(RuleTemplate.Mobile, "LXDH", mobile[..^1]));
            Assert.NotNull(RuleKit.Check(RuleTemplate.Mobile, "LXDH", $"1{random.Next(0, 3)}{mobile[2..]}"));
        }
    }

    [Theory]
    [InlineData("zhang.san@example.gov.cn", true)]
    [InlineData("li_si+tag@qq.com", true)]
    [InlineData("user@mail-server.zj.cn", true)]
    [InlineData("zhangsan", false)]
    [InlineData("@example.com", false)]
    [InlineData("zhang@", false)]
    [InlineData("zhang@example", false)]
    [InlineData("zhang@@example.com", false)]
    [InlineData("zhang..san@example.com", false)]
    [InlineData("张三@example.com", false)]
    [InlineData("zhang@-example.com", false)]
    public void Emails(string value, bool valid) =>
        Assert.Equal(valid ? null : Failure("电子邮箱", T.Email_Invalid), RuleKit.Check(RuleTemplate.Email, "YX", value));

    [Theory]
    [InlineData("310000", true)]
    [InlineData("100080", true)]
    [InlineData("31000", false)]
    [InlineData("3100000", false)]
    [InlineData("31000A", false)]
    [InlineData("３１００００", false)]
    public void Postcodes(string value, bool valid) =>
        Assert.Equal(valid ? null : Failure("邮政编码", T.Postcode_Invalid), RuleKit.Check(RuleTemplate.Postcode, "YZBM", value));

    [Theory]
    [InlineData("330106", false, null)]
    [InlineData("110000", true, null)]
    [InlineData("110105", false, null)]
    [InlineData("110105", true, nameof(T.DivisionCode_Unknown))]
    [InlineData("330106", true, null)]
    [InlineData("960000", false, nameof(T.DivisionCode_Province))]
    [InlineData("33010", false, nameof(T.DivisionCode_Format))]
    [InlineData("33010A", false, nameof(T.DivisionCode_Format))]
    public void Division_codes(string value, bool requireKnown, string? messageKey)
    {
        var expected = messageKey is null ? null : Failure("行政区划", T.ResourceManager.GetString(messageKey, T.Culture)!);
        Assert.Equal(expected, RuleKit.Check(RuleTemplate.DivisionCode, "XZQH", value, (P.RequireKnown, requireKnown ? "true" : "false")));
    }

    [Fact]
    public void Every_zhejiang_division_passes_strictly()
    {
        foreach (var division in Divisions.Zhejiang)
            Assert.Null(RuleKit.Check(RuleTemplate.DivisionCode, "XZQH", division.Code, (P.RequireKnown, "true")));
    }
}
