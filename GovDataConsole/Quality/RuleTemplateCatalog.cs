using GovDataConsole.Cleansing;
using GovDataConsole.Features.Shared;
using P = GovDataConsole.Quality.RuleParameterNames;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Quality;

/// <summary>Every rule template: dimension, scope, fields, parameters with defaults, Chinese name and description.</summary>
public static class RuleTemplateCatalog
{
    public static IReadOnlyList<RuleTemplateDescriptor> All => [.. Enum.GetValues<RuleTemplate>().Select(Describe)];

    public static RuleTemplateDescriptor Describe(RuleTemplate template) => new(
        template, DimensionOf(template), ScopeOf(template), FieldsOf(template), NameOf(template),
        T.ResourceManager.GetString($"RuleTemplateDescription_{template}", T.Culture) ?? "", ParametersOf(template));

    public static string NameOf(RuleTemplate template) => EnumLabels.Of(template);

    public static QualityDimension DimensionOf(RuleTemplate template) => template switch
    {
        RuleTemplate.NotNull or RuleTemplate.NotBlank or RuleTemplate.GroupCompleteness => QualityDimension.Completeness,
        RuleTemplate.BirthDateMatchesId or RuleTemplate.GenderMatchesId or RuleTemplate.DivisionMatchesId or RuleTemplate.Reference => QualityDimension.Accuracy,
        RuleTemplate.StartBeforeEnd or RuleTemplate.Expression => QualityDimension.Consistency,
        RuleTemplate.Unique => QualityDimension.Uniqueness,
        RuleTemplate.ReceivedInCycle or RuleTemplate.DateFreshness or RuleTemplate.RowCountChange => QualityDimension.Timeliness,
        _ => QualityDimension.Conformity,
    };

    public static RuleScope ScopeOf(RuleTemplate template) => template switch
    {
        RuleTemplate.Unique => RuleScope.Uniqueness,
        RuleTemplate.ReceivedInCycle or RuleTemplate.RowCountChange => RuleScope.Batch,
        _ => RuleScope.Row,
    };

    public static FieldArity FieldsOf(RuleTemplate template) => template switch
    {
        RuleTemplate.GroupCompleteness or RuleTemplate.Unique => FieldArity.Many,
        RuleTemplate.BirthDateMatchesId or RuleTemplate.GenderMatchesId or RuleTemplate.DivisionMatchesId or RuleTemplate.StartBeforeEnd => FieldArity.Two,
        RuleTemplate.Expression => FieldArity.FromExpression,
        RuleTemplate.ReceivedInCycle or RuleTemplate.RowCountChange => FieldArity.None,
        _ => FieldArity.One,
    };

    public static IReadOnlyList<RuleParameter> ParametersOf(RuleTemplate template) => template switch
    {
        RuleTemplate.NotBlank => [new(P.Tokens, T.RuleParameter_Tokens, RuleParameterType.Lines, CleanserCatalog.DefaultNullTokens)],
        RuleTemplate.GroupCompleteness =>
        [
            new(P.Mode, T.RuleParameter_Mode, RuleParameterType.Choice, P.ModeAtLeast, [P.ModeAtLeast, P.ModeAll]),
            new(P.Count, T.RuleParameter_Count, RuleParameterType.Integer, "1"),
        ],
        RuleTemplate.Length =>
            [new(P.Min, T.RuleParameter_MinLength, RuleParameterType.Integer, ""), new(P.Max, T.RuleParameter_MaxLength, RuleParameterType.Integer, "")],
        RuleTemplate.Pattern => [new(P.Pattern, T.RuleParameter_Pattern, RuleParameterType.Regex, "")],
        RuleTemplate.InDictionary => [new(P.Dictionary, T.RuleParameter_Dictionary, RuleParameterType.Text, "")],
        RuleTemplate.NumberRange =>
            [new(P.Min, T.RuleParameter_MinNumber, RuleParameterType.Decimal, ""), new(P.Max, T.RuleParameter_MaxNumber, RuleParameterType.Decimal, "")],
        RuleTemplate.DateRange =>
            [new(P.Min, T.RuleParameter_MinDate, RuleParameterType.Date, ""), new(P.Max, T.RuleParameter_MaxDate, RuleParameterType.Date, "")],
        RuleTemplate.ResidentId =>
        [
            new(P.AllowLegacy, T.RuleParameter_AllowLegacy, RuleParameterType.Boolean, "false"),
            new(P.CheckDivision, T.RuleParameter_CheckDivision, RuleParameterType.Boolean, "false"),
        ],
        RuleTemplate.DivisionCode => [new(P.RequireKnown, T.RuleParameter_RequireKnown, RuleParameterType.Boolean, "false")],
        RuleTemplate.GenderMatchesId =>
            [new(P.MaleCode, T.RuleParameter_MaleCode, RuleParameterType.Text, "1"), new(P.FemaleCode, T.RuleParameter_FemaleCode, RuleParameterType.Text, "2")],
        RuleTemplate.DivisionMatchesId => [new(P.Digits, T.RuleParameter_Digits, RuleParameterType.Integer, "6")],
        RuleTemplate.Expression => [new(P.Expression, T.RuleParameter_Expression, RuleParameterType.Expression, "")],
        RuleTemplate.Reference =>
            [new(P.Resource, T.RuleParameter_Resource, RuleParameterType.Text, ""), new(P.Field, T.RuleParameter_Field, RuleParameterType.Text, "")],
        RuleTemplate.DateFreshness => [new(P.Days, T.RuleParameter_Days, RuleParameterType.Integer, "365")],
        RuleTemplate.RowCountChange => [new(P.Percent, T.RuleParameter_Percent, RuleParameterType.Decimal, "30")],
        _ => [],
    };

    /// <summary>The parameters of a template with every missing one at its default.</summary>
    public static Dictionary<string, string> Defaults(RuleTemplate template) => ParametersOf(template).ToDictionary(p => p.Name, p => p.Default);
}
