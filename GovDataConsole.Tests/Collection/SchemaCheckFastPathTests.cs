using System.Globalization;
using GovDataConsole.Features.Catalog;
using GovDataConsole.Features.Collection;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Tests.Collection;

/// <summary>The allocation-free SchemaCheck gives exactly the answers of the straightforward version it replaced (kept here as the oracle).</summary>
public sealed class SchemaCheckFastPathTests
{
    private static readonly string[] Values =
    [
        "", " ", "　", "0", "-0", "1", "-1", "+1", "12", " 42 ", "007", "1,234", "1，234", "１２３", "－５", "１２．５", "12元", "1 234", "12.5", "-12.50",
        "0.5", ".5", "5.", "1e5", "1E-05", "abc", "12a", "9223372036854775807", "9223372036854775808", "123456789012345678901234567890",
        "99999999999999999999.99", "0.000001", "120.12345600000001", "3.14159265358979", "1.0000", "1,2,3", ",", "元",
        "2024-01-05", "2024-1-5", "2024-02-29", "2023-02-29", "2024-13-01", "2024-00-10", "0000-01-01", "2024-01-05 10:05:03", "2024-01-05 24:00:00",
        "2024-01-05 23:59:60", "2024-01-05T10:05:03", "2024/01/05", "2024.1.5", "20240105", "2024年1月5日", "2024-01-05 10:05", "2024-1-5 1:2:3",
        "20240105100503", "2024年1月5日 10:05:03", "45000", "45000.5", "1", "2958466", "2024-01-05x", "2024-01-0５", "2024-01-05  10:05:03",
        "是", "否", "true", "True", "TRUE", "Y", "N", "y", "张三", "浙江省杭州市上城区解放路1号", new string('长', 60), new string('9', 300),
        new string('９', 300), "\t12\t", "12\u00A0", "null", "-", "--1", "1-",
    ];

    public static TheoryData<ItemDataType, int?, int?, bool> Items() => new()
    {
        { ItemDataType.String, 10, null, true }, { ItemDataType.String, 50, null, false }, { ItemDataType.Integer, null, null, false },
        { ItemDataType.Decimal, 18, 2, false }, { ItemDataType.Decimal, 5, 0, true }, { ItemDataType.Decimal, 20, 15, false },
        { ItemDataType.Date, null, null, true }, { ItemDataType.DateTime, null, null, false }, { ItemDataType.Boolean, null, null, false },
    };

    [Theory]
    [MemberData(nameof(Items))]
    public void Gives_the_same_answer_as_the_reference(ItemDataType type, int? length, int? precision, bool required)
    {
        var item = new InfoItem(new InfoItemForm { Code = "X", Name = "项", DataType = type, Length = length, Precision = precision, Required = required }, 1);
        foreach (var value in Values)
            Assert.True(Reference.Check(item, value) == SchemaCheck.Check(item, value), $"{type} '{value}'");
    }

    /// <summary>SchemaCheck as it was before the fast paths.</summary>
    private static class Reference
    {
        private static readonly string[] DateStyles =
        [
            "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd", "yyyy年M月d日",
            "yyyy-M-d H:m", "yyyy-M-d H:m:s", "yyyy/M/d H:m", "yyyy/M/d H:m:s", "yyyy-M-dTH:m:s", "yyyy年M月d日 H:m:s", "yyyyMMddHHmmss",
        ];

        public static string? Check(InfoItem item, string value)
        {
            var text = value.Trim();
            if (text.Length == 0) return item.Required ? T.Schema_Required : null;
            return item.DataType switch
            {
                ItemDataType.String => text.Length > item.Length ? string.Format(T.Schema_TooLong, item.Length, text.Length) : null,
                ItemDataType.Integer => long.TryParse(Numeric(text), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) ? null : T.Schema_NotInteger,
                ItemDataType.Decimal => CheckDecimal(item, Numeric(text)),
                ItemDataType.Date or ItemDataType.DateTime => IsDate(text) ? null : T.Schema_NotDate,
                ItemDataType.Boolean => text is "是" or "否" or "1" or "0" or "true" or "false" or "TRUE" or "FALSE" or "Y" or "N" ? null : T.Schema_NotBoolean,
                _ => null,
            };
        }

        private static string? CheckDecimal(InfoItem item, string text)
        {
            if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
                return T.Schema_NotDecimal;
            var scale = number.Scale;
            var digits = Math.Abs(number).ToString(CultureInfo.InvariantCulture).Count(char.IsAsciiDigit);
            if (item.Precision is int precision && scale > precision) return string.Format(T.Schema_TooManyDecimals, precision);
            return item.Length is int length && digits > length ? string.Format(T.Schema_TooManyDigits, length) : null;
        }

        private static string Numeric(string text)
        {
            var buffer = new char[text.Length];
            var n = 0;
            foreach (var c in text)
            {
                var ch = c is >= '０' and <= '９' ? (char)(c - '０' + '0') : c is '．' ? '.' : c is '－' ? '-' : c;
                if (ch is ',' or '，' or '元' or ' ') continue;
                buffer[n++] = ch;
            }
            return new string(buffer, 0, n);
        }

        private static bool IsDate(string text) =>
            DateTime.TryParseExact(text, DateStyles, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out _)
            || (double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var serial) && serial is > 1 and < 2958466);
    }
}
