using GovDataConsole.Excel;
using GovDataConsole.Features.Catalog;
using GovDataConsole.Features.Shared;
using GovDataConsole.Ingest;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Features.Collection;

/// <summary>
/// The checks a batch file passes before its rows are read, shared by the batch upload and the pre-check: an accepted
/// format, a safe workbook within the size limit, a header matching the resource's items, and a usable column mapping.
/// Refusals are <see cref="BusinessRuleException"/>s with the Chinese message for the user.
/// </summary>
public sealed class BatchIntake(WorkbookGuard guard, CollectionOptions options)
{
    public long MaxUploadBytes => options.MaxUploadBytes;

    public static BatchFormat FormatOf(string fileName) => BatchFiles.FormatOf(fileName) ?? throw new BusinessRuleException(
        Path.GetExtension(fileName).ToLowerInvariant() is ".xlsm" or ".xltm" ? T.Inventory_MacroFile : T.Batch_FormatNotSupported);

    /// <summary>Guards a stored workbook and finds the header of the resource's items in the file.</summary>
    public HeaderDetection Inspect(string path, BatchFormat format, IEnumerable<InfoItem> items)
    {
        if (format == BatchFormat.Xlsx) EnsureSafe(path);
        HeaderDetection detection;
        try
        {
            using var file = File.OpenRead(path);
            using var source = BatchFiles.Open(file, format);
            detection = HeaderDetector.Detect(source, items.OrderBy(i => i.SortOrder).Select(i => new ExpectedColumn(i.Code, i.Name, i.Required)).ToList());
        }
        catch (BatchFileException ex)
        {
            throw new BusinessRuleException(ex.Message);
        }
        return detection.Found ? detection : throw new BusinessRuleException(T.Batch_HeaderNotFound);
    }

    /// <summary>Refuses a stored .xlsx that is not a safe workbook within the collection size limit (macros, corrupt, zip bomb…).</summary>
    public void EnsureSafe(string path)
    {
        if (BatchGuard().CheckFile(path) is { IsAccepted: false } refused) throw new BusinessRuleException(refused.Message);
    }

    /// <summary>Every required item has a column, each column is valid and used once.</summary>
    public static void EnsureMapping(IEnumerable<InfoItem> items, ColumnMapping mapping)
    {
        var missing = items.OrderBy(i => i.SortOrder).Where(i => i.Required && !mapping.Columns.ContainsKey(i.Code)).Select(i => i.Name).ToList();
        if (missing.Count > 0) throw new BusinessRuleException(string.Format(T.Batch_MissingRequired, string.Join("、", missing)));
        if (mapping.Columns.Values.Any(c => c is < 0 or >= CellReference.MaxColumn) || mapping.HeaderRow < 0)
            throw new BusinessRuleException(T.Batch_ColumnInvalid);
        if (mapping.Columns.Values.GroupBy(c => c).Any(g => g.Count() > 1)) throw new BusinessRuleException(T.Batch_ColumnTwice);
    }

    /// <summary>
    /// Data batches are far larger than inventories: the catalog's guard with the collection size limit, and room for the
    /// sheet XML to expand (the per-part compression-ratio cap still catches zip bombs).
    /// </summary>
    private WorkbookGuard BatchGuard() => new(guard.Limits with
    {
        MaxUploadBytes = options.MaxUploadBytes,
        MaxTotalUncompressedBytes = Math.Max(guard.Limits.MaxTotalUncompressedBytes, options.MaxUploadBytes * 20),
    });
}
