namespace GovDataConsole.Cleansing;

/// <summary>
/// A rule set compiled once: every column's rules, applied in order, to each record. Immutable, so one pipeline serves
/// any number of workers; <see cref="Apply"/> is deterministic and touches only the spans it is given.
/// </summary>
public sealed class CleansingPipeline
{
    private readonly (int Column, int FirstStep, Cleanser[] Cleansers)[] columns;

    private CleansingPipeline((int, int, Cleanser[])[] columns, IReadOnlyList<PipelineStep> steps, int width)
    {
        this.columns = columns;
        Steps = steps;
        MinimumWidth = width;
    }

    /// <summary>All rules, columns in ascending order then rules in order; index i is the i-th change count.</summary>
    public IReadOnlyList<PipelineStep> Steps { get; }

    /// <summary>Records must have at least this many values (highest ruled column + 1).</summary>
    public int MinimumWidth { get; }

    /// <exception cref="InvalidCleansingRuleException">A rule cannot be built; Column and Position say which.</exception>
    /// <exception cref="ArgumentException">A column index is negative or given twice.</exception>
    public static CleansingPipeline Build(IEnumerable<CleansingColumn> columns)
    {
        var ordered = columns.OrderBy(c => c.Index).ToList();
        if (ordered.Count > 0 && ordered[0].Index < 0) throw new ArgumentException("Column indexes must not be negative.", nameof(columns));
        if (ordered.Zip(ordered.Skip(1)).Any(pair => pair.First.Index == pair.Second.Index))
            throw new ArgumentException("Each column may be given once.", nameof(columns));

        var steps = new List<PipelineStep>();
        var compiled = new List<(int, int, Cleanser[])>();
        foreach (var column in ordered.Where(c => c.Rules.Count > 0))
        {
            var cleansers = new Cleanser[column.Rules.Count];
            for (var position = 0; position < cleansers.Length; position++)
            {
                try
                {
                    cleansers[position] = Cleanser.Create(column.Rules[position], column.Dictionary);
                }
                catch (InvalidCleansingRuleException e)
                {
                    throw new InvalidCleansingRuleException(e.Message) { Column = column.Index, Position = position };
                }
            }
            compiled.Add((column.Index, steps.Count, cleansers));
            steps.AddRange(column.Rules.Select((rule, position) => new PipelineStep(column.Index, position, rule)));
        }
        return new CleansingPipeline([.. compiled], steps, ordered.Count == 0 ? 0 : ordered[^1].Index + 1);
    }

    /// <summary>
    /// Cleanses one record: <paramref name="cleansed"/>[i] gets the cleansed <paramref name="raw"/>[i] (columns without
    /// rules are copied), and <paramref name="changeCounts"/>[step] is incremented for every value that step changed.
    /// <paramref name="raw"/> and <paramref name="cleansed"/> may be the same array. A null value in a ruled column is
    /// read as empty.
    /// </summary>
    public void Apply(ReadOnlySpan<string> raw, Span<string> cleansed, Span<long> changeCounts)
    {
        if (raw.Length < MinimumWidth || cleansed.Length != raw.Length) throw new ArgumentException($"Records of {raw.Length} values and {cleansed.Length} slots; at least {MinimumWidth} and the same count expected.");
        if (changeCounts.Length < Steps.Count) throw new ArgumentException($"{Steps.Count} change counts expected.", nameof(changeCounts));
        raw.CopyTo(cleansed);
        foreach (var (column, firstStep, cleansers) in columns)
        {
            var value = cleansed[column] ?? "";
            for (var i = 0; i < cleansers.Length; i++)
            {
                var next = cleansers[i].Clean(value);
                if (ReferenceEquals(next, value) || next == value) continue;
                changeCounts[firstStep + i]++;
                value = next;
            }
            cleansed[column] = value;
        }
    }
}
