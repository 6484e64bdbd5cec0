using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Scoring;

/// <summary>
/// The settings of one scoring model version: the weights of the five indicators (summing to 100), the recurrence penalty,
/// the cap on manual items, the grade bands and the size of the red and black lists. Mutable for the editor; a saved
/// version is never changed.
/// </summary>
public sealed class ScoringParameters
{
    public static readonly IReadOnlyList<ScoreIndicator> Weighted =
    [
        ScoreIndicator.DataQuality, ScoreIndicator.CollectionTimeliness, ScoreIndicator.CollectionCompleteness,
        ScoreIndicator.RectificationTimeliness, ScoreIndicator.RectificationCompletion,
    ];

    public decimal QualityWeight { get; set; } = 30;
    public decimal CollectionTimelinessWeight { get; set; } = 15;
    public decimal CollectionCompletenessWeight { get; set; } = 15;
    public decimal RectificationTimelinessWeight { get; set; } = 20;
    public decimal RectificationCompletionWeight { get; set; } = 20;

    /// <summary>Points deducted per recurring (resource, rule) pair.</summary>
    public decimal RecurrencePoints { get; set; } = 2;

    /// <summary>The most the recurrence penalty deducts in a period.</summary>
    public decimal RecurrenceCap { get; set; } = 10;

    /// <summary>Bonus items add at most this much per department and period, deductions take at most this much.</summary>
    public decimal ManualCap { get; set; } = 10;

    public decimal ExcellentFrom { get; set; } = 90;
    public decimal GoodFrom { get; set; } = 80;
    public decimal PassFrom { get; set; } = 60;

    /// <summary>N of the red list (top N) and of the black list (bottom N).</summary>
    public int BoardSize { get; set; } = 3;

    public decimal WeightOf(ScoreIndicator indicator) => indicator switch
    {
        ScoreIndicator.DataQuality => QualityWeight,
        ScoreIndicator.CollectionTimeliness => CollectionTimelinessWeight,
        ScoreIndicator.CollectionCompleteness => CollectionCompletenessWeight,
        ScoreIndicator.RectificationTimeliness => RectificationTimelinessWeight,
        ScoreIndicator.RectificationCompletion => RectificationCompletionWeight,
        _ => 0,
    };

    public decimal WeightSum => Weighted.Sum(WeightOf);

    public ScoringParameters Copy() => (ScoringParameters)MemberwiseClone();

    public ScoreGrade GradeOf(decimal total) =>
        total >= ExcellentFrom ? ScoreGrade.Excellent : total >= GoodFrom ? ScoreGrade.Good : total >= PassFrom ? ScoreGrade.Pass : ScoreGrade.Fail;

    /// <summary>Every broken rule as a Chinese message; empty when the parameters can be saved.</summary>
    public List<string> Validate()
    {
        var errors = new List<string>();
        if (Weighted.Any(i => WeightOf(i) < 0)) errors.Add(T.Scoring_WeightNegative);
        if (WeightSum != 100) errors.Add(string.Format(T.Scoring_WeightSum, WeightSum.ToString("0.##")));
        if (RecurrencePoints < 0 || RecurrenceCap < 0) errors.Add(T.Scoring_RecurrenceNegative);
        if (ManualCap is < 0 or > 100) errors.Add(T.Scoring_ManualCapRange);
        if (!(ExcellentFrom <= 100 && GoodFrom < ExcellentFrom && PassFrom < GoodFrom && PassFrom > 0)) errors.Add(T.Scoring_GradeBandsOrder);
        if (BoardSize is < 1 or > 50) errors.Add(T.Scoring_BoardSizeRange);
        return errors;
    }
}
