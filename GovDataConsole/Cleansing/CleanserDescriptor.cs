namespace GovDataConsole.Cleansing;

/// <summary>A cleanser as the rule editor lists it: Chinese name, description and parameters.</summary>
public sealed record CleanserDescriptor(CleanserKind Kind, string Name, string Description, IReadOnlyList<CleanserParameter> Parameters);
