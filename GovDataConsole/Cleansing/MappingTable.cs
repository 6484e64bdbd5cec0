using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Cleansing;

/// <summary>
/// The steward's synonym → code table as one parameter: a "synonym=code" pair per line (the last "=" splits, so a
/// synonym may contain one), blank lines ignored, both sides trimmed.
/// </summary>
public static class MappingTable
{
    public static string Format(IEnumerable<KeyValuePair<string, string>> pairs) =>
        string.Join('\n', pairs.Select(p => $"{p.Key}={p.Value}"));

    /// <exception cref="InvalidCleansingRuleException">A line without "=" or with an empty side.</exception>
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(string text)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var line = rawLine.Trim();
            if (line.Length == 0) continue;
            var split = line.LastIndexOf('=');
            var synonym = split < 0 ? "" : line[..split].Trim();
            var code = split < 0 ? "" : line[(split + 1)..].Trim();
            if (synonym.Length == 0 || code.Length == 0)
                throw new InvalidCleansingRuleException(string.Format(T.Cleansing_MappingLineInvalid, lineNumber, line));
            pairs.Add(new(synonym, code));
        }
        return pairs;
    }
}
