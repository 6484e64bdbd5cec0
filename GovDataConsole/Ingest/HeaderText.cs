using System.Text;

namespace GovDataConsole.Ingest;

/// <summary>Header comparison: normalised names (NFKC full-width → half-width, no spaces, <c>*</c> markers, colons or
/// parenthesised notes, upper case) and a similarity for near misses.</summary>
internal static class HeaderText
{
    /// <summary>Longer cells are not headers (and would make fuzzy matching expensive).</summary>
    public const int MaxHeaderLength = 40;

    public static string Normalize(string text)
    {
        var folded = text.Normalize(NormalizationForm.FormKC);
        var result = new StringBuilder(folded.Length);
        var depth = 0;
        foreach (var c in folded)
        {
            if (c is '(' or '[' or '【' or '〔') depth++;
            else if (c is ')' or ']' or '】' or '〕') depth = Math.Max(0, depth - 1);
            else if (depth == 0 && !char.IsWhiteSpace(c) && c is not ('*' or ':')) result.Append(char.ToUpperInvariant(c));
        }
        return result.ToString();
    }

    /// <summary>Dice coefficient on the longest common subsequence, 0..1; near misses score above 0.5.</summary>
    public static double Similarity(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0 || a.Length > MaxHeaderLength || b.Length > MaxHeaderLength) return 0;
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        foreach (var ca in a)
        {
            for (var j = 1; j <= b.Length; j++)
                current[j] = ca == b[j - 1] ? previous[j - 1] + 1 : Math.Max(previous[j], current[j - 1]);
            current.CopyTo(previous);
        }
        var common = previous[b.Length];
        return common < 2 ? 0 : 2.0 * common / (a.Length + b.Length);
    }
}
