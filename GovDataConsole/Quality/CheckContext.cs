namespace GovDataConsole.Quality;

/// <summary>A set of codes with the name shown in messages (a code dictionary, or another resource's field values).</summary>
public sealed record CodeSet(string Name, IReadOnlySet<string> Codes);

/// <summary>What compiling rules needs besides the rules: the columns, today, dictionaries and reference values.</summary>
public sealed class CheckContext
{
    /// <summary>Item codes in the order rows hold them.</summary>
    public required IReadOnlyList<string> Codes { get; init; }

    /// <summary>Item names, same order (for messages).</summary>
    public required IReadOnlyList<string> Names { get; init; }

    /// <summary>Today in China time (future birth dates, freshness).</summary>
    public required DateOnly Today { get; init; }

    /// <summary>Each item's own code dictionary, by item code.</summary>
    public IReadOnlyDictionary<string, CodeSet> ItemDictionaries { get; init; } = new Dictionary<string, CodeSet>();

    /// <summary>Code dictionaries by dictionary code (a rule may name one).</summary>
    public IReadOnlyDictionary<string, CodeSet> Dictionaries { get; init; } = new Dictionary<string, CodeSet>();

    /// <summary>Another resource's field values, by <see cref="ReferenceKey"/>.</summary>
    public IReadOnlyDictionary<string, CodeSet> References { get; init; } = new Dictionary<string, CodeSet>();

    public static string ReferenceKey(string resourceCode, string field) => $"{resourceCode}.{field}";

    public int IndexOf(string code)
    {
        for (var i = 0; i < Codes.Count; i++)
            if (string.Equals(Codes[i], code, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }
}
