using GovDataConsole.Standards;

namespace GovDataConsole.Tests.Standards;

public sealed class UnifiedSocialCreditCodeTests
{
    // Values are positions in 0123456789ABCDEFGHJKLMNPQRTUWXY, weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28,
    // check = alphabet[(31 − Σ mod 31) mod 31]:
    // 91350100M000100Y43  Σ = 1640, 1640 mod 31 = 28, 31 − 28 = 3 → 3
    // 91110000100000000R  Σ = 68, 68 mod 31 = 6, 31 − 6 = 25 → R
    [Theory]
    [InlineData("91350100M000100Y43")]
    [InlineData("91110000100000000R")]
    public void Valid_codes_pass(string code)
    {
        Assert.True(UnifiedSocialCreditCode.IsValid(code));
        Assert.Equal(UnifiedSocialCreditCodeFailure.None, UnifiedSocialCreditCode.Validate(code));
        Assert.Equal(code[17], UnifiedSocialCreditCode.CheckCharacter(code.AsSpan(0, 17)));
    }

    [Theory]
    [InlineData(null, UnifiedSocialCreditCodeFailure.Empty)]
    [InlineData("", UnifiedSocialCreditCodeFailure.Empty)]
    [InlineData("91350100M000100Y4", UnifiedSocialCreditCodeFailure.Length)]
    [InlineData("91350100M000100Y433", UnifiedSocialCreditCodeFailure.Length)]
    [InlineData("91350100M000100Y4O", UnifiedSocialCreditCodeFailure.Characters)]
    [InlineData("91350100M0001I0Y43", UnifiedSocialCreditCodeFailure.Characters)]
    [InlineData("91350100m000100y43", UnifiedSocialCreditCodeFailure.Characters)]
    [InlineData("９1350100M000100Y43", UnifiedSocialCreditCodeFailure.Characters)]
    [InlineData("91A50100M000100Y42", UnifiedSocialCreditCodeFailure.Division)] // correct check character, letter in the division code
    [InlineData("91350100M000100Y44", UnifiedSocialCreditCodeFailure.CheckCharacter)]
    [InlineData("91350100M000100Y34", UnifiedSocialCreditCodeFailure.CheckCharacter)]
    public void Each_failing_rule_is_reported(string? code, UnifiedSocialCreditCodeFailure expected)
    {
        Assert.Equal(expected, UnifiedSocialCreditCode.Validate(code));
        Assert.False(UnifiedSocialCreditCode.IsValid(code));
        Assert.Contains("统一社会信用代码", UnifiedSocialCreditCode.Describe(expected));
    }

    [Fact]
    public void Generated_codes_pass_and_every_other_check_character_fails()
    {
        var random = new Random(32100);
        for (var n = 0; n < 300; n++)
        {
            var body = string.Concat(Enumerable.Range(0, 17).Select(i =>
                i is >= 2 and < 8 ? (char)('0' + random.Next(10)) : UnifiedSocialCreditCode.Alphabet[random.Next(31)]));
            var check = UnifiedSocialCreditCode.CheckCharacter(body);
            Assert.True(UnifiedSocialCreditCode.IsValid(body + check), body + check);
            foreach (var wrong in UnifiedSocialCreditCode.Alphabet.Where(c => c != check))
                Assert.Equal(UnifiedSocialCreditCodeFailure.CheckCharacter, UnifiedSocialCreditCode.Validate(body + wrong));
        }
    }

    // GB 11714: values 0–9, A = 10 … Z = 35, weights 3 7 9 10 5 8 4 2, check = 11 − Σ mod 11 (10 → X, 11 → 0).
    // D2143569X: Σ = 39 + 14 + 9 + 40 + 15 + 40 + 24 + 18 = 199, 199 mod 11 = 1, 11 − 1 = 10 → X
    // M000100Y4 (inside the credit code above): Σ = 66 + 5 + 68 = 139, 139 mod 11 = 7, 11 − 7 = 4
    [Theory]
    [InlineData("D2143569X", true)]
    [InlineData("M000100Y4", true)]
    [InlineData("D21435691", false)]
    [InlineData("d2143569X", false)]
    [InlineData("D2143569", false)]
    public void Organization_codes_carry_their_own_check_character(string code, bool valid) =>
        Assert.Equal(valid, OrganizationCode.IsValid(code));
}
