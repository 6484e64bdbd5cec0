namespace GovDataConsole.Quality;

/// <summary>A failing rule on a row: which rule (index into <see cref="QualityPlan.Rules"/>), which column, why.</summary>
public readonly record struct RowFinding(int Rule, int Field, string Message);

/// <summary>
/// A resource's enabled rules compiled against its columns: row checks run per row, uniqueness rules keep an index over
/// the resource's data, batch rules look at the batch as a whole. Exceptions (record × rule) are neither counted nor reported.
/// </summary>
public sealed class QualityPlan
{
    private readonly (int Rule, RowCheck Check)[] rowChecks;

    private QualityPlan(IReadOnlyList<QualityRule> rules, IReadOnlyList<string> codes, (int, RowCheck)[] rowChecks, (int, int[])[] uniques, int[] batchRules)
    {
        Rules = rules;
        Codes = codes;
        this.rowChecks = rowChecks;
        Uniques = uniques;
        BatchRules = batchRules;
        Reads = new bool[codes.Count];
        foreach (var column in rowChecks.SelectMany(c => c.Item2.Fields.Append(c.Item2.Field)).Concat(uniques.SelectMany(u => u.Item2)))
            if (column >= 0 && column < codes.Count) Reads[column] = true;
    }

    /// <summary>The enabled rules, in order; findings and counts index into this list.</summary>
    public IReadOnlyList<QualityRule> Rules { get; }

    public IReadOnlyList<string> Codes { get; }

    public int Width => Codes.Count;

    /// <summary>The columns the rules read (checked, reported or keyed); a check need not decode the others.</summary>
    public bool[] Reads { get; }

    /// <summary>Uniqueness rules: rule index and key columns.</summary>
    public IReadOnlyList<(int Rule, int[] Columns)> Uniques { get; }

    public IReadOnlyList<int> BatchRules { get; }

    /// <exception cref="InvalidQualityRuleException">A rule cannot be built.</exception>
    public static QualityPlan Compile(IEnumerable<QualityRule> rules, CheckContext context)
    {
        var enabled = rules.Where(r => r.Enabled).ToList();
        var rowChecks = new List<(int, RowCheck)>();
        var uniques = new List<(int, int[])>();
        var batch = new List<int>();
        for (var i = 0; i < enabled.Count; i++)
        {
            var rule = enabled[i];
            switch (RuleTemplateCatalog.ScopeOf(rule.Template))
            {
                case RuleScope.Row: rowChecks.Add((i, RuleCompiler.Compile(rule, context))); break;
                case RuleScope.Uniqueness: uniques.Add((i, RuleCompiler.Fields(rule, context))); break;
                default: RuleCompiler.CheckBatchRule(rule, context); batch.Add(i); break;
            }
        }
        return new QualityPlan(enabled, context.Codes, [.. rowChecks], [.. uniques], [.. batch]);
    }

    /// <summary>The columns each rule reads (for highlighting), by rule index.</summary>
    public IReadOnlyList<int> FieldsOf(int rule) =>
        rowChecks.FirstOrDefault(c => c.Rule == rule).Check?.Fields ?? Uniques.FirstOrDefault(u => u.Rule == rule).Columns ?? [];

    /// <summary>
    /// Runs the row checks on one row: adds one to <paramref name="failures"/>[rule] for each failing rule not excepted for
    /// this record, and appends the finding. Returns the number of findings added.
    /// </summary>
    public int CheckRow(ReadOnlySpan<string> row, long recordId, long[] failures, List<RowFinding> findings, ExceptionSet? exceptions = null)
    {
        var added = 0;
        foreach (var (rule, check) in rowChecks)
        {
            if (check.Check(row) is not { } message) continue;
            if (exceptions is not null && exceptions.Contains(recordId, Rules[rule].Key)) continue;
            failures[rule]++;
            findings.Add(new RowFinding(rule, check.Field, message));
            added++;
        }
        return added;
    }
}
