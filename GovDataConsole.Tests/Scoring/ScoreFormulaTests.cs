using GovDataConsole.Features.Scoring;
using GovDataConsole.Scoring;

namespace GovDataConsole.Tests.Scoring;

public sealed class ScoreFormulaTests
{
    [Fact]
    public void Quality_is_weighted_by_rows_checked_plain_mean_without_rows_and_full_marks_without_runs()
    {
        Assert.Equal(83.75m, ScoreFormula.Quality([(80m, 300L), (95m, 100L)]));
        Assert.Equal(87.5m, ScoreFormula.Quality([(80m, 0L), (95m, 0L)]));
        Assert.Equal(100m, ScoreFormula.Quality([]));
    }

    [Fact]
    public void Rates_points_and_totals_round_half_up_and_clamp()
    {
        Assert.Equal(66.67m, ScoreFormula.Rate(2, 3));
        Assert.Equal(100m, ScoreFormula.Rate(0, 0));
        Assert.Equal(0m, ScoreFormula.Rate(0, 0, empty: 0));
        Assert.Equal(25.13m, ScoreFormula.Points(30, 83.75m));
        Assert.Equal(100m, ScoreFormula.Total(103.5m));
        Assert.Equal(0m, ScoreFormula.Total(-4m));
    }

    [Fact]
    public void Recurrence_penalty_and_manual_items_are_capped()
    {
        Assert.Equal(-6m, ScoreFormula.RecurrencePenalty(3, 2, 10));
        Assert.Equal(-10m, ScoreFormula.RecurrencePenalty(7, 2, 10));
        Assert.Equal((10m, -4m), ScoreFormula.Manual([6m, 7m, -4m], 10));
        Assert.Equal((3m, -10m), ScoreFormula.Manual([3m, -8m, -5m], 10));
    }

    [Fact]
    public void Ranks_share_a_place_on_equal_totals()
    {
        Assert.Equal([1, 1, 3, 4], ScoreFormula.Ranks([100m, 100m, 92.5m, 60m]));
    }

    [Theory]
    [InlineData(95, ScoreGrade.Excellent)]
    [InlineData(90, ScoreGrade.Excellent)]
    [InlineData(89.99, ScoreGrade.Good)]
    [InlineData(60, ScoreGrade.Pass)]
    [InlineData(59.99, ScoreGrade.Fail)]
    public void Grade_bands_default_to_90_80_60(decimal total, ScoreGrade grade) => Assert.Equal(grade, new ScoringParameters().GradeOf(total));

    [Fact]
    public void Weights_must_sum_to_100_and_bands_must_ascend()
    {
        Assert.Empty(new ScoringParameters().Validate());
        var errors = new ScoringParameters { QualityWeight = 29 }.Validate();
        Assert.Equal(["各指标权重之和须为 100，当前为 99"], errors);
        Assert.Contains("等级分数线须满足：合格 < 良好 < 优秀 ≤ 100，且合格线大于 0", new ScoringParameters { GoodFrom = 95 }.Validate());
        Assert.Contains("红黑榜人数 N 须在 1 到 50 之间", new ScoringParameters { BoardSize = 0 }.Validate());
        Assert.Contains("权重不能为负数", new ScoringParameters { QualityWeight = -10, RectificationCompletionWeight = 60 }.Validate());
    }

    [Theory]
    [InlineData("2026-10", ScorePeriodType.Month, "2026-10-01", "2026-10-31", "2026-09")]
    [InlineData("2026-01", ScorePeriodType.Month, "2026-01-01", "2026-01-31", "2025-12")]
    [InlineData("2026-Q3", ScorePeriodType.Quarter, "2026-07-01", "2026-09-30", "2026-Q2")]
    [InlineData("2026-Q1", ScorePeriodType.Quarter, "2026-01-01", "2026-03-31", "2025-Q4")]
    public void Period_keys_parse_to_their_days_and_previous_period(string key, ScorePeriodType type, string start, string end, string previous)
    {
        Assert.True(ScorePeriod.TryParse(key, out var period));
        Assert.Equal((type, DateOnly.Parse(start), DateOnly.Parse(end), previous), (period.Type, period.Start, period.End, period.Previous.Key));
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-Q5")]
    [InlineData("2026/10")]
    [InlineData("")]
    public void Malformed_period_keys_are_refused(string key) => Assert.False(ScorePeriod.TryParse(key, out _));
}
