using GovDataConsole.Cleansing;

namespace GovDataConsole.Tests.Cleansing;

public sealed class ResidentIdCleanserTests
{
    // Check characters by hand: weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, "10X98765432"[sum mod 11].
    // 11010519491231002: 7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 167, 167 mod 11 = 2 → X.
    // 33010619800101123: 21+27+0+5+0+24+2+9+48+0+0+9+0+5+8+8+6 = 172, 172 mod 11 = 7 → 5.
    // 44030419960229001: 28+36+0+15+0+16+2+9+54+18+0+18+20+45+0+0+2 = 263, 263 mod 11 = 10 → 2 (leap day of 1996).
    [Theory]
    [InlineData("110105491231002", "11010519491231002X")]
    [InlineData("330106800101123", "330106198001011235")]
    [InlineData("440304960229001", "440304199602290012")]
    [InlineData("11010519491231002x", "11010519491231002X")]
    public void Legacy_ids_are_upgraded_and_lower_case_x_raised(string raw, string expected) =>
        Assert.Equal(expected, Clean.With(CleanserKind.ResidentIdUpgrade, raw));

    [Theory]
    [InlineData("11010519491231002X")]
    [InlineData("330106198001011235")]
    [InlineData("")]
    [InlineData("110105491231002 ")]
    [InlineData("１１０１０５４９１２３１００２")]
    [InlineData("110105491302002")]
    [InlineData("110105000229002")] // 1900 was no leap year
    [InlineData("11010549123100x")]
    [InlineData("1101051949123100xx")]
    [InlineData("无")]
    public void Other_values_come_back_as_the_same_instance(string value) =>
        Assert.Same(value, Clean.With(CleanserKind.ResidentIdUpgrade, value));
}
