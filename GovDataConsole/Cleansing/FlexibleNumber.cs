using System.Globalization;

namespace GovDataConsole.Cleansing;

/// <summary>
/// Reads numbers as departments write them: surrounding whitespace, full-width digits, sign and point, thousands
/// separators (, or ，, in groups of three before the point only) and a trailing 元 (not 万元: nothing is scaled).
/// </summary>
public static class FlexibleNumber
{
    private const int MaxLength = 64;

    public static bool TryParse(ReadOnlySpan<char> text, out decimal value)
    {
        value = 0;
        var s = text.Trim();
        if (s.Length > 0 && s[^1] == '元') s = s[..^1].TrimEnd();
        if (s.Length is 0 or > MaxLength) return false;
        Span<char> buffer = stackalloc char[s.Length];
        var length = 0;
        var run = 0;
        var grouped = false;
        var point = false;
        foreach (var raw in s)
        {
            var c = raw == '\u2212' ? '-' : FullWidth.ToHalfWidth(raw);
            if (c == ',')
            {
                if (point || run == 0 || run > 3 || (grouped && run != 3)) return false;
                grouped = true;
                run = 0;
                continue;
            }
            if (char.IsAsciiDigit(c)) run++;
            else if (c == '.')
            {
                if (grouped && run != 3) return false;
                point = true;
            }
            buffer[length++] = c;
        }
        if (grouped && !point && run != 3) return false;
        return decimal.TryParse(buffer[..length], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }
}
