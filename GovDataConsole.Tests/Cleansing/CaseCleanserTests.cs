using GovDataConsole.Cleansing;

namespace GovDataConsole.Tests.Cleansing;

public sealed class CaseCleanserTests
{
    [Theory]
    [InlineData("11010519491231002x", "11010519491231002X")]
    [InlineData("91330106mA27xxxx1b", "91330106MA27XXXX1B")]
    [InlineData("张三abc", "张三ABC")]
    [InlineData("istanbul", "ISTANBUL")]
    public void Upper_case_is_invariant(string raw, string expected) =>
        Assert.Equal(expected, Clean.With(CleanserKind.UpperCase, raw));

    [Theory]
    [InlineData("ZhangSan@QQ.COM", "zhangsan@qq.com")]
    [InlineData("张三ABC", "张三abc")]
    [InlineData("ISTANBUL", "istanbul")]
    public void Lower_case_is_invariant(string raw, string expected) =>
        Assert.Equal(expected, Clean.With(CleanserKind.LowerCase, raw));

    [Theory]
    [InlineData("")]
    [InlineData("ABC123")]
    [InlineData("张三ABC")]
    public void Upper_case_values_come_back_as_the_same_instance(string value) =>
        Assert.Same(value, Clean.With(CleanserKind.UpperCase, value));

    [Theory]
    [InlineData("abc123")]
    [InlineData("张三abc")]
    public void Lower_case_values_come_back_as_the_same_instance(string value) =>
        Assert.Same(value, Clean.With(CleanserKind.LowerCase, value));
}
