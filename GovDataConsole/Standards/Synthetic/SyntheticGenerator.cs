namespace GovDataConsole.Standards.Synthetic;

/// <summary>
/// Streams synthetic rows (one new string[] per row, values in <see cref="Columns"/> order), deterministic for a
/// seed, with defects injected at exact counts and recorded in a <see cref="DefectReport"/>.
/// </summary>
public abstract class SyntheticGenerator<TColumn> where TColumn : struct, Enum
{
    private const int DuplicatePoolSize = 256;
    private readonly IReadOnlyDictionary<DefectKind, double> _rates;
    private readonly Dictionary<DefectKind, int[]> _targets = [];

    protected SyntheticGenerator(int seed, IReadOnlyList<TColumn> columns, IReadOnlyDictionary<DefectKind, double>? defectRates, DateOnly today)
    {
        if (columns.Count == 0 || columns.Distinct().Count() != columns.Count)
            throw new ArgumentException("At least one column, none twice.", nameof(columns));
        Seed = seed;
        Columns = columns;
        Today = today;
        _rates = defectRates ?? new Dictionary<DefectKind, double>();
        foreach (var (kind, rate) in _rates)
        {
            if (rate is < 0 or > 1 || double.IsNaN(rate)) throw new ArgumentOutOfRangeException(nameof(defectRates), $"{kind}: rate {rate} is not between 0 and 1.");
            if (rate == 0) continue;
            var targets = Enumerable.Range(0, columns.Count).Where(i => TargetsOf(kind).Contains(columns[i])).ToArray();
            if (targets.Length == 0)
                throw new ArgumentException($"{kind} cannot be injected into the columns {string.Join(", ", columns)}.", nameof(defectRates));
            _targets[kind] = targets;
        }
    }

    public int Seed { get; }

    public IReadOnlyList<TColumn> Columns { get; }

    public DateOnly Today { get; }

    /// <summary>The columns a defect kind may hit; the kind is unusable (rate must be 0) when none is selected.</summary>
    protected abstract IReadOnlyCollection<TColumn> TargetsOf(DefectKind kind);

    /// <summary>A writer of clean rows for one enumeration (it may keep state, e.g. to keep keys unique). The
    /// defect about to be injected is passed so the row can suit it (a 19xx birth for a legacy ID, a mobile number
    /// for a decorated phone).</summary>
    protected abstract Action<long, string[], DefectKind?> CreateRowWriter(Random random);

    /// <summary>
    /// Exactly <paramref name="rows"/> rows, produced lazily; each enumeration starts over with the same rows and
    /// resets <paramref name="report"/>, which fills as they stream.
    /// </summary>
    public IEnumerable<string[]> Generate(long rows, DefectReport report)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        var defective = new DefectPlan(_rates, rows).Total;
        if (defective > Math.Max(rows - 1, 0))
            throw new ArgumentException($"The defect rates ask for {defective} defective rows out of {rows}; at most {Math.Max(rows - 1, 0)} (row 0 stays clean).");
        return Stream(rows, report);
    }

    private IEnumerable<string[]> Stream(long rows, DefectReport report)
    {
        report.Reset();
        var plan = new DefectPlan(_rates, rows);
        var random = new Random(Seed);
        var write = CreateRowWriter(random);
        var pool = new (long Row, string[] Values)[DuplicatePoolSize];
        var pooled = 0L;
        for (var row = 0L; row < rows; row++)
        {
            var defect = row == 0 ? null : plan.Next(random);
            var values = new string[Columns.Count];
            if (defect == DefectKind.DuplicateKey)
            {
                var original = pool[random.Next((int)Math.Min(pooled, DuplicatePoolSize))];
                original.Values.CopyTo(values, 0);
                report.Add(new Defect(row, _targets[DefectKind.DuplicateKey][0], DefectKind.DuplicateKey, original.Row));
            }
            else
            {
                write(row, values, defect);
                if (defect is { } kind)
                {
                    var targets = _targets[kind];
                    var column = targets[random.Next(targets.Length)];
                    values[column] = DefectStyles.Apply(kind, values[column], random);
                    report.Add(new Defect(row, column, kind));
                }
                else pool[pooled++ % DuplicatePoolSize] = (row, values);
            }
            report.CountRow();
            yield return values;
        }
    }
}
