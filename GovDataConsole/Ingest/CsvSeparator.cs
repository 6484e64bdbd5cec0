namespace GovDataConsole.Ingest;

/// <summary>Picks the separator of a CSV from its first lines: the most frequent of comma, tab and semicolon outside quotes.</summary>
internal static class CsvSeparator
{
    private const int LinesToScan = 20;
    private static readonly char[] Candidates = [',', '\t', ';'];

    public static char Detect(ReadOnlySpan<char> text)
    {
        Span<int> counts = stackalloc int[Candidates.Length];
        var quoted = false;
        var lines = 0;
        foreach (var c in text)
        {
            if (c == '"') quoted = !quoted;
            else if (quoted) continue;
            else if (c == '\n' && ++lines == LinesToScan) break;
            else if (Candidates.AsSpan().IndexOf(c) is var i and >= 0) counts[i]++;
        }
        var best = 0;
        for (var i = 1; i < counts.Length; i++)
            if (counts[i] > counts[best]) best = i;
        return Candidates[best];
    }
}
