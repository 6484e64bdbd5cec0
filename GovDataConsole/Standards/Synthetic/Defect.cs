namespace GovDataConsole.Standards.Synthetic;

/// <summary>One injected defect: zero-based row, zero-based column in the generator's column order, and for
/// <see cref="DefectKind.DuplicateKey"/> the row it copies.</summary>
public readonly record struct Defect(long Row, int Column, DefectKind Kind, long? DuplicateOf = null);
