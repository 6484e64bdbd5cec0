namespace GovDataConsole.Quality;

/// <summary>A template as the rule editor lists it.</summary>
public sealed record RuleTemplateDescriptor(
    RuleTemplate Template, QualityDimension Dimension, RuleScope Scope, FieldArity Fields, string Name, string Description,
    IReadOnlyList<RuleParameter> Parameters);
