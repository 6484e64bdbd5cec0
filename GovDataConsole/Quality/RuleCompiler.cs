using System.Globalization;
using System.Text.RegularExpressions;
using GovDataConsole.Quality.Expressions;
using GovDataConsole.Standards;
using P = GovDataConsole.Quality.RuleParameterNames;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Quality;

/// <summary>Builds the row check of a row-scope rule, or says in Chinese why it cannot be built.</summary>
public static class RuleCompiler
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(200);

    /// <exception cref="InvalidQualityRuleException">Unknown field, wrong field count, bad parameter.</exception>
    public static RowCheck Compile(QualityRule rule, CheckContext context)
    {
        var fields = Fields(rule, context);
        var name = (int i) => context.Names[fields[i]];
        if (RuleTemplateCatalog.ScopeOf(rule.Template) != RuleScope.Row) throw new ArgumentException("Only row-scope rules compile to a row check.", nameof(rule));
        return rule.Template switch
        {
            RuleTemplate.NotNull => new NotNullCheck(fields[0], name(0)),
            RuleTemplate.NotBlank => new NotBlankCheck(fields[0], name(0), Lines(rule.Parameter(P.Tokens))),
            RuleTemplate.GroupCompleteness => Group(rule, fields, context),
            RuleTemplate.Length => new LengthCheck(fields[0], name(0), Int(rule, P.Min), Int(rule, P.Max)),
            RuleTemplate.Pattern => new PatternCheck(fields[0], name(0), Pattern(rule)),
            RuleTemplate.InDictionary => Dictionary(rule, fields[0], context),
            RuleTemplate.NumberRange => new NumberRangeCheck(fields[0], name(0), Decimal(rule, P.Min), Decimal(rule, P.Max)),
            RuleTemplate.DateRange => new DateRangeCheck(fields[0], name(0), Date(rule, P.Min), Date(rule, P.Max)),
            RuleTemplate.DateParsable => new DateParsableCheck(fields[0], name(0)),
            RuleTemplate.DateFreshness => new DateFreshnessCheck(fields[0], name(0), context.Today.AddDays(-(Int(rule, P.Days) ?? 0)), Int(rule, P.Days) ?? 0),
            RuleTemplate.ResidentId => new ResidentIdCheck(fields[0], name(0), new ResidentIdRules(context.Today)
            {
                AllowLegacy = Bool(rule, P.AllowLegacy),
                Divisions = Bool(rule, P.CheckDivision) ? Divisions.Known : null,
            }),
            RuleTemplate.CreditCode => new CreditCodeCheck(fields[0], name(0)),
            RuleTemplate.Mobile => new MobileCheck(fields[0], name(0)),
            RuleTemplate.Email => new EmailCheck(fields[0], name(0)),
            RuleTemplate.Postcode => new PostcodeCheck(fields[0], name(0)),
            RuleTemplate.DivisionCode => new DivisionCodeCheck(fields[0], name(0), Bool(rule, P.RequireKnown)),
            RuleTemplate.BirthDateMatchesId => new BirthDateMatchesIdCheck(fields[0], fields[1], string.Format(T.RuleFailure_BirthDateMatchesId, name(1), name(0))),
            RuleTemplate.GenderMatchesId => new GenderMatchesIdCheck(fields[0], fields[1], Text(rule, P.MaleCode), Text(rule, P.FemaleCode),
                string.Format(T.RuleFailure_GenderMatchesId, name(1), name(0))),
            RuleTemplate.DivisionMatchesId => new DivisionMatchesIdCheck(fields[0], fields[1], Digits(rule),
                string.Format(T.RuleFailure_DivisionMatchesId, name(1), name(0))),
            RuleTemplate.StartBeforeEnd => new StartBeforeEndCheck(fields[0], fields[1], string.Format(T.RuleFailure_StartBeforeEnd, name(0), name(1))),
            RuleTemplate.Expression => Expression(rule, context),
            RuleTemplate.Reference => Reference(rule, fields[0], context),
            _ => throw new ArgumentOutOfRangeException(nameof(rule)),
        };
    }

    /// <summary>The Chinese error that stops the rule from being used, or null when it compiles.</summary>
    public static string? Validate(QualityRule rule, CheckContext context)
    {
        try
        {
            switch (RuleTemplateCatalog.ScopeOf(rule.Template))
            {
                case RuleScope.Row: Compile(rule, context); break;
                case RuleScope.Batch: CheckBatchRule(rule, context); break;
                default: Fields(rule, context); break;
            }
            return null;
        }
        catch (InvalidQualityRuleException e)
        {
            return e.Message;
        }
    }

    /// <summary>A batch-scope rule has no row check: its fields and parameters are checked here, so a run never meets a bad one.</summary>
    /// <exception cref="InvalidQualityRuleException">Fields given, or the percent missing, not a number or negative.</exception>
    public static void CheckBatchRule(QualityRule rule, CheckContext context)
    {
        Fields(rule, context);
        if (rule.Template == RuleTemplate.RowCountChange && Decimal(rule, P.Percent) is not >= 0) throw BadNumber(rule, P.Percent);
    }

    /// <summary>The column indexes a rule names, checked against its template's arity.</summary>
    public static int[] Fields(QualityRule rule, CheckContext context)
    {
        var arity = RuleTemplateCatalog.FieldsOf(rule.Template);
        if (arity == FieldArity.FromExpression) return [];
        var expected = arity switch { FieldArity.None => 0, FieldArity.One => 1, FieldArity.Two => 2, _ => -1 };
        if (expected >= 0 ? rule.Fields.Count != expected : rule.Fields.Count == 0)
            throw Invalid(rule, string.Format(T.QualityRule_FieldCount, expected >= 0 ? expected.ToString(CultureInfo.InvariantCulture) : T.QualityRule_OneOrMore));
        return [.. rule.Fields.Select(code => context.IndexOf(code) is var i and >= 0 ? i : throw Invalid(rule, string.Format(T.QualityRule_UnknownField, code)))];
    }

    private static GroupCompletenessCheck Group(QualityRule rule, int[] fields, CheckContext context)
    {
        var all = rule.Parameter(P.Mode) == P.ModeAll;
        var required = all ? fields.Length : Int(rule, P.Count) ?? 1;
        if (required < 1 || required > fields.Length) throw Invalid(rule, string.Format(T.QualityRule_GroupCount, fields.Length));
        var names = string.Join("、", fields.Select(f => context.Names[f]));
        return new GroupCompletenessCheck(fields, required, all ? string.Format(T.RuleFailure_GroupAll, names) : string.Format(T.RuleFailure_GroupAtLeast, names, required));
    }

    private static DictionaryCheck Dictionary(QualityRule rule, int field, CheckContext context)
    {
        var named = rule.Parameter(P.Dictionary).Trim();
        var set = named.Length > 0 ? context.Dictionaries.GetValueOrDefault(named) : context.ItemDictionaries.GetValueOrDefault(context.Codes[field]);
        if (set is null) throw Invalid(rule, named.Length > 0 ? string.Format(T.QualityRule_UnknownDictionary, named) : T.QualityRule_NoDictionary);
        return new DictionaryCheck(field, context.Names[field], set.Codes, set.Name);
    }

    private static ReferenceCheck Reference(QualityRule rule, int field, CheckContext context)
    {
        var key = CheckContext.ReferenceKey(rule.Parameter(P.Resource).Trim(), rule.Parameter(P.Field).Trim());
        var set = context.References.GetValueOrDefault(key) ?? throw Invalid(rule, string.Format(T.QualityRule_UnknownReference, key));
        return new ReferenceCheck(field, context.Names[field], set.Codes, set.Name);
    }

    private static ExpressionCheck Expression(QualityRule rule, CheckContext context)
    {
        try
        {
            var expression = RowExpression.Parse(rule.Parameter(P.Expression), context.Codes);
            var fields = expression.Fields.Select(context.IndexOf).ToArray();
            return new ExpressionCheck(expression, fields, string.Format(T.RuleFailure_Expression, expression.Text));
        }
        catch (InvalidRuleExpressionException e)
        {
            throw Invalid(rule, e.Message);
        }
    }

    private static Regex Pattern(QualityRule rule)
    {
        var pattern = rule.Parameter(P.Pattern);
        if (pattern.Length == 0) throw Invalid(rule, T.QualityRule_PatternRequired);
        try
        {
            return new Regex($"^(?:{pattern})$", RegexOptions.CultureInvariant, RegexTimeout);
        }
        catch (ArgumentException)
        {
            throw Invalid(rule, T.QualityRule_PatternInvalid);
        }
    }

    private static int Digits(QualityRule rule) =>
        Int(rule, P.Digits) is { } d and (2 or 4 or 6) ? d : throw Invalid(rule, T.QualityRule_DigitsInvalid);

    private static string Text(QualityRule rule, string name) =>
        rule.Parameter(name).Trim() is { Length: > 0 } text ? text : throw Invalid(rule, string.Format(T.QualityRule_ParameterRequired, Label(rule, name)));

    private static bool Bool(QualityRule rule, string name) => rule.Parameter(name).Trim().Equals("true", StringComparison.OrdinalIgnoreCase);

    private static int? Int(QualityRule rule, string name) => rule.Parameter(name).Trim() is { Length: > 0 } text
        ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= 0 ? v : throw BadNumber(rule, name)
        : null;

    private static decimal? Decimal(QualityRule rule, string name) => rule.Parameter(name).Trim() is { Length: > 0 } text
        ? decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : throw BadNumber(rule, name)
        : null;

    private static DateOnly? Date(QualityRule rule, string name) => rule.Parameter(name).Trim() is { Length: > 0 } text
        ? DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var v) ? v
            : throw Invalid(rule, string.Format(T.QualityRule_BadDate, Label(rule, name)))
        : null;

    private static IEnumerable<string> Lines(string text) =>
        text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static string Label(QualityRule rule, string name) =>
        RuleTemplateCatalog.ParametersOf(rule.Template).FirstOrDefault(p => p.Name == name)?.Label ?? name;

    private static InvalidQualityRuleException BadNumber(QualityRule rule, string name) =>
        Invalid(rule, string.Format(T.QualityRule_BadNumber, Label(rule, name)));

    private static InvalidQualityRuleException Invalid(QualityRule rule, string message) =>
        new(string.Format(T.QualityRule_Invalid, rule.DisplayName, message));
}
