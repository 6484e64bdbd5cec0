using System.Globalization;
using GovDataConsole.Cleansing;
using GovDataConsole.Features.Catalog;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Features.Collection;

/// <summary>
/// Checks one received value against its info item: required, type and length. Deliberately tolerant of the formats
/// cleansing normalises later (full-width digits, thousands separators, the common date styles): those are kept, not refused.
/// </summary>
public static class SchemaCheck
{
    public static string? Check(InfoItem item, string value)
    {
        var text = value.Trim();
        if (text.Length == 0) return item.Required ? T.Schema_Required : null;
        return item.DataType switch
        {
            ItemDataType.String => text.Length > item.Length ? string.Format(T.Schema_TooLong, item.Length, text.Length) : null,
            ItemDataType.Integer => FlexibleNumber.TryParse(text, out var integer) && integer == decimal.Truncate(integer) ? null : T.Schema_NotInteger,
            ItemDataType.Decimal => CheckDecimal(item, text),
            ItemDataType.Date or ItemDataType.DateTime => FlexibleDate.TryParse(text, out _, out _) ? null : T.Schema_NotDate,
            ItemDataType.Boolean => text is "是" or "否" or "1" or "0" or "true" or "false" or "TRUE" or "FALSE" or "Y" or "N" ? null : T.Schema_NotBoolean,
            _ => null,
        };
    }

    private static string? CheckDecimal(InfoItem item, string text)
    {
        if (!FlexibleNumber.TryParse(text, out var number)) return T.Schema_NotDecimal;
        var digits = Math.Abs(number).ToString(CultureInfo.InvariantCulture).Count(char.IsAsciiDigit);
        if (item.Precision is int precision && number.Scale > precision) return string.Format(T.Schema_TooManyDecimals, precision);
        return item.Length is int length && digits > length ? string.Format(T.Schema_TooManyDigits, length) : null;
    }
}
