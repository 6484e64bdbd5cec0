namespace GovDataConsole.Standards.Synthetic;

/// <summary>What a generator injected during its last enumeration; filled while the rows stream.</summary>
public sealed class DefectReport
{
    private readonly List<Defect> _defects = [];
    private readonly long[] _counts = new long[Enum.GetValues<DefectKind>().Length];

    public IReadOnlyList<Defect> Defects => _defects;

    /// <summary>Rows produced so far.</summary>
    public long Rows { get; private set; }

    public long Count(DefectKind kind) => _counts[(int)kind];

    internal void Reset()
    {
        _defects.Clear();
        Array.Clear(_counts);
        Rows = 0;
    }

    internal void Add(Defect defect)
    {
        _defects.Add(defect);
        _counts[(int)defect.Kind]++;
    }

    internal void CountRow() => Rows++;
}
