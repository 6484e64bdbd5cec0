using GovDataConsole.Cleansing;

namespace GovDataConsole.Tests.Cleansing;

/// <summary>Runs one value through a freshly built rule.</summary>
internal static class Clean
{
    public static string With(CleanserKind kind, string value, IReadOnlyDictionary<string, string>? parameters = null, IReadOnlyList<DictionaryCode>? dictionary = null) =>
        Cleanser.Create(new CleansingRule(kind, parameters), dictionary).Clean(value);
}
