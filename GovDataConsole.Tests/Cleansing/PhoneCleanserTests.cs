using GovDataConsole.Cleansing;

namespace GovDataConsole.Tests.Cleansing;

public sealed class PhoneCleanserTests
{
    [Theory]
    [InlineData("+86 138-0013-8000", "13800138000")]
    [InlineData("0086 138 0013 8000", "13800138000")]
    [InlineData("＋８６　１３８－００１３－８０００", "13800138000")]
    [InlineData("0571-87654321", "057187654321")]
    public void Phone_numbers_are_normalised(string raw, string expected) =>
        Assert.Equal(expected, Clean.With(CleanserKind.PhoneNumber, raw));

    [Theory]
    [InlineData("13800138000")]
    [InlineData("")]
    public void Clean_numbers_come_back_as_the_same_instance(string value) =>
        Assert.Same(value, Clean.With(CleanserKind.PhoneNumber, value));
}
