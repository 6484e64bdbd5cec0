namespace GovDataConsole.Cleansing;

/// <summary>A code dictionary entry as the mapping cleanser needs it (from <c>CodeDictionaryEntry</c>).</summary>
public readonly record struct DictionaryCode(string Code, string Name);
