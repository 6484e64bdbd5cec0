using ClosedXML.Excel;
using GovDataConsole.Data;
using GovDataConsole.Excel;
using GovDataConsole.Features.Audit;
using GovDataConsole.Features.Catalog;
using GovDataConsole.Features.Catalog.Inventory;
using GovDataConsole.Features.Cleansing;
using GovDataConsole.Features.Collection;
using GovDataConsole.Features.Organization;
using GovDataConsole.Features.Shared;
using Microsoft.EntityFrameworkCore;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Features.Rectification;

/// <summary>A record with open problems in an order: the tracked record, its batch's item order, its current values, its open rows.</summary>
internal sealed record OpenRecord(BatchRecord Record, List<string> Codes, string[] Values, IReadOnlyList<WorkOrderItem> Items)
{
    public string CurrentJson => Record.CorrectedJson ?? Record.CleansedJson ?? Record.ValuesJson;

    public string ValueOf(string code) => Codes.IndexOf(code) is var i and >= 0 && i < Values.Length ? Values[i] : "";
}

/// <summary>
/// The correction workbook of an order (整改工作簿): one row per record with open problems — hidden key columns, every item of
/// the resource (current values, unmasked only for the owning department's staff), the problems, and 整改说明 to fill in.
/// </summary>
public sealed class CorrectionWorkbook(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, AuditLog audit)
{
    // Codes in the hidden code row; '#' cannot start an item code, so they never clash with one.
    public const string RecordCode = "#RECORD";
    public const string BatchCode = "#BATCH";
    public const string RowCode = "#ROW";
    public const string FieldsCode = "#FIELDS";
    public const string ProblemsCode = "#PROBLEMS";
    public const string ExplanationCode = "#EXPLANATION";

    public async Task<WorkbookFile> BuildAsync(int orderId, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await db.WorkOrders.AsNoTracking().VisibleTo(user).SingleOrDefaultAsync(o => o.Id == orderId, ct)
            ?? throw new NotFoundException(T.WorkOrder_NotFound);
        var reveal = user.IsDepartmentScoped && user.DepartmentId == order.DepartmentId;
        var items = await ItemsAsync(db, order.DataResourceId, ct);
        var records = await OpenRecordsAsync(db, order.Id, ct);

        using var workbook = new XLWorkbook();
        var instructions = workbook.Worksheets.Add(T.Inventory_InstructionSheet);
        var data = workbook.Worksheets.Add(T.Correction_DataSheet);
        var columns = Columns(items);
        TemplateSheet.Write(data, columns, records.Select(r => Row(r, items, reveal)));
        Protect(data, items.Count, records.Count);
        TemplateSheet.WriteInstructions(instructions, string.Format(T.Correction_Title, order.Number, order.Title), T.Correction_Intro,
            columns.Select(c => (T.Correction_DataSheet, c)));
        if (!reveal) instructions.Cell(3, 1).WriteText(T.Correction_MaskedNote).Style.Font.SetBold().Font.SetFontColor(XLColor.FromHtml("#B71C1C"));
        data.SetTabActive();
        instructions.SetTabActive(false);

        await audit.WriteAsync(AuditActions.RectificationCategory, AuditActions.CorrectionDownloaded, order.Number,
            string.Format(T.Correction_AuditDownloaded, records.Count, reveal ? T.Batch_ExportRevealed : T.Batch_ExportMasked), ct);
        return new WorkbookFile(string.Format(T.Correction_FileName, order.Number), TemplateSheet.Save(workbook));
    }

    /// <summary>The resource's current items in column order.</summary>
    internal static async Task<List<InfoItem>> ItemsAsync(AppDbContext db, int resourceId, CancellationToken ct) =>
        await db.InfoItems.AsNoTracking().Include(i => i.Dictionary).Where(i => i.DataResourceId == resourceId).OrderBy(i => i.SortOrder).ToListAsync(ct);

    /// <summary>The workbook's columns: keys, the items, the problems, 整改说明.</summary>
    internal static List<TemplateColumn> Columns(IReadOnlyList<InfoItem> items) =>
    [
        new(RecordCode, T.Correction_RecordId, false, T.Correction_KeyHelp),
        new(BatchCode, T.Correction_Batch, false, T.Correction_KeyHelp),
        new(RowCode, T.Correction_RowNumber, false, T.Correction_KeyHelp),
        .. items.Select(i => new TemplateColumn(i.Code, i.Name, i.Required, BatchTemplate.Help(i))),
        new(FieldsCode, T.Correction_Fields, false, T.Correction_ProblemHelp),
        new(ProblemsCode, T.Correction_Problems, false, T.Correction_ProblemHelp),
        new(ExplanationCode, T.Correction_Explanation, false, T.Correction_ExplanationHelp),
    ];

    /// <summary>
    /// The order's records with open problems, in batch and row order, tracked (the upload corrects them). Rows of batch-level
    /// rules have no record and are not in the workbook.
    /// </summary>
    internal static async Task<List<OpenRecord>> OpenRecordsAsync(AppDbContext db, int orderId, CancellationToken ct)
    {
        var items = await db.WorkOrderItems.Where(i => i.OrderId == orderId && i.State == WorkOrderItemState.Open && i.RecordId != null)
            .OrderBy(i => i.BatchId).ThenBy(i => i.RowNumber).ThenBy(i => i.Id).ToListAsync(ct);
        var ids = items.Select(i => i.RecordId!.Value).Distinct().ToList();
        var records = await db.BatchRecords.Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var batchIds = records.Values.Select(r => r.BatchId).Distinct().ToList();
        var codes = new Dictionary<int, List<string>>();
        foreach (var batch in await db.DataBatches.AsNoTracking().Where(b => batchIds.Contains(b.Id)).ToListAsync(ct))
            codes[batch.Id] = (await BatchService.ItemsOfAsync(db, batch, ct)).Select(i => i.Code).ToList();
        return items.GroupBy(i => i.RecordId!.Value).Where(g => records.ContainsKey(g.Key)).Select(g =>
        {
            var record = records[g.Key];
            var recordCodes = codes[record.BatchId];
            return new OpenRecord(record, recordCodes, RecordJson.Parse(record.CorrectedJson ?? record.CleansedJson ?? record.ValuesJson, recordCodes.Count), g.ToList());
        }).ToList();
    }

    private static string?[] Row(OpenRecord record, IReadOnlyList<InfoItem> items, bool reveal) =>
    [
        record.Record.Id.ToString(), record.Record.BatchId.ToString(), record.Record.RowNumber.ToString(),
        .. items.Select(i => BatchService.Display(record.ValueOf(i.Code), i.Sensitivity, reveal)),
        string.Join("、", record.Items.Select(i => i.ItemName ?? i.RuleName).Distinct()),
        string.Join("；", record.Items.Select(i => i.Message)),
        null,
    ];

    /// <summary>Keys hidden, problem columns shaded; only the item values and 整改说明 of the data rows can be edited.</summary>
    private static void Protect(IXLWorksheet sheet, int itemCount, int rows)
    {
        const int keys = 3;
        for (var c = 1; c <= keys; c++) sheet.Column(c).Hide();
        var problems = sheet.Range(TemplateSheet.FirstDataRow, keys + itemCount + 1, TemplateSheet.FirstDataRow + Math.Max(rows, 1) - 1, keys + itemCount + 2);
        problems.Style.Fill.BackgroundColor = XLColor.FromHtml("#F5F5F5");
        problems.Style.Alignment.WrapText = true;
        if (rows == 0) return;
        var last = TemplateSheet.FirstDataRow + rows - 1;
        sheet.Range(TemplateSheet.FirstDataRow, keys + 1, last, keys + itemCount).Style.Protection.SetLocked(false);
        sheet.Range(TemplateSheet.FirstDataRow, keys + itemCount + 3, last, keys + itemCount + 3).Style.Protection.SetLocked(false);
        sheet.Protect().AllowElement(XLSheetProtectionElements.FormatColumns | XLSheetProtectionElements.FormatRows | XLSheetProtectionElements.AutoFilter | XLSheetProtectionElements.Sort | XLSheetProtectionElements.SelectEverything);
    }
}
