using System.Buffers;

namespace GovDataConsole.Cleansing;

/// <summary>
/// Trims whitespace (every <see cref="char.IsWhiteSpace"/> character: tabs, line breaks, U+00A0, U+3000 …) and turns
/// each inner run of it into one ASCII space.
/// </summary>
internal sealed class WhitespaceCleanser : Cleanser
{
    public static readonly WhitespaceCleanser Instance = new();

    private static readonly SearchValues<char> Spaces =
        SearchValues.Create(Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(char.IsWhiteSpace).ToArray());

    public override string Clean(string value)
    {
        var span = value.AsSpan();
        var at = span.IndexOfAny(Spaces);
        while (at >= 0)
        {
            if (at == 0 || at == span.Length - 1 || span[at] != ' ' || Spaces.Contains(span[at + 1])) return Collapse(span);
            var next = span[(at + 1)..].IndexOfAny(Spaces);
            at = next < 0 ? -1 : at + 1 + next;
        }
        return value;
    }

    private static string Collapse(ReadOnlySpan<char> span)
    {
        var trimmed = span.Trim();
        var rented = trimmed.Length > 256 ? ArrayPool<char>.Shared.Rent(trimmed.Length) : null;
        var buffer = rented ?? stackalloc char[trimmed.Length];
        var length = 0;
        var space = false;
        foreach (var c in trimmed)
        {
            if (Spaces.Contains(c))
            {
                space = true;
                continue;
            }
            if (space) buffer[length++] = ' ';
            space = false;
            buffer[length++] = c;
        }
        var result = new string(buffer[..length]);
        if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        return result;
    }
}
