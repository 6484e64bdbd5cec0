namespace GovDataConsole.Standards;

/// <summary>One GB/T 2260 administrative division: level 1 province, 2 prefecture-level city, 3 county-level division.</summary>
public sealed record Division(string Code, string Name, int Level, string? ParentCode);
