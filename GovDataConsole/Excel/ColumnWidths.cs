using System.Text;

namespace GovDataConsole.Excel;

/// <summary>
/// Column widths from content without GDI+ (never AdjustToContents): East Asian wide and full-width characters count
/// two units, others one; the longest line wins, plus padding, clamped to [min, max].
/// </summary>
public static class ColumnWidths
{
    public const double DefaultMin = 8;
    public const double DefaultMax = 60;
    private const double Padding = 2;

    /// <summary>Display units of the longest line of <paramref name="text"/>.</summary>
    public static int Measure(string? text)
    {
        if (string.IsNullOrEmpty(text)) return 0;
        int longest = 0, current = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value == '\n')
            {
                longest = Math.Max(longest, current);
                current = 0;
                continue;
            }
            current += IsWide(rune) ? 2 : 1;
        }
        return Math.Max(longest, current);
    }

    /// <summary>A width fitting the widest of <paramref name="values"/> (include the header), clamped to [min, max].</summary>
    public static double Fit(IEnumerable<string?> values, double min = DefaultMin, double max = DefaultMax)
    {
        var widest = values.Select(Measure).DefaultIfEmpty(0).Max();
        return Math.Clamp(widest + Padding, min, max);
    }

    /// <summary>East Asian Wide/Fullwidth: Hangul Jamo, CJK symbols to Yi, Hangul syllables, compatibility ideographs, full-width forms, supplementary ideographs.</summary>
    public static bool IsWide(Rune rune) => rune.Value switch
    {
        >= 0x1100 and <= 0x115F => true,
        >= 0x2E80 and <= 0x303E => true,
        >= 0x3041 and <= 0xA4CF => true,
        >= 0xAC00 and <= 0xD7A3 => true,
        >= 0xF900 and <= 0xFAFF => true,
        >= 0xFE30 and <= 0xFE4F => true,
        >= 0xFF00 and <= 0xFF60 => true,
        >= 0xFFE0 and <= 0xFFE6 => true,
        >= 0x1F300 and <= 0x1F64F => true,
        >= 0x20000 and <= 0x3FFFD => true,
        _ => false,
    };
}
