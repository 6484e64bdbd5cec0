using System.Globalization;

namespace GovDataConsole.Cleansing;

/// <summary>Numbers to invariant decimal text (1,234.50 元 → 1234.50, ＋００７ → 7); unreadable values stay as they are.</summary>
internal sealed class NumberCleanser : Cleanser
{
    public static readonly NumberCleanser Instance = new();

    public override string Clean(string value)
    {
        if (!FlexibleNumber.TryParse(value, out var number)) return value;
        Span<char> text = stackalloc char[32];
        number.TryFormat(text, out var length, default, CultureInfo.InvariantCulture);
        return text[..length].SequenceEqual(value) ? value : new string(text[..length]);
    }
}
