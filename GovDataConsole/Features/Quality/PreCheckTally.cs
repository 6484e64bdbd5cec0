using GovDataConsole.Quality;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Features.Quality;

/// <summary>
/// The quality side of a pre-check, fed the file's kept rows in order: row rules, uniqueness against the resource's current
/// data (indexed first, as a check run does) and the rest of the file, then the batch rules. Counts every failure and keeps
/// the first <see cref="PreCheckService.MaxListed"/> problems.
/// </summary>
internal sealed class PreCheckTally(QualityPlan plan, CheckContext context)
{
    /// <summary>Owner batch id of keys seen in the file itself.</summary>
    private const int FileBatch = 0;

    private readonly long[] failures = new long[plan.Rules.Count];
    private readonly List<RowFinding> findings = [];
    private readonly Dictionary<int, UniquenessIndex> indexes = plan.Uniques.ToDictionary(u => u.Rule, _ => new UniquenessIndex());

    public QualityPlan Plan => plan;
    public long RowsChecked { get; private set; }
    public long ProblemCount { get; private set; }
    public List<PreCheckProblem> Problems { get; } = [];

    /// <summary>Adds a stored record's keys (checked under its own batch's <paramref name="batchPlan"/>, whose rules share this plan's order).</summary>
    public void Index(QualityPlan batchPlan, CheckedRecord record, int batchId)
    {
        foreach (var (rule, columns) in batchPlan.Uniques)
            indexes[rule].Add(record.Values, columns, new KeyOwner(record.Id, batchId, record.RowNumber));
    }

    /// <summary>Checks one kept row of the file (its cleansed values).</summary>
    public void Check(int rowNumber, string[] values)
    {
        RowsChecked++;
        findings.Clear();
        plan.CheckRow(values, 0, failures, findings);
        foreach (var f in findings) Add(rowNumber, f.Rule, f.Field, values[f.Field], f.Message);
        foreach (var (rule, columns) in plan.Uniques)
        {
            if (indexes[rule].Add(values, columns, new KeyOwner(0, FileBatch, rowNumber)) is not { } first) continue;
            failures[rule]++;
            var message = string.Format(T.RuleFailure_Unique, string.Join("、", columns.Select(c => context.Names[c])),
                first.BatchId == FileBatch ? string.Format(T.RuleFailure_UniqueSameBatch, first.RowNumber) : string.Format(T.RuleFailure_UniqueOtherBatch, first.BatchId, first.RowNumber));
            Add(rowNumber, rule, columns[0], string.Join(" / ", columns.Select(c => values[c])), message);
        }
    }

    /// <summary>The batch-level rules on the file as a whole.</summary>
    public void CheckBatch(BatchFacts facts)
    {
        foreach (var rule in plan.BatchRules)
        {
            if (BatchChecks.Check(plan.Rules[rule], facts) is not { } message) continue;
            failures[rule]++;
            Add(null, rule, -1, null, message);
        }
    }

    /// <summary>Each rule's outcome: row and uniqueness rules over the rows checked, batch rules over the one file.</summary>
    public IReadOnlyList<RuleOutcome> Outcomes() => plan.Rules.Select((rule, i) =>
        new RuleOutcome(rule, RuleTemplateCatalog.ScopeOf(rule.Template) == RuleScope.Batch ? 1 : RowsChecked, failures[i])).ToList();

    private void Add(int? rowNumber, int rule, int field, string? value, string message)
    {
        ProblemCount++;
        if (Problems.Count >= PreCheckService.MaxListed) return;
        var r = plan.Rules[rule];
        Problems.Add(new PreCheckProblem(rowNumber, r.Key, r.DisplayName, r.Dimension, r.Severity, field < 0 ? null : context.Codes[field],
            field < 0 ? null : context.Names[field], value, message));
    }
}
