namespace GovDataConsole.Quality;

/// <summary>How one rule did in a run.</summary>
public sealed record RuleOutcome(QualityRule Rule, long Checked, long Failed)
{
    /// <summary>Failure rate in percent (0 when nothing was checked).</summary>
    public decimal FailureRate => Checked == 0 ? 0 : Math.Round(Failed * 100m / Checked, 4);

    /// <summary>Passes when the failure rate is at most the rule's threshold.</summary>
    public bool Passed => FailureRate <= Rule.Threshold;
}

/// <summary>
/// Scores of a run, 0–100: each rule contributes its pass rate (100 − failure rate) weighted by its weight;
/// a dimension's score is the weighted mean over its rules, the resource score the weighted mean over all rules.
/// 资源得分 = Σ(权重ᵢ × (100 − 失败率ᵢ)) ÷ Σ权重ᵢ. Null when no rule carries weight.
/// </summary>
public static class QualityScore
{
    public static decimal? Of(IEnumerable<RuleOutcome> outcomes)
    {
        decimal weights = 0, sum = 0;
        foreach (var outcome in outcomes)
        {
            weights += outcome.Rule.Weight;
            sum += outcome.Rule.Weight * (100 - outcome.FailureRate);
        }
        return weights == 0 ? null : Math.Round(sum / weights, 2);
    }

    public static IReadOnlyDictionary<QualityDimension, decimal> ByDimension(IEnumerable<RuleOutcome> outcomes) =>
        outcomes.GroupBy(o => o.Rule.Dimension)
            .Select(g => (g.Key, Score: Of(g)))
            .Where(d => d.Score is not null)
            .OrderBy(d => d.Key)
            .ToDictionary(d => d.Key, d => d.Score!.Value);
}
