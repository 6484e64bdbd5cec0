using System.Globalization;
using GovDataConsole.Features.Catalog;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Features.Collection;

/// <summary>
/// Checks one received value against its info item: required, type and length. Deliberately tolerant of the formats
/// cleansing normalises later (full-width digits, thousands separators, the common date styles): those are kept, not refused.
/// </summary>
public static class SchemaCheck
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

    /// <summary>Full-width digits to ASCII; thousands separators and a trailing 元 removed.</summary>
    private static string Numeric(string text)
    {
        Span<char> buffer = stackalloc char[text.Length];
        var n = 0;
        foreach (var c in text)
        {
            var ch = c is >= '０' and <= '９' ? (char)(c - '０' + '0') : c is '．' ? '.' : c is '－' ? '-' : c;
            if (ch is ',' or '，' or '元' or ' ') continue;
            buffer[n++] = ch;
        }
        return new string(buffer[..n]);
    }

    /// <summary>The styles above, or any the date cleanser reads (full-width digits such as ２０２６年１月５日 included).</summary>
    private static bool IsDate(string text) =>
        GovDataConsole.Cleansing.FlexibleDate.TryParse(text, out _, out _)
        || DateTime.TryParseExact(text, DateStyles, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out _)
        || (double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var serial) && serial is > 1 and < 2958466);
}
