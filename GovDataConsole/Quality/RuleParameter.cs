namespace GovDataConsole.Quality;

/// <summary>How the rule editor shows a parameter.</summary>
public enum RuleParameterType { Text, Integer, Decimal, Date, Boolean, Regex, Lines, Expression, Choice }

/// <summary>A parameter a template takes: stored name, Chinese label, editor type, default value and (for choices) the options.</summary>
public sealed record RuleParameter(string Name, string Label, RuleParameterType Type, string Default, IReadOnlyList<string>? Options = null);

/// <summary>The stored names of template parameters.</summary>
public static class RuleParameterNames
{
    public const string Min = "min";
    public const string Max = "max";
    public const string Pattern = "pattern";
    public const string Dictionary = "dictionary";
    public const string Tokens = "tokens";
    public const string Mode = "mode";
    public const string Count = "count";
    public const string AllowLegacy = "allowLegacy";
    public const string CheckDivision = "checkDivision";
    public const string RequireKnown = "requireKnown";
    public const string MaleCode = "maleCode";
    public const string FemaleCode = "femaleCode";
    public const string Digits = "digits";
    public const string Expression = "expression";
    public const string Resource = "resource";
    public const string Field = "field";
    public const string Days = "days";
    public const string Percent = "percent";

    /// <summary>Group completeness: at least <see cref="Count"/> fields filled, or all of them.</summary>
    public const string ModeAtLeast = "atLeast";
    public const string ModeAll = "all";
}
