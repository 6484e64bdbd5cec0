namespace GovDataConsole.Ingest;

/// <summary>How an expected column was found; labels via EnumLabels ("MatchKind_{Value}").</summary>
public enum MatchKind
{
    /// <summary>The template's code row names the item.</summary>
    Code,
    /// <summary>The header equals the item name after normalisation.</summary>
    ExactName,
    /// <summary>The header resembles the item name: to be confirmed by the user.</summary>
    FuzzyName,
    Unmapped,
}

/// <summary>One expected column and where the detector put it (0-based <paramref name="Column"/>, its header text).</summary>
public sealed record ColumnMatch(string Code, string Name, bool Required, int? Column, string? Header, MatchKind Kind);

/// <summary>A header cell: 0-based column and its text.</summary>
public sealed record HeaderCell(int Column, string Text);
