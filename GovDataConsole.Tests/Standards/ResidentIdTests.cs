using GovDataConsole.Standards;

namespace GovDataConsole.Tests.Standards;

public sealed class ResidentIdTests
{
    private static readonly DateOnly Today = new(2026, 6, 30);
    private static readonly ResidentIdRules Rules = new(Today);

    // Check character = "10X98765432"[Σ digit × weight mod 11], weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2:
    // 11010519491231002X  GB 11643-1999's own example: Σ = 167, 167 mod 11 = 2 → X
    // 330106199003071236  Σ = 226, mod 11 = 6 → 6
    // 330102198501010014  Σ = 151, mod 11 = 8 → 4
    // 44030420000229551X  Σ = 244, mod 11 = 2 → X (29 February of the leap year 2000)
    [Theory]
    [InlineData("11010519491231002X", "1949-12-31", 2, "2", "110105")]
    [InlineData("330106199003071236", "1990-03-07", 3, "1", "330106")]
    [InlineData("330102198501010014", "1985-01-01", 1, "1", "330102")]
    [InlineData("44030420000229551X", "2000-02-29", 1, "1", "440304")]
    public void Valid_ids_expose_birth_date_gender_and_division(string id, string birth, int genderDigit, string genderCode, string prefix)
    {
        var result = ResidentId.Validate(id, Rules);

        Assert.True(result.IsValid, result.Failure.ToString());
        Assert.Null(result.Message);
        Assert.False(result.IsLegacy);
        Assert.Equal(DateOnly.Parse(birth), result.BirthDate);
        Assert.Equal(genderDigit, result.GenderDigit);
        Assert.Equal(genderCode, result.GenderCode);
        Assert.Equal(prefix, result.DivisionPrefix);
    }

    [Theory]
    [InlineData(null, ResidentIdFailure.Empty)]
    [InlineData("", ResidentIdFailure.Empty)]
    [InlineData("1101051949123100", ResidentIdFailure.Length)]
    [InlineData("11010519491231002X1", ResidentIdFailure.Length)]
    [InlineData("110105491231002", ResidentIdFailure.LegacyNotAllowed)]
    [InlineData("11010519491231002Y", ResidentIdFailure.Characters)]
    [InlineData("1101051949123100X2", ResidentIdFailure.Characters)]
    [InlineData("11010519491A31002X", ResidentIdFailure.Characters)]
    [InlineData("１１0105194912310０2X", ResidentIdFailure.Characters)]
    [InlineData("990105199003071236", ResidentIdFailure.Province)]
    [InlineData("000105199003071236", ResidentIdFailure.Province)]
    [InlineData("330106199002301236", ResidentIdFailure.BirthDate)]
    [InlineData("330106199013071236", ResidentIdFailure.BirthDate)]
    [InlineData("330106199003001236", ResidentIdFailure.BirthDate)]
    [InlineData("330106190002291236", ResidentIdFailure.BirthDate)] // 1900 is not a leap year
    [InlineData("330106189912311236", ResidentIdFailure.BirthDateBefore1900)]
    [InlineData("330106202607011236", ResidentIdFailure.BirthDateInFuture)]
    [InlineData("110105194912310021", ResidentIdFailure.CheckCharacter)]
    [InlineData("330106199003071235", ResidentIdFailure.CheckCharacter)]
    [InlineData("33010619900307123x", ResidentIdFailure.CheckCharacter)]
    [InlineData("11010519491231002x", ResidentIdFailure.LowerCaseX)]
    public void Each_failing_rule_is_reported_with_its_own_message(string? id, ResidentIdFailure expected)
    {
        var result = ResidentId.Validate(id, Rules);

        Assert.Equal(expected, result.Failure);
        Assert.False(result.IsValid);
        Assert.False(string.IsNullOrWhiteSpace(result.Message));
    }

    [Fact]
    public void Every_failure_has_a_distinct_chinese_message()
    {
        var messages = Enum.GetValues<ResidentIdFailure>().Skip(1).Select(ResidentId.Describe).ToList();

        Assert.All(messages, m => Assert.Contains("身份证号", m));
        Assert.Equal(messages.Count, messages.Distinct().Count());
    }

    [Fact]
    public void Birth_date_is_kept_when_a_later_rule_fails()
    {
        var result = ResidentId.Validate("110105194912310021", Rules);

        Assert.Equal(ResidentIdFailure.CheckCharacter, result.Failure);
        Assert.Equal(new DateOnly(1949, 12, 31), result.BirthDate);
        Assert.Equal("110105", result.DivisionPrefix);
        Assert.Null(ResidentId.Validate("330106199002301236", Rules).BirthDate);
    }

    [Fact]
    public void Born_today_is_valid_born_tomorrow_is_not()
    {
        var body = "33010620260630123";
        var id = body + ResidentId.CheckCharacter(body);

        Assert.True(ResidentId.Validate(id, Rules).IsValid);
        Assert.Equal(ResidentIdFailure.BirthDateInFuture, ResidentId.Validate(id, Rules with { Today = Today.AddDays(-1) }).Failure);
    }

    [Fact]
    public void Lower_case_x_is_accepted_only_when_the_rule_allows_it()
    {
        Assert.True(ResidentId.Validate("11010519491231002x", Rules with { AllowLowerCaseX = true }).IsValid);
        Assert.Equal(ResidentIdFailure.CheckCharacter,
            ResidentId.Validate("33010619900307123x", Rules with { AllowLowerCaseX = true }).Failure);
    }

    // 330103 下城区 was merged into 拱墅区 in 2021: its IDs stay valid, but not against today's division table.
    // 330103198001011236: Σ = 226 … check character 6.
    [Fact]
    public void Strict_mode_checks_the_six_digit_prefix_against_the_supplied_divisions()
    {
        var strict = Rules with { Divisions = Divisions.Known };

        Assert.True(ResidentId.Validate("330103198001011236", Rules).IsValid);
        Assert.Equal(ResidentIdFailure.Division, ResidentId.Validate("330103198001011236", strict).Failure);
        Assert.Equal(ResidentIdFailure.Division, ResidentId.Validate("11010519491231002X", strict).Failure);
        Assert.True(ResidentId.Validate("330106199003071236", strict).IsValid);
        Assert.True(ResidentId.Validate("330103198001011236", Rules with { Divisions = new DivisionSet(["330103"]) }).IsValid);
    }

    [Theory]
    [InlineData("110105491231002", "1949-12-31", 2)]
    [InlineData("330106900307123", "1990-03-07", 3)]
    public void Legacy_ids_are_valid_where_the_rule_allows_them(string id, string birth, int genderDigit)
    {
        var result = ResidentId.Validate(id, Rules with { AllowLegacy = true });

        Assert.True(result.IsValid, result.Failure.ToString());
        Assert.True(result.IsLegacy);
        Assert.Equal(DateOnly.Parse(birth), result.BirthDate);
        Assert.Equal(genderDigit, result.GenderDigit);
        Assert.Equal(id[..6], result.DivisionPrefix);
    }

    [Theory]
    [InlineData("11010549123100X", ResidentIdFailure.Characters)]
    [InlineData("990105491231002", ResidentIdFailure.Province)]
    [InlineData("110105491331002", ResidentIdFailure.BirthDate)]
    [InlineData("110105000229002", ResidentIdFailure.BirthDate)]
    public void Legacy_ids_break_the_same_rules(string id, ResidentIdFailure expected) =>
        Assert.Equal(expected, ResidentId.Validate(id, Rules with { AllowLegacy = true }).Failure);

    // 19 is inserted before the two-digit year, then the check character is computed over the 17 digits:
    // 11010519491231002 → Σ 167 → X; 33010619900307123 → Σ 226 → 6; 33010219850101001 → Σ 151 → 4;
    // 33062119880808511 → 3; 11010519960229001 → Σ 209 → mod 11 = 0 → 1; 33010619000101001 → Σ 104 → 5 → 7.
    [Theory]
    [InlineData("110105491231002", "11010519491231002X")]
    [InlineData("330106900307123", "330106199003071236")]
    [InlineData("330102850101001", "330102198501010014")]
    [InlineData("330621880808511", "330621198808085113")]
    [InlineData("110105960229001", "110105199602290011")]
    [InlineData("330106000101001", "330106190001010017")]
    public void Legacy_ids_upgrade_to_18_digits_with_the_right_check_character(string legacy, string expected)
    {
        Assert.Equal(expected, ResidentId.UpgradeTo18(legacy));
        Assert.True(ResidentId.TryUpgradeTo18(legacy, out var upgraded));
        Assert.Equal(expected, upgraded);
        Assert.True(ResidentId.Validate(upgraded, Rules).IsValid);
    }

    [Theory]
    [InlineData("")]
    [InlineData("11010549123100")]
    [InlineData("11010519491231002X")]
    [InlineData("11010549123100X")]
    [InlineData("110105491331002")]
    [InlineData("110105000229001")] // 1900-02-29 does not exist
    [InlineData("１１０１０５４９１２３１００２")]
    public void Upgrade_refuses_anything_but_a_15_digit_id_with_a_real_date(string value)
    {
        Assert.False(ResidentId.TryUpgradeTo18(value, out var upgraded));
        Assert.Null(upgraded);
        Assert.Throws<FormatException>(() => ResidentId.UpgradeTo18(value));
    }

    [Fact]
    public void Generated_ids_pass_and_every_other_check_character_fails()
    {
        var random = new Random(11643);
        for (var n = 0; n < 500; n++)
        {
            var body = $"{Divisions.ZhejiangCounties[random.Next(90)].Code}{DateOnly.FromDayNumber(random.Next(new DateOnly(1900, 1, 1).DayNumber, Today.DayNumber)):yyyyMMdd}{random.Next(1000):000}";
            var check = ResidentId.CheckCharacter(body);
            Assert.True(ResidentId.Validate(body + check, Rules with { Divisions = Divisions.Known }).IsValid, body + check);
            foreach (var wrong in "0123456789X".Where(c => c != check))
                Assert.Equal(ResidentIdFailure.CheckCharacter, ResidentId.Validate(body + wrong, Rules).Failure);
        }
    }

    [Fact]
    public void A_single_changed_digit_is_always_caught()
    {
        const string id = "330106199003071236";
        for (var position = 0; position < 17; position++)
            foreach (var digit in "0123456789".Where(d => d != id[position]))
            {
                var changed = string.Concat(id.AsSpan(0, position), digit.ToString(), id.AsSpan(position + 1));
                Assert.False(ResidentId.Validate(changed, Rules).IsValid, changed);
            }
    }

    [Fact]
    public void Check_character_needs_17_ascii_digits() =>
        Assert.Throws<ArgumentException>(() => ResidentId.CheckCharacter("1101051949123100A"));
}
