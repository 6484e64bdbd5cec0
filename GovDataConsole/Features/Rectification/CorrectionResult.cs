namespace GovDataConsole.Features.Rectification;

/// <summary>A cell of an uploaded correction workbook that was refused: workbook row, column header, the value, why.</summary>
public sealed record CorrectionError(int Row, string Column, string? Value, string Message);

/// <summary>A problem still open after the re-check: where the record is, which rule, the value and the message now.</summary>
public sealed record StillOpenRow(int Row, int BatchId, int? RowNumber, string? ItemName, string RuleName, string? Value, string Message);

/// <summary>
/// What an upload did. With <see cref="Errors"/> nothing was changed (the annotated workbook in <see cref="ErrorWorkbook"/>);
/// otherwise <see cref="Fixed"/> problems passed their rules again, <see cref="StillOpen"/> did not, and the order holds
/// <see cref="OpenCount"/> open problems — moved to 待复核 when none remain.
/// </summary>
public sealed record CorrectionResult(int Records, int Fixed, IReadOnlyList<StillOpenRow> StillOpen, int OpenCount, bool MovedToReview,
    IReadOnlyList<CorrectionError> Errors, Catalog.Inventory.WorkbookFile? ErrorWorkbook = null)
{
    public bool Accepted => Errors.Count == 0;

    public static CorrectionResult Refused(IReadOnlyList<CorrectionError> errors, Catalog.Inventory.WorkbookFile? workbook) =>
        new(0, 0, [], 0, false, errors, workbook);
}
