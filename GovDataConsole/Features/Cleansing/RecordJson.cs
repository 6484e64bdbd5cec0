using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace GovDataConsole.Features.Cleansing;

/// <summary>
/// A record's values as the JSON string array the import stores, read and written as UTF-8 without the serializer's
/// per-call overhead: writing reuses one <see cref="Utf8JsonWriter"/> and buffer and escapes exactly as <see cref="JsonSerializer"/>
/// does by default, so stored JSON looks the same whichever wrote it. One instance per thread.
/// </summary>
internal sealed class RecordJson
{
    private readonly ArrayBufferWriter<byte> buffer = new(1024);
    private readonly Utf8JsonWriter writer;

    public RecordJson() => writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true });

    /// <summary>The values as one compact UTF-8 JSON array, in a buffer reused by the next call.</summary>
    public ReadOnlySpan<byte> Serialize(ReadOnlySpan<string> values)
    {
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        writer.WriteStartArray();
        foreach (var value in values) writer.WriteStringValue(value);
        writer.WriteEndArray();
        writer.Flush();
        return buffer.WrittenSpan;
    }

    /// <summary>The values as a compact JSON string (for stores written through EF rather than as bytes).</summary>
    public string SerializeToString(ReadOnlySpan<string> values) => Encoding.UTF8.GetString(Serialize(values));

    /// <summary><see cref="Parse(ReadOnlySpan{byte}, int, bool[])"/> of a stored JSON string.</summary>
    public static string[] Parse(string json, int width, bool[]? reads = null) => Parse(Encoding.UTF8.GetBytes(json), width, reads);

    /// <summary>
    /// The values of a UTF-8 JSON string array, padded with empty strings to at least <paramref name="width"/> (null
    /// elements read as empty). A hand-written fast path covers the compact form the import writes; anything else goes to
    /// the serializer. With <paramref name="reads"/>, the fast path skips the other values (read as empty) without decoding them.
    /// </summary>
    /// <exception cref="JsonException">Not an array of strings.</exception>
    public static string[] Parse(ReadOnlySpan<byte> json, int width, bool[]? reads = null)
    {
        var values = new string[width];
        var count = TryParseCompact(json, ref values, reads);
        if (count < 0)
        {
            var all = JsonSerializer.Deserialize<string?[]>(json) ?? [];
            values = new string[Math.Max(width, all.Length)];
            for (var i = 0; i < all.Length; i++) values[i] = all[i] ?? "";
            count = all.Length;
        }
        else if (count > width) Array.Resize(ref values, count);
        values.AsSpan(count).Fill("");
        return values;
    }

    /// <summary>["a","b\u00e9",…] without whitespace: the count of values read into (a grown) <paramref name="values"/>; -1 for
    /// anything else (whitespace, nulls, numbers, bad escapes).</summary>
    private static int TryParseCompact(ReadOnlySpan<byte> s, ref string[] values, bool[]? reads)
    {
        if (s.Length < 2 || s[0] != '[' || s[^1] != ']') return -1;
        if (s.Length == 2) return 0;
        var count = 0;
        var at = 1;
        while (true)
        {
            if (at >= s.Length - 1 || s[at] != '"') return -1;
            var start = ++at;
            string value;
            if (reads is not null && (count >= reads.Length || !reads[count]))
            {
                if (!TrySkip(s, ref at)) return -1;
                value = "";
            }
            else
            {
                var end = s[start..].IndexOfAny((byte)'"', (byte)'\\');
                if (end < 0) return -1;
                if (s[start + end] == '"')
                {
                    value = end == 0 ? "" : Encoding.UTF8.GetString(s.Slice(start, end));
                    at = start + end + 1;
                }
                else if (!TryUnescape(s, ref at, out value)) return -1;
            }
            if (count == values.Length) Array.Resize(ref values, count * 2 + 1);
            values[count++] = value;
            if (s[at] == ']') return at == s.Length - 1 ? count : -1;
            if (s[at] != ',') return -1;
            at++;
        }
    }

    /// <summary>
    /// Moves from <paramref name="at"/> (just after the opening quote) past the closing quote, which must not be the last
    /// byte: the first quote not escaped, i.e. not preceded by an odd run of backslashes. One search per value, however
    /// many escapes (Chinese text is stored as \uXXXX).
    /// </summary>
    private static bool TrySkip(ReadOnlySpan<byte> s, ref int at)
    {
        while (true)
        {
            var quote = s[at..].IndexOf((byte)'"');
            if (quote < 0) return false;
            at += quote;
            var backslashes = 0;
            // Stops at the opening quote at the latest.
            while (s[at - 1 - backslashes] == '\\') backslashes++;
            if (++at >= s.Length) return false;
            if (backslashes % 2 == 0) return true;
        }
    }

    /// <summary>Reads a string with escapes from <paramref name="at"/> (just after the opening quote) to past its closing quote,
    /// which must not be the last byte.</summary>
    private static bool TryUnescape(ReadOnlySpan<byte> s, ref int at, out string value)
    {
        value = "";
        // Never more chars than bytes: escapes shrink, and UTF-8 takes at least as many bytes as UTF-16 takes chars.
        var rented = s.Length - at > 256 ? ArrayPool<char>.Shared.Rent(s.Length - at) : null;
        var chars = rented is null ? stackalloc char[256] : rented;
        try
        {
            var length = 0;
            while (true)
            {
                var run = s[at..].IndexOfAny((byte)'"', (byte)'\\');
                if (run < 0) return false;
                length += Encoding.UTF8.GetChars(s.Slice(at, run), chars[length..]);
                at += run + 1;
                if (s[at - 1] == '"')
                {
                    value = new string(chars[..length]);
                    return at < s.Length;
                }
                if (at >= s.Length) return false;
                switch (s[at++])
                {
                    case var e and ((byte)'"' or (byte)'\\' or (byte)'/'): chars[length++] = (char)e; break;
                    case (byte)'b': chars[length++] = '\b'; break;
                    case (byte)'f': chars[length++] = '\f'; break;
                    case (byte)'n': chars[length++] = '\n'; break;
                    case (byte)'r': chars[length++] = '\r'; break;
                    case (byte)'t': chars[length++] = '\t'; break;
                    case (byte)'u' when at + 4 <= s.Length && Utf8Parser.TryParse(s.Slice(at, 4), out ushort code, out var used, 'X') && used == 4:
                        chars[length++] = (char)code;
                        at += 4;
                        break;
                    default: return false;
                }
            }
        }
        finally
        {
            if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        }
    }
}
