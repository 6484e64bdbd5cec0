using System.Buffers;
using System.Globalization;
using System.Text;
using GovDataConsole.Features.Catalog;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Features.Collection;

/// <summary>
/// Checks one received value against its info item: required, type and length. Deliberately tolerant of the formats
/// cleansing normalises later (full-width digits, thousands separators, the common date styles): those are kept, not refused.
/// Runs once per cell of every batch, so the common shapes (plain ASCII numbers, ISO dates) take allocation-free fast
/// paths that accept only what the general path accepts, and fall back to it otherwise.
/// </summary>
public static class SchemaCheck
{
    private const int StackChars = 256;

    private static readonly string[] DateStyles =
    [
        "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd", "yyyy年M月d日",
        "yyyy-M-d H:m", "yyyy-M-d H:m:s", "yyyy/M/d H:m", "yyyy/M/d H:m:s", "yyyy-M-dTH:m:s", "yyyy年M月d日 H:m:s", "yyyyMMddHHmmss",
    ];

    /// <summary>Characters <see cref="Numeric"/> rewrites or drops; text without them (and all ASCII) is numeric as is.</summary>
    private static readonly SearchValues<char> NumericSpecials = SearchValues.Create(", ");

    public static string? Check(InfoItem item, string value)
    {
        var text = value.AsSpan().Trim();
        if (text.Length == 0) return item.Required ? T.Schema_Required : null;
        Span<char> buffer = stackalloc char[StackChars];
        return item.DataType switch
        {
            ItemDataType.String => text.Length > item.Length ? string.Format(T.Schema_TooLong, item.Length, text.Length) : null,
            ItemDataType.Integer => long.TryParse(Numeric(text, buffer), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) ? null : T.Schema_NotInteger,
            ItemDataType.Decimal => CheckDecimal(item, Numeric(text, buffer)),
            ItemDataType.Date or ItemDataType.DateTime => IsDate(text) ? null : T.Schema_NotDate,
            ItemDataType.Boolean => text is "是" or "否" or "1" or "0" or "true" or "false" or "TRUE" or "FALSE" or "Y" or "N" ? null : T.Schema_NotBoolean,
            _ => null,
        };
    }

    private static string? CheckDecimal(InfoItem item, ReadOnlySpan<char> text)
    {
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            return T.Schema_NotDecimal;
        if (item.Precision is int precision && number.Scale > precision) return string.Format(T.Schema_TooManyDecimals, precision);
        return item.Length is int length && Digits(number) > length ? string.Format(T.Schema_TooManyDigits, length) : null;
    }

    /// <summary>The digits of the invariant text of |<paramref name="number"/>| (trailing zeros of its scale included).</summary>
    private static int Digits(decimal number)
    {
        Span<char> buffer = stackalloc char[64];
        Math.Abs(number).TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture);
        var digits = 0;
        foreach (var c in buffer[..written])
            if (char.IsAsciiDigit(c)) digits++;
        return digits;
    }

    /// <summary>
    /// Full-width digits to ASCII; thousands separators and a trailing 元 removed. Returns <paramref name="text"/> itself when
    /// there is nothing to rewrite (all ASCII, no comma or space), else the rewritten text in <paramref name="buffer"/>.
    /// </summary>
    private static ReadOnlySpan<char> Numeric(ReadOnlySpan<char> text, Span<char> buffer)
    {
        if (Ascii.IsValid(text) && !text.ContainsAny(NumericSpecials)) return text;
        if (buffer.Length < text.Length) buffer = new char[text.Length];
        var n = 0;
        foreach (var c in text)
        {
            var ch = c is >= '０' and <= '９' ? (char)(c - '０' + '0') : c is '．' ? '.' : c is '－' ? '-' : c;
            if (ch is ',' or '，' or '元' or ' ') continue;
            buffer[n++] = ch;
        }
        return buffer[..n];
    }

    private static bool IsDate(ReadOnlySpan<char> text) =>
        IsIsoDate(text)
        || DateTime.TryParseExact(text, DateStyles, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out _)
        || (double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var serial) && serial is > 1 and < 2958466);

    /// <summary>
    /// yyyy-MM-dd or yyyy-MM-dd HH:mm:ss with two-digit fields and a real calendar date and time: the shape the xlsx reader
    /// and most exports produce, all of which "yyyy-M-d" / "yyyy-M-d H:m:s" accept. Anything else goes to the general path.
    /// </summary>
    private static bool IsIsoDate(ReadOnlySpan<char> s)
    {
        if (s.Length is not (10 or 19) || s[4] != '-' || s[7] != '-') return false;
        if (!TryDigits(s[..4], out var year) || !TryDigits(s.Slice(5, 2), out var month) || !TryDigits(s.Slice(8, 2), out var day)) return false;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        if (s.Length == 10) return true;
        return s[10] == ' ' && s[13] == ':' && s[16] == ':'
            && TryDigits(s.Slice(11, 2), out var hour) && TryDigits(s.Slice(14, 2), out var minute) && TryDigits(s.Slice(17, 2), out var second)
            && hour < 24 && minute < 60 && second < 60;
    }

    private static bool TryDigits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c)) return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }
}
