using System.Globalization;

namespace GovDataConsole.Quality.Expressions;

/// <summary>
/// Orders two non-empty trimmed values: as invariant decimals when both are numbers, else chronologically when both
/// are ISO dates or date-times, else ordinally.
/// </summary>
internal static class ValueOrder
{
    private static readonly string[] DateFormats =
        ["yyyy-MM-dd", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"];

    public static int Compare(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        if (TryNumber(left, out var a) && TryNumber(right, out var b)) return a.CompareTo(b);
        if (TryDate(left, out var x) && TryDate(right, out var y)) return x.CompareTo(y);
        return left.SequenceCompareTo(right);
    }

    private static bool TryNumber(ReadOnlySpan<char> value, out decimal number) =>
        decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number);

    private static bool TryDate(ReadOnlySpan<char> value, out DateTime date) =>
        DateTime.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
