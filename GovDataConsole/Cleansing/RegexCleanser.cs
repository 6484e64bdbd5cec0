using System.Text.RegularExpressions;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Cleansing;

/// <summary>
/// Regex replace for the rare rest (.NET syntax, culture-invariant, $1 / ${name} in the replacement). A value whose
/// match exceeds <see cref="MatchTimeout"/> is left as it is rather than stalling the batch.
/// </summary>
internal sealed class RegexCleanser : Cleanser
{
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    private readonly Regex regex;
    private readonly string replacement;

    private RegexCleanser(Regex regex, string replacement)
    {
        this.regex = regex;
        this.replacement = replacement;
    }

    public static RegexCleanser Create(string pattern, string replacement)
    {
        if (pattern.Length == 0) throw new InvalidCleansingRuleException(T.Cleansing_PatternRequired);
        try
        {
            return new RegexCleanser(new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled, MatchTimeout), replacement);
        }
        catch (RegexParseException e)
        {
            throw new InvalidCleansingRuleException(string.Format(T.Cleansing_PatternInvalid, e.Offset, e.Error));
        }
    }

    public override string Clean(string value)
    {
        try
        {
            return regex.Replace(value, replacement);
        }
        catch (RegexMatchTimeoutException)
        {
            return value;
        }
    }
}
