using System.Globalization;
using GovDataConsole.Resources;

namespace GovDataConsole.Excel;

/// <summary>Outcome of <see cref="WorkbookGuard"/>: accepted, or refused with a Chinese message for the user.</summary>
public sealed record WorkbookCheckResult(WorkbookProblem Problem, string Message)
{
    public bool IsAccepted => Problem == WorkbookProblem.None;

    public static WorkbookCheckResult Accepted { get; } = new(WorkbookProblem.None, string.Empty);

    internal static WorkbookCheckResult Refused(WorkbookProblem problem, WorkbookLimits limits) => new(problem, problem switch
    {
        WorkbookProblem.TooLarge => Format(UiText.Excel_UploadTooLarge, limits.MaxUploadBytes / WorkbookLimits.Megabyte),
        WorkbookProblem.NotAWorkbook => UiText.Excel_NotAWorkbook,
        WorkbookProblem.LegacyOrEncrypted => UiText.Excel_LegacyOrEncrypted,
        WorkbookProblem.Corrupt => UiText.Excel_Corrupt,
        WorkbookProblem.MacroEnabled => UiText.Excel_MacroEnabled,
        WorkbookProblem.ZipBomb => Format(UiText.Excel_ZipBomb, limits.MaxTotalUncompressedBytes / WorkbookLimits.Megabyte, limits.MaxCompressionRatio),
        WorkbookProblem.TooManyParts => Format(UiText.Excel_TooManyParts, limits.MaxEntryCount),
        WorkbookProblem.MissingWorkbookPart => UiText.Excel_MissingWorkbookPart,
        WorkbookProblem.Empty => UiText.Excel_EmptyWorkbook,
        _ => throw new ArgumentOutOfRangeException(nameof(problem)),
    });

    private static string Format(string template, params object[] args) => string.Format(CultureInfo.InvariantCulture, template, args);
}
