using System.Globalization;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Quality;

/// <summary>What the batch-level timeliness rules look at.</summary>
/// <param name="ReceivedDay">The day the batch was uploaded (China time).</param>
/// <param name="DueDay">The due day of the collection task it answers, if any.</param>
/// <param name="PreviousRows">Rows of the resource's previous batch, if any.</param>
public sealed record BatchFacts(int BatchId, DateOnly ReceivedDay, DateOnly? DueDay, int Rows, int? PreviousRows);

/// <summary>The batch-level rules: received within the update cycle (by the task's due day), row count close to the previous batch.</summary>
public static class BatchChecks
{
    /// <summary>Null when the batch passes, else the failure message.</summary>
    public static string? Check(QualityRule rule, BatchFacts batch) => rule.Template switch
    {
        RuleTemplate.ReceivedInCycle => batch.DueDay is { } due && batch.ReceivedDay > due
            ? string.Format(T.RuleFailure_ReceivedLate, batch.ReceivedDay.ToString("yyyy-MM-dd"), due.ToString("yyyy-MM-dd")) : null,
        RuleTemplate.RowCountChange => RowCount(rule, batch),
        _ => throw new ArgumentOutOfRangeException(nameof(rule)),
    };

    private static string? RowCount(QualityRule rule, BatchFacts batch)
    {
        if (batch.PreviousRows is not { } previous || previous == 0) return null;
        var percent = decimal.Parse(rule.Parameter(RuleParameterNames.Percent), CultureInfo.InvariantCulture);
        var change = (batch.Rows - previous) * 100m / previous;
        return Math.Abs(change) <= percent ? null
            : string.Format(T.RuleFailure_RowCountChange, batch.Rows, previous, change.ToString("+0.#;-0.#", CultureInfo.InvariantCulture), percent);
    }
}
