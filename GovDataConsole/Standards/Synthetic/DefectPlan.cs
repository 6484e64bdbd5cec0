namespace GovDataConsole.Standards.Synthetic;

/// <summary>
/// Streams exact defect counts: round(rate × rows) rows per kind, spread uniformly over rows 1…n-1 (row 0 stays
/// clean so that a duplicate always has an original), at most one defect per row.
/// </summary>
internal sealed class DefectPlan
{
    private readonly long[] _remaining;
    private long _rowsLeft;

    public DefectPlan(IReadOnlyDictionary<DefectKind, double> rates, long rows)
    {
        _remaining = new long[Enum.GetValues<DefectKind>().Length];
        foreach (var (kind, rate) in rates) _remaining[(int)kind] = PlannedCount(rate, rows);
        _rowsLeft = Math.Max(rows - 1, 0);
    }

    public static long PlannedCount(double rate, long rows) => (long)Math.Round(rate * rows, MidpointRounding.AwayFromZero);

    public long Total => _remaining.Sum();

    /// <summary>The defect of the next row (call once per row after row 0), or null for a clean row.</summary>
    public DefectKind? Next(Random random)
    {
        var draw = random.NextInt64(_rowsLeft--);
        for (var kind = 0; kind < _remaining.Length; kind++)
        {
            if (draw < _remaining[kind])
            {
                _remaining[kind]--;
                return (DefectKind)kind;
            }
            draw -= _remaining[kind];
        }
        return null;
    }
}
