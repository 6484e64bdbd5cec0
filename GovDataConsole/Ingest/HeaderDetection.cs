namespace GovDataConsole.Ingest;

/// <summary>
/// The proposed mapping of a batch file: per expected column how it was found, the header cells that match nothing
/// (ignored on import), and the row of the template's code row when there is one.
/// </summary>
public sealed record HeaderDetection(ColumnMapping Mapping, int? CodeRow, IReadOnlyList<ColumnMatch> Matches, IReadOnlyList<HeaderCell> ExtraColumns)
{
    /// <summary>Whether a header row was found at all.</summary>
    public bool Found => Mapping.HeaderRow > 0;

    /// <summary>Every expected column found by its code: import without asking.</summary>
    public bool IsExact => CodeRow is not null && Matches.All(m => m.Kind == MatchKind.Code);

    public IReadOnlyList<ColumnMatch> MissingRequired => Matches.Where(m => m.Required && m.Kind == MatchKind.Unmapped).ToList();
}
