namespace GovDataConsole.Ingest;

/// <summary>
/// Where a batch's data sits, serialisable so the user can confirm or correct it and the import be re-run with it:
/// the sheet (null for a CSV), the last header row (data rows come after it; 0 when there is none), and item code →
/// 0-based column index (A = 0). Items absent from <see cref="Columns"/> are not in the file.
/// </summary>
public sealed record ColumnMapping(string? Sheet, int HeaderRow, IReadOnlyDictionary<string, int> Columns);
