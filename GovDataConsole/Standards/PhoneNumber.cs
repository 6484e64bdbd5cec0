using System.Text.RegularExpressions;
using GovDataConsole.Resources;

namespace GovDataConsole.Standards;

/// <summary>Mainland China mobile numbers (11 digits starting 13–19) and fixed-line numbers with area code.</summary>
public static partial class PhoneNumber
{
    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex MobilePattern();

    [GeneratedRegex(@"^0\d{2,3}-?\d{7,8}(-\d{1,6})?$")]
    private static partial Regex LandlinePattern();

    public static string InvalidMobileMessage => UiText.Phone_MobileInvalid;

    public static bool IsMobile(string? value) => value is not null && MobilePattern().IsMatch(value);

    public static bool IsMobileOrLandline(string? value) =>
        value is not null && (MobilePattern().IsMatch(value) || LandlinePattern().IsMatch(value));

    /// <summary>
    /// Full-width characters → ASCII; spaces, dashes and parentheses removed; the country code +86 / 0086 / 86
    /// removed (a landline then gets its trunk 0 back: +86 571 8765 4321 → 057187654321). Returns the same
    /// instance when nothing changes. Extensions written with a dash merge into the number.
    /// </summary>
    public static string? Normalize(string? value)
    {
        if (string.IsNullOrEmpty(value)) return value;
        Span<char> buffer = value.Length <= 64 ? stackalloc char[value.Length] : new char[value.Length];
        var length = 0;
        foreach (var raw in value)
        {
            var c = raw is >= '\uFF01' and <= '\uFF5E' ? (char)(raw - 0xFEE0) : raw;
            if (char.IsWhiteSpace(c) || c is '-' or '(' or ')' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015')
                continue;
            buffer[length++] = c;
        }
        ReadOnlySpan<char> number = buffer[..length];
        var national = number.StartsWith("+86") ? number[3..]
            : number.StartsWith("0086") ? number[4..]
            : number.Length == 13 && number.StartsWith("861") ? number[2..]
            : number;
        if (national.Length != number.Length && national.Length > 0 && national[0] is not ('0' or '1'))
            return string.Concat("0", national);
        return national.SequenceEqual(value) ? value : national.ToString();
    }
}
