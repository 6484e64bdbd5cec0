using GovDataConsole.Excel;

namespace GovDataConsole.Features.Catalog.Inventory;

/// <summary>
/// The answer to an inventory upload: either applied (with counts), refused as a whole file (<see cref="Message"/>),
/// or refused cell by cell (<see cref="Errors"/> and the annotated <see cref="ErrorWorkbook"/>). Refusals change nothing.
/// </summary>
public sealed record InventoryImportResult(
    bool Succeeded, string? Message, IReadOnlyList<CellError> Errors, byte[]? ErrorWorkbook,
    int Created = 0, int Updated = 0, int Unchanged = 0, int VersionBumped = 0)
{
    public static InventoryImportResult Refused(string message) => new(false, message, [], null);
}
