using GovDataConsole.Features.Shared;

namespace GovDataConsole.Features.Quality;

/// <summary>A run's live state: chunks done of all, rows checked so far, problems so far.</summary>
public sealed record CheckProgressUpdate(int RunId, int ResourceId, CheckRunStatus Status, int ChunksDone, int ChunkCount, long RowsChecked);

/// <summary>Live check-run progress from the check jobs.</summary>
public sealed class CheckProgress : LiveUpdates<CheckProgressUpdate>;
