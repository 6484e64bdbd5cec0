using System.Globalization;

namespace GovDataConsole.Tests.Standards;

/// <summary>Independent recognisers of the spoiled values the generators promise, to check their reports against.</summary>
internal static class GeneratedValues
{
    private static readonly string[] NonIsoFormats = ["yyyy/M/d", "yyyy.MM.dd", "yyyyMMdd", "yyyy年M月d日"];

    public static bool IsBlank(string value) => string.IsNullOrWhiteSpace(value) || value is "无" or "NULL" or "-";

    public static bool HasFullWidthDigits(string value) =>
        value.Any(c => c is >= '０' and <= '９') && !value.Any(char.IsAsciiDigit);

    public static string ToHalfWidth(string value) =>
        new(value.Select(c => c is >= '０' and <= '９' ? (char)(c - 0xFEE0) : c).ToArray());

    public static bool IsIsoDate(string value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    public static DateOnly? ParseNonIsoDate(string value) =>
        DateOnly.TryParseExact(value, NonIsoFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
