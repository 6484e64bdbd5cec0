using GovDataConsole.Quality;

namespace GovDataConsole.Tests.Quality;

/// <summary>资源得分 = Σ(权重ᵢ × (100 − 失败率ᵢ)) ÷ Σ权重ᵢ, per dimension the same over its rules; values worked out by hand.</summary>
public sealed class QualityScoreTests
{
    private static RuleOutcome Outcome(RuleTemplate template, decimal weight, decimal threshold, long checkedRows, long failed) =>
        new(new QualityRule("R", template, [], new Dictionary<string, string>(), RuleSeverity.Major, weight, threshold), checkedRows, failed);

    [Fact]
    public void Failure_rate_is_a_percentage_rounded_to_four_places()
    {
        Assert.Equal(2.5m, Outcome(RuleTemplate.NotNull, 1, 0, 200, 5).FailureRate);
        Assert.Equal(33.3333m, Outcome(RuleTemplate.NotNull, 1, 0, 3, 1).FailureRate);
        Assert.Equal(0m, Outcome(RuleTemplate.NotNull, 1, 0, 0, 0).FailureRate);
    }

    [Theory]
    [InlineData(1, 100, 1, true)]   // rate 1 % = threshold 1 %: passes
    [InlineData(2, 100, 1, false)]  // 2 % > 1 %
    [InlineData(1, 101, 1, true)]   // 0.9901 %
    [InlineData(0, 100, 0, true)]   // zero tolerance, nothing failed
    [InlineData(1, 10_000, 0, false)] // zero tolerance, one failure
    [InlineData(100, 100, 100, true)] // threshold 100 %: always passes
    public void A_rule_passes_when_its_rate_is_at_most_the_threshold(long failed, long checkedRows, decimal threshold, bool passed) =>
        Assert.Equal(passed, Outcome(RuleTemplate.NotNull, 1, threshold, checkedRows, failed).Passed);

    [Fact]
    public void The_score_weighs_each_rules_pass_rate()
    {
        var outcomes = new[]
        {
            Outcome(RuleTemplate.NotBlank, 3, 1, 200, 4),     // Completeness, 98
            Outcome(RuleTemplate.ResidentId, 2, 1, 200, 10),  // Conformity, 95
            Outcome(RuleTemplate.Mobile, 1, 1, 200, 0),       // Conformity, 100
            Outcome(RuleTemplate.Unique, 4, 0, 200, 50),      // Uniqueness, 75
        };
        // (3×98 + 2×95 + 1×100 + 4×75) ÷ 10 = 884 ÷ 10
        Assert.Equal(88.4m, QualityScore.Of(outcomes));
        var byDimension = QualityScore.ByDimension(outcomes);
        Assert.Equal(98m, byDimension[QualityDimension.Completeness]);
        // (2×95 + 1×100) ÷ 3 = 96.666… → 96.67
        Assert.Equal(96.67m, byDimension[QualityDimension.Conformity]);
        Assert.Equal(75m, byDimension[QualityDimension.Uniqueness]);
        Assert.Equal([QualityDimension.Completeness, QualityDimension.Conformity, QualityDimension.Uniqueness], byDimension.Keys);
    }

    [Fact]
    public void The_score_rounds_to_two_places()
    {
        // Rate 33.3333 → pass rate 66.6667 → 66.67.
        Assert.Equal(66.67m, QualityScore.Of([Outcome(RuleTemplate.NotNull, 1, 0, 3, 1)]));
    }

    [Fact]
    public void Rules_without_weight_do_not_count_and_no_weight_means_no_score()
    {
        Assert.Equal(90m, QualityScore.Of([Outcome(RuleTemplate.NotNull, 1, 0, 10, 1), Outcome(RuleTemplate.Mobile, 0, 0, 10, 10)]));
        Assert.Null(QualityScore.Of([Outcome(RuleTemplate.NotNull, 0, 0, 10, 1)]));
        Assert.Null(QualityScore.Of([]));
        var byDimension = QualityScore.ByDimension([Outcome(RuleTemplate.NotNull, 1, 0, 10, 1), Outcome(RuleTemplate.Mobile, 0, 0, 10, 10)]);
        Assert.Equal(QualityDimension.Completeness, Assert.Single(byDimension).Key);
    }

    [Fact]
    public void A_rule_that_checked_nothing_scores_full_marks() =>
        Assert.Equal(100m, QualityScore.Of([Outcome(RuleTemplate.ReceivedInCycle, 2, 0, 0, 0)]));
}
