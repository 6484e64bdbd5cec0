namespace GovDataConsole.Features.Quality;

/// <summary>Check settings (section "Quality").</summary>
public sealed class QualityOptions
{
    /// <summary>Rows per chunk job; a batch larger than this is split so several workers share it.</summary>
    public int ChunkRows { get; set; } = 250_000;

    /// <summary>Rows a chunk checks between writes of their problems and the run's heartbeat (each write one short transaction).</summary>
    public int RowsPerWrite { get; set; } = 10_000;

    /// <summary>
    /// Bytes of done chunks' uniqueness keys a process holds for their runs' aggregation (<see cref="HeldChunkKeys"/>):
    /// 24 bytes per keyed row and uniqueness rule, so the default holds about 11 million. Keys past it are read again
    /// from the records by the aggregation.
    /// </summary>
    public long HeldKeyBytes { get; set; } = 256L << 20;

    /// <summary>
    /// A batch's chunks up to its last row: <see cref="ChunkRows"/> rows each, except that a remainder under a quarter chunk
    /// joins the last chunk instead of running as a small chunk of its own after the others.
    /// </summary>
    public IEnumerable<(int From, int To)> ChunkRanges(int lastRow)
    {
        for (var from = 0; from < lastRow; from += ChunkRows)
        {
            var to = lastRow - from < ChunkRows + ChunkRows / 4 ? lastRow : from + ChunkRows;
            yield return (from, to);
            if (to == lastRow) yield break;
        }
    }
}
