using System.Buffers;
using System.Text;
using System.Text.Json;

namespace GovDataConsole.Features.Cleansing;

/// <summary>
/// A record's values as the JSON string array the import stores, read and written without the serializer's per-call
/// overhead: parsing reuses a byte buffer; writing reuses one <see cref="Utf8JsonWriter"/> and buffer and escapes exactly
/// as <see cref="JsonSerializer"/> does by default, so stored JSON looks the same whichever wrote it. One instance per thread.
/// </summary>
internal sealed class RecordJson
{
    private readonly ArrayBufferWriter<byte> buffer = new(1024);
    private readonly Utf8JsonWriter writer;

    public RecordJson() => writer = new Utf8JsonWriter(buffer);

    public string Serialize(ReadOnlySpan<string> values)
    {
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        writer.WriteStartArray();
        foreach (var value in values) writer.WriteStringValue(value);
        writer.WriteEndArray();
        writer.Flush();
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// The values of a JSON string array, padded with empty strings to at least <paramref name="width"/> (null elements read
    /// as empty). A hand-written fast path covers the compact form the import writes; anything else goes to the serializer.
    /// </summary>
    /// <exception cref="JsonException">Not an array of strings.</exception>
    public static string[] Parse(string json, int width)
    {
        var values = new List<string>(width);
        if (!TryParseCompact(json, values))
        {
            values.Clear();
            values.AddRange((JsonSerializer.Deserialize<string?[]>(json) ?? []).Select(v => v ?? ""));
        }
        while (values.Count < width) values.Add("");
        return [.. values];
    }

    /// <summary>["a","b\u00e9",…] without whitespace; false for anything else (whitespace, nulls, numbers, bad escapes).</summary>
    private static bool TryParseCompact(string json, List<string> values)
    {
        var s = json.AsSpan();
        if (s.Length < 2 || s[0] != '[' || s[^1] != ']') return false;
        if (s.Length == 2) return true;
        var at = 1;
        while (true)
        {
            if (at >= s.Length - 1 || s[at] != '"') return false;
            var start = ++at;
            var end = s[start..].IndexOfAny('"', '\\');
            if (end < 0) return false;
            if (s[start + end] == '"')
            {
                values.Add(end == 0 ? "" : json.Substring(start, end));
                at = start + end + 1;
            }
            else if (!TryUnescape(s, ref at, values)) return false;
            if (s[at] == ']') return at == s.Length - 1;
            if (s[at] != ',') return false;
            at++;
        }
    }

    /// <summary>Reads a string with escapes from <paramref name="at"/> (just after the opening quote) to past its closing quote.</summary>
    private static bool TryUnescape(ReadOnlySpan<char> s, ref int at, List<string> values)
    {
        var rented = ArrayPool<char>.Shared.Rent(s.Length);
        try
        {
            var length = 0;
            while (at < s.Length)
            {
                var c = s[at++];
                if (c == '"')
                {
                    values.Add(new string(rented, 0, length));
                    return at < s.Length;
                }
                if (c != '\\')
                {
                    rented[length++] = c;
                    continue;
                }
                if (at >= s.Length) return false;
                var e = s[at++];
                switch (e)
                {
                    case '"' or '\\' or '/': rented[length++] = e; break;
                    case 'b': rented[length++] = '\b'; break;
                    case 'f': rented[length++] = '\f'; break;
                    case 'n': rented[length++] = '\n'; break;
                    case 'r': rented[length++] = '\r'; break;
                    case 't': rented[length++] = '\t'; break;
                    case 'u' when at + 4 <= s.Length && ushort.TryParse(s.Slice(at, 4), System.Globalization.NumberStyles.AllowHexSpecifier, null, out var code):
                        rented[length++] = (char)code;
                        at += 4;
                        break;
                    default: return false;
                }
            }
            return false;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }
}
