using System.Globalization;

namespace GovDataConsole.Quality.Expressions;

/// <summary>
/// Orders two non-empty trimmed values: as invariant decimals when both are numbers, else chronologically when both
/// are ISO dates or date-times (<c>yyyy-MM-dd</c>, then optionally <c>T</c> or a space and <c>HH:mm</c> or <c>HH:mm:ss</c>),
/// else ordinally.
/// </summary>
internal static class ValueOrder
{
    public static int Compare(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        if (TryNumber(left, out var a) && TryNumber(right, out var b)) return a.CompareTo(b);
        if (TryDate(left, out var x) && TryDate(right, out var y)) return x.CompareTo(y);
        return left.SequenceCompareTo(right);
    }

    /// <summary>Anything but a sign, digits and points is no number (dates mostly), known before the slower decimal parse.</summary>
    private static bool TryNumber(ReadOnlySpan<char> value, out decimal number)
    {
        number = 0;
        return value[1..].ContainsAnyExcept(NumberChars) is false && (char.IsAsciiDigit(value[0]) || value[0] is '+' or '-' or '.')
            && decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number);
    }

    private static readonly System.Buffers.SearchValues<char> NumberChars = System.Buffers.SearchValues.Create("0123456789.");

    /// <summary>A real calendar date and time of day, parsed by position (this runs per row, so no format strings).</summary>
    private static bool TryDate(ReadOnlySpan<char> value, out DateTime date)
    {
        date = default;
        if (value.Length is not (10 or 16 or 19) || value[4] != '-' || value[7] != '-') return false;
        if (!Digits(value, 0, 4, out var year) || !Digits(value, 5, 2, out var month) || !Digits(value, 8, 2, out var day)) return false;
        int hour = 0, minute = 0, second = 0;
        if (value.Length > 10)
        {
            if (value[10] is not ('T' or ' ') || value[13] != ':' || !Digits(value, 11, 2, out hour) || !Digits(value, 14, 2, out minute)) return false;
            if (value.Length == 19 && (value[16] != ':' || !Digits(value, 17, 2, out second))) return false;
        }
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return false;
        date = new DateTime(year, month, day, hour, minute, second);
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> value, int start, int count, out int number)
    {
        number = 0;
        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(value[i])) return false;
            number = number * 10 + value[i] - '0';
        }
        return true;
    }
}
