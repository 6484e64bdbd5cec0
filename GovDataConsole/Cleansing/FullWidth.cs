using System.Buffers;

namespace GovDataConsole.Cleansing;

/// <summary>Full-width forms U+FF01–U+FF5E (digits, Latin letters, ASCII punctuation) → U+0021–U+007E; U+3000 → space.</summary>
public static class FullWidth
{
    private static readonly SearchValues<char> Wide =
        SearchValues.Create([.. Enumerable.Range(0xFF01, 0xFF5E - 0xFF01 + 1).Select(c => (char)c), '\u3000']);

    public static char ToHalfWidth(char c) => c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c == '\u3000' ? ' ' : c;

    /// <summary>The half-width form of <paramref name="value"/>; the same instance when it holds no full-width character.</summary>
    public static string ToHalfWidth(string value)
    {
        var first = value.AsSpan().IndexOfAny(Wide);
        if (first < 0) return value;
        return string.Create(value.Length, (value, first), static (span, state) =>
        {
            state.value.AsSpan(0, state.first).CopyTo(span);
            for (var i = state.first; i < span.Length; i++) span[i] = ToHalfWidth(state.value[i]);
        });
    }
}
