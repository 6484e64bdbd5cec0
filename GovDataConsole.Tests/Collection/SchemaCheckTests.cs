using GovDataConsole.Features.Catalog;
using GovDataConsole.Features.Collection;

namespace GovDataConsole.Tests.Collection;

/// <summary>What the import accepts per data type: tolerant of the styles cleansing normalises, strict about the rest.</summary>
public sealed class SchemaCheckTests
{
    private static InfoItem Item(ItemDataType type, int? length = null, int? precision = null, bool required = false)
    {
        var form = new ResourceForm
        {
            Code = "330100GAJ/00001", Name = "测试", DepartmentId = 1,
            Items = [new InfoItemForm { Code = "A", Name = "甲", DataType = type, Length = length, Precision = precision, Required = required }],
        };
        return new DataResource(form).Items[0];
    }

    [Theory]
    [InlineData("2026-01-05")]
    [InlineData("2026/1/5")]
    [InlineData("2026.01.05")]
    [InlineData("20260105")]
    [InlineData("2026年1月5日")]
    [InlineData("２０２６年１月５日")]
    [InlineData("2026-01-05 08:30:00")]
    [InlineData("46027")]
    public void Dates_in_the_styles_departments_use_are_accepted(string value) =>
        Assert.Null(SchemaCheck.Check(Item(ItemDataType.Date), value));

    [Theory]
    [InlineData("2026-13-45")]
    [InlineData("1990-02-30")]
    [InlineData("明天")]
    [InlineData("2026")]
    public void Values_that_are_no_date_are_refused(string value) =>
        Assert.Equal("不是可识别的日期", SchemaCheck.Check(Item(ItemDataType.Date), value));

    [Theory]
    [InlineData("1,234", null)]
    [InlineData("１２３", null)]
    [InlineData("-42", null)]
    [InlineData("1.5", "不是整数")]
    [InlineData("12a", "不是整数")]
    public void Integers(string value, string? expected) => Assert.Equal(expected, SchemaCheck.Check(Item(ItemDataType.Integer), value));

    [Theory]
    [InlineData("12.34", null)]
    [InlineData("1,234.5", null)]
    [InlineData("12.345", "小数位超过 2 位")]
    [InlineData("12345.6", "数字位数超过 5 位")]
    [InlineData("abc", "不是数字")]
    public void Decimals_respect_digits_and_precision(string value, string? expected) =>
        Assert.Equal(expected, SchemaCheck.Check(Item(ItemDataType.Decimal, length: 5, precision: 2), value));

    [Fact]
    public void Required_and_length_are_checked_on_the_trimmed_value()
    {
        Assert.Equal("必填项为空", SchemaCheck.Check(Item(ItemDataType.String, length: 5, required: true), "   "));
        Assert.Null(SchemaCheck.Check(Item(ItemDataType.String, length: 5), "  甲乙丙丁戊  "));
        Assert.Equal("长度超过 5（实际 6 个字符）", SchemaCheck.Check(Item(ItemDataType.String, length: 5), "甲乙丙丁戊己"));
        Assert.Null(SchemaCheck.Check(Item(ItemDataType.String, length: 5), ""));
    }
}
