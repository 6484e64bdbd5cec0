using System.Text.Encodings.Web;
using System.Text.Json;

namespace GovDataConsole.Cleansing;

/// <summary>
/// One cleansing step: a kind and its parameters (all text; names in <see cref="CleanserParameterNames"/>, missing ones
/// take the catalogue default). Compared by value, parameters in ordinal order, so two rule sets can be compared and the
/// JSON of equal rules is identical.
/// </summary>
public sealed record CleansingRule
{
    public CleansingRule(CleanserKind kind, IReadOnlyDictionary<string, string>? parameters = null)
    {
        Kind = kind;
        Parameters = parameters is null or { Count: 0 }
            ? Empty
            : new SortedDictionary<string, string>(parameters.ToDictionary(), StringComparer.Ordinal);
    }

    private static readonly SortedDictionary<string, string> Empty = new(StringComparer.Ordinal);

    public CleanserKind Kind { get; }

    public IReadOnlyDictionary<string, string> Parameters { get; }

    /// <summary>The parameter's value, or null when the rule leaves it at its default.</summary>
    public string? Parameter(string name) => Parameters.GetValueOrDefault(name);

    public bool Equals(CleansingRule? other) =>
        other is not null && Kind == other.Kind && Parameters.Count == other.Parameters.Count
        && Parameters.All(p => other.Parameters.TryGetValue(p.Key, out var value) && value == p.Value);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Kind);
        foreach (var (name, value) in Parameters)
        {
            hash.Add(name);
            hash.Add(value);
        }
        return hash.ToHashCode();
    }

    // Chinese stays readable in the stored JSON; it is kept in the database, never written into HTML.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>An ordered rule list as JSON (camelCase, kinds by name, Chinese unescaped).</summary>
    public static string ToJson(IReadOnlyList<CleansingRule> rules) => JsonSerializer.Serialize(rules, Json);

    public static IReadOnlyList<CleansingRule> ListFromJson(string json) =>
        JsonSerializer.Deserialize<List<CleansingRule>>(json, Json) ?? throw new JsonException("A rule list expected.");
}
