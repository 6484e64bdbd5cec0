using GovDataConsole.Scoring;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Features.Scoring;

/// <summary>The formula of each indicator as shown to users (pages and reports), and a one-line account of its inputs.</summary>
public static class IndicatorTexts
{
    public static string Formula(ScoreIndicator indicator, ScoringParameters p) => indicator switch
    {
        ScoreIndicator.DataQuality => T.Scoring_Formula_DataQuality,
        ScoreIndicator.CollectionTimeliness => T.Scoring_Formula_CollectionTimeliness,
        ScoreIndicator.CollectionCompleteness => T.Scoring_Formula_CollectionCompleteness,
        ScoreIndicator.RectificationTimeliness => T.Scoring_Formula_RectificationTimeliness,
        ScoreIndicator.RectificationCompletion => T.Scoring_Formula_RectificationCompletion,
        ScoreIndicator.Recurrence => string.Format(T.Scoring_Formula_Recurrence, Number(p.RecurrencePoints), Number(p.RecurrenceCap)),
        _ => string.Format(T.Scoring_Formula_Manual, Number(p.ManualCap)),
    };

    public static string Inputs(IndicatorLine line)
    {
        var i = line.Inputs;
        return line.Indicator switch
        {
            ScoreIndicator.DataQuality => string.Format(T.Scoring_Inputs_DataQuality, i.Runs?.Count ?? 0, i.Runs?.Sum(r => r.Rows) ?? 0),
            ScoreIndicator.CollectionTimeliness or ScoreIndicator.CollectionCompleteness =>
                string.Format(T.Scoring_Inputs_Collection, i.Due, i.OnTime, i.Late, i.Missing),
            ScoreIndicator.RectificationTimeliness or ScoreIndicator.RectificationCompletion =>
                string.Format(T.Scoring_Inputs_Rectification, i.Received, i.Closed, i.ClosedOnTime),
            ScoreIndicator.Recurrence => string.Format(T.Scoring_Inputs_Recurrence, i.Recurrences?.Count ?? 0),
            _ => string.Format(T.Scoring_Inputs_Manual, i.Adjustments?.Count ?? 0, Number(i.Bonus ?? 0), Number(i.Deduction ?? 0)),
        };
    }

    public static string Number(decimal value) => value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A change as +1.5 / -2 / 0.</summary>
    public static string Signed(decimal value) => value.ToString("+0.##;-0.##;0", System.Globalization.CultureInfo.InvariantCulture);
}
