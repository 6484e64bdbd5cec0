using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using GovDataConsole.Data;
using GovDataConsole.Excel;
using GovDataConsole.Features.Audit;
using GovDataConsole.Features.Catalog;
using GovDataConsole.Features.Catalog.Inventory;
using GovDataConsole.Features.Cleansing;
using GovDataConsole.Features.Collection;
using GovDataConsole.Features.Organization;
using GovDataConsole.Features.Quality;
using GovDataConsole.Features.Shared;
using GovDataConsole.Ingest;
using GovDataConsole.Quality;
using GovDataConsole.Standards;
using Microsoft.EntityFrameworkCore;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Features.Rectification;

/// <summary>
/// Takes back a filled-in correction workbook: guarded and checked like a batch (a safe .xlsx, the workbook's header, known
/// records, no formulas, no masked values, the import's schema check), cleansed with the resource's current plan, re-checked
/// with the order's rules. Problems that pass are fixed, the rest stay open with the new message; changed values become the
/// record's current values (earlier ones kept in history). When no problem remains the order goes to 待复核. One save: any
/// error leaves everything as it was.
/// </summary>
public sealed class CorrectionUpload(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, FileStore files, BatchIntake intake,
    WorkOrderService orders, AuditLog audit, TimeProvider clock)
{
    public const long MaxUploadBytes = WorkOrderService.MaxAttachmentBytes;

    private const int MaxExplanation = 1000;

    private sealed record CorrectedRow(int Row, OpenRecord Record, Dictionary<string, string> Values, string? Explanation);

    /// <summary>A row after cleansing, in the column order of its quality plan.</summary>
    private sealed record CheckedRow(CorrectedRow Row, string[] Values, QualityPlan Plan);

    /// <summary>Why the user may not upload corrections to an order in this state, or null (staff of the owning department, 整改中).</summary>
    public static Exception? Refusal(WorkOrderStatus status, int departmentId, UserContext user)
    {
        if (!user.IsInRole(Roles.DepartmentStaff)) return new AccessDeniedException(string.Format(T.WorkOrder_RoleRefused, T.Correction_Upload));
        if (user.DepartmentId != departmentId) return new AccessDeniedException(T.WorkOrder_OtherDepartment);
        if (status == WorkOrderStatus.Dispatched) return new BusinessRuleException(T.Correction_SignFirst);
        return status == WorkOrderStatus.InProgress ? null
            : new BusinessRuleException(string.Format(T.WorkOrder_StateRefused, EnumLabels.Of(status), T.Correction_Upload));
    }

    public async Task<CorrectionResult> UploadAsync(int orderId, Guid stamp, string fileName, Stream content, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await db.WorkOrders.VisibleTo(user).SingleOrDefaultAsync(o => o.Id == orderId, ct) ?? throw new NotFoundException(T.WorkOrder_NotFound);
        if (Refusal(order.Status, order.DepartmentId, user) is { } refusal) throw refusal;
        if (order.ConcurrencyStamp != stamp) throw new BusinessRuleException(T.WorkOrder_Changed);
        if (BatchIntake.FormatOf(fileName) != BatchFormat.Xlsx) throw new BusinessRuleException(T.Correction_XlsxOnly);

        var stored = await files.SaveAsync(content, "orders", ".xlsx", MaxUploadBytes, ct);
        var kept = false;
        try
        {
            var path = files.FullPath(stored.RelativePath);
            intake.EnsureSafe(path);
            var items = await CorrectionWorkbook.ItemsAsync(db, order.DataResourceId, ct);
            var records = (await CorrectionWorkbook.OpenRecordsAsync(db, order.Id, ct)).ToDictionary(r => r.Record.Id);
            var (rows, errors) = Read(path, items, records);
            if (errors.Count > 0)
            {
                var labels = CorrectionWorkbook.Columns(items).Select(c => c.Label).ToList();
                return CorrectionResult.Refused(
                    errors.Select(e => new CorrectionError(e.Row, e.Column >= 1 && e.Column <= labels.Count ? labels[e.Column - 1] : CellReference.ColumnName(e.Column), e.Value, e.Message)).ToList(),
                    new WorkbookFile(Path.GetFileNameWithoutExtension(fileName) + T.Inventory_ErrorFileSuffix + ".xlsx",
                        ErrorWorkbookWriter.Create(await File.ReadAllBytesAsync(path, ct), errors)));
            }
            var result = await ApplyAsync(db, order, rows, items, user, ct);
            var summary = string.Format(T.Correction_Summary, rows.Count, result.Fixed, result.OpenCount);
            var now = clock.GetUtcNow().UtcDateTime;
            db.WorkOrderEvents.Add(new WorkOrderEvent(order.Id, WorkOrderEventKind.CorrectionUploaded, order.Status, order.Status, user.UserName, summary, now,
                Path.GetFileName(fileName), stored.RelativePath));
            await audit.StageAsync(db, AuditActions.RectificationCategory, AuditActions.CorrectionUploaded, order.Number, summary);
            order.Renew();
            if (result.MovedToReview) await orders.ApplyAsync(db, order, WorkOrderAction.Submit, new WorkOrderActionInput(order.ConcurrencyStamp), summary, user, now, ct);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new BusinessRuleException(T.WorkOrder_Changed);
            }
            kept = true;
            if (result.MovedToReview) await orders.NotifyAsync(order, WorkOrderAction.Submit, ct);
            return result;
        }
        finally
        {
            if (!kept) files.Delete(stored.RelativePath);
        }
    }

    /// <summary>The workbook's rows by record; file-level problems throw, cell problems are collected.</summary>
    private static (List<CorrectedRow> Rows, List<CellError> Errors) Read(string path, IReadOnlyList<InfoItem> items, IReadOnlyDictionary<long, OpenRecord> records)
    {
        var sheet = T.Correction_DataSheet;
        var rows = new List<CorrectedRow>();
        var errors = new List<CellError>();
        try
        {
            using var reader = SheetReader.Open(path);
            if (!reader.Sheets.Any(s => s.IsWorksheet && s.Name == sheet)) throw new BusinessRuleException(T.Correction_HeaderMismatch);
            Dictionary<string, int>? columns = null;
            var seen = new HashSet<long>();
            foreach (var row in reader.ReadRows(sheet))
            {
                if (row.Number == TemplateSheet.CodeRow)
                {
                    columns = CodeColumns(row, items);
                    continue;
                }
                if (columns is null) throw new BusinessRuleException(T.Correction_HeaderMismatch);
                if (row.Number <= TemplateSheet.HeaderRow) continue;
                if (ReadRow(sheet, row, columns, items, records, seen, reader.Date1904, errors) is { } corrected) rows.Add(corrected);
            }
            if (columns is null) throw new BusinessRuleException(T.Correction_HeaderMismatch);
        }
        catch (Exception e) when (e is XmlException or InvalidDataException or IOException or OpenXmlPackageException)
        {
            throw new BusinessRuleException(T.Excel_Corrupt);
        }
        if (rows.Count == 0 && errors.Count == 0) throw new BusinessRuleException(T.Correction_NoRows);
        return (rows, errors);
    }

    /// <summary>Each expected code's 1-based column, from the hidden code row; every one must be there once.</summary>
    private static Dictionary<string, int> CodeColumns(SheetRow row, IReadOnlyList<InfoItem> items)
    {
        var found = row.Cells.Where(c => !c.IsFormula).GroupBy(c => c.Text.Trim(), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList());
        var expected = CorrectionWorkbook.Columns(items).Select(c => c.Code).ToList();
        if (expected.Any(code => !found.TryGetValue(code, out var cells) || cells.Count != 1)) throw new BusinessRuleException(T.Correction_HeaderMismatch);
        return expected.ToDictionary(code => code, code => found[code][0].Column, StringComparer.Ordinal);
    }

    private static CorrectedRow? ReadRow(string sheet, SheetRow row, Dictionary<string, int> columns, IReadOnlyList<InfoItem> items,
        IReadOnlyDictionary<long, OpenRecord> records, HashSet<long> seen, bool date1904, List<CellError> errors)
    {
        var read = columns.Values.Select(row.Find).OfType<SheetCell>().ToList();
        if (read.All(c => c.Text.Trim().Length == 0 && !c.IsFormula)) return null;
        var before = errors.Count;
        foreach (var cell in read.Where(c => c.IsFormula)) errors.Add(new CellError(sheet, row.Number, cell.Column, cell.Text, T.Inventory_Formula));
        if (errors.Count > before) return null;

        string Text(string code) => row.Find(columns[code]) is { } cell ? CellTexts.IsoDate(cell, date1904) ?? cell.Text : "";
        void Error(string code, string message) => errors.Add(new CellError(sheet, row.Number, columns[code], Text(code), message));

        if (!long.TryParse(Text(CorrectionWorkbook.RecordCode).Trim(), out var id) || !records.TryGetValue(id, out var record))
        {
            Error(CorrectionWorkbook.RecordCode, T.Correction_UnknownRecord);
            return null;
        }
        if (!seen.Add(id)) Error(CorrectionWorkbook.RecordCode, T.Correction_DuplicateRecord);
        if (Text(CorrectionWorkbook.BatchCode).Trim() != record.Record.BatchId.ToString() || Text(CorrectionWorkbook.RowCode).Trim() != record.Record.RowNumber.ToString())
            Error(CorrectionWorkbook.RecordCode, T.Correction_KeyChanged);

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in items.Where(i => record.Codes.Contains(i.Code)))
        {
            var value = Text(item.Code);
            var current = record.ValueOf(item.Code);
            if (value != current && item.Sensitivity != SensitivityKind.None && current.Length > 0 && value == Masking.Mask(item.Sensitivity, current))
                Error(item.Code, T.Correction_MaskedValue);
            else if (SchemaCheck.Check(item, value) is { } problem) Error(item.Code, problem);
            values[item.Code] = value;
        }
        var explanation = Text(CorrectionWorkbook.ExplanationCode).Trim();
        if (explanation.Length > MaxExplanation) Error(CorrectionWorkbook.ExplanationCode, T.WorkOrder_CommentTooLong);
        return errors.Count > before ? null : new CorrectedRow(row.Number, record, values, explanation.Length == 0 ? null : explanation);
    }

    /// <summary>Cleanses and re-checks every row, fixes or updates its open problems, corrects changed records and recounts the order.</summary>
    private async Task<CorrectionResult> ApplyAsync(AppDbContext db, WorkOrder order, List<CorrectedRow> rows, IReadOnlyList<InfoItem> items, UserContext user,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var keys = rows.SelectMany(r => r.Record.Items).Select(i => i.RuleKey).ToHashSet(StringComparer.Ordinal);
        var rules = (await QualityRules.EffectiveAsync(db, order.DataResourceId, ct)).Rules.Where(r => r.Enabled && keys.Contains(r.Key)).ToList();
        var batches = await db.DataBatches.AsNoTracking().Where(b => b.DataResourceId == order.DataResourceId).ToDictionaryAsync(b => b.Id, ct);
        var plans = new Dictionary<int, (CleansingPlan Cleansing, QualityPlan Quality)>();
        foreach (var batchId in rows.Select(r => r.Record.Record.BatchId).Distinct())
        {
            try
            {
                plans[batchId] = (await CleansingPlan.LoadAsync(db, batches[batchId], ct), await QualityRules.PlanForBatchAsync(db, batches[batchId], rules, ct));
            }
            catch (InvalidQualityRuleException ex)
            {
                throw new BusinessRuleException(ex.Message);
            }
        }

        var json = new RecordJson();
        var checkedRows = new List<CheckedRow>();
        var uniques = new List<(CorrectedRow Row, WorkOrderItem Item, string[] Values)>();
        var results = new List<(CorrectedRow Row, WorkOrderItem Item, string[] Values)>();
        var findings = new List<RowFinding>();
        foreach (var row in rows)
        {
            var (cleansing, quality) = plans[row.Record.Record.BatchId];
            var values = Cleanse(row, cleansing);
            if (!values.AsSpan().SequenceEqual(row.Record.Values))
            {
                var corrected = json.SerializeToString(values);
                db.BatchRecordHistory.Add(new BatchRecordHistory(row.Record.Record.Id, row.Record.Record.BatchId, row.Record.CurrentJson, corrected, order.Id, user.UserName, now));
                row.Record.Record.Correct(corrected);
            }
            var checkedRow = new string[Math.Max(quality.Width, values.Length)];
            Array.Fill(checkedRow, "");
            values.CopyTo(checkedRow, 0);
            findings.Clear();
            quality.CheckRow(checkedRow, row.Record.Record.Id, new long[quality.Rules.Count], findings);
            checkedRows.Add(new CheckedRow(row, checkedRow, quality));
            foreach (var item in row.Record.Items)
            {
                var rule = IndexOf(quality.Rules, item.RuleKey);
                if (rule >= 0 && quality.Uniques.Any(u => u.Rule == rule))
                {
                    uniques.Add((row, item, checkedRow));
                    continue;
                }
                if (rule >= 0 && !quality.BatchRules.Contains(rule))
                {
                    if (findings.FirstOrDefault(f => f.Rule == rule) is { Message: not null } finding)
                        item.StillFailing(finding.Message, checkedRow[finding.Field], row.Explanation);
                    else
                        item.Fix(row.Explanation, now);
                }
                results.Add((row, item, checkedRow));
            }
        }
        if (uniques.Count > 0)
            await CheckUniquenessAsync(db, order.DataResourceId, rules.Where(r => RuleTemplateCatalog.ScopeOf(r.Template) == RuleScope.Uniqueness).ToList(),
                checkedRows, items, now, ct);
        results.AddRange(uniques);

        var openBefore = await db.WorkOrderItems.CountAsync(i => i.OrderId == order.Id && i.State == WorkOrderItemState.Open, ct);
        var fixedCount = results.Count(r => r.Item.State == WorkOrderItemState.Fixed);
        order.CountOpen(openBefore - fixedCount);
        var stillOpen = results.Where(r => r.Item.State == WorkOrderItemState.Open).OrderBy(r => r.Row.Row)
            .Select(r => new StillOpenRow(r.Row.Row, r.Item.BatchId, r.Item.RowNumber, r.Item.ItemName, r.Item.RuleName, r.Item.Value, r.Item.Message)).ToList();
        return new CorrectionResult(rows.Count, fixedCount, stillOpen, order.OpenCount, order.OpenCount == 0, []);
    }

    /// <summary>The uploaded values merged into the record's current values, cleansed with the resource's current plan.</summary>
    private static string[] Cleanse(CorrectedRow row, CleansingPlan plan)
    {
        var raw = (string[])row.Record.Values.Clone();
        for (var i = 0; i < row.Record.Codes.Count && i < raw.Length; i++)
            if (row.Values.TryGetValue(row.Record.Codes[i], out var value)) raw[i] = value;
        if (raw.Length < plan.Pipeline.MinimumWidth) return raw;
        var cleansed = new string[raw.Length];
        plan.Pipeline.Apply(raw, cleansed, new long[plan.Pipeline.Steps.Count]);
        return cleansed;
    }

    /// <summary>
    /// Uniqueness rules against the resource's current data, as a check run sees it: every other kept record of its cleansed
    /// batches first, then the corrected rows in workbook order; a problem whose key is still taken stays open.
    /// </summary>
    private async Task CheckUniquenessAsync(AppDbContext db, int resourceId, IReadOnlyList<QualityRule> rules, List<CheckedRow> rows,
        IReadOnlyList<InfoItem> items, DateTime now, CancellationToken ct)
    {
        var corrected = rows.Select(r => r.Row.Record.Record.Id).ToHashSet();
        var indexes = rules.ToDictionary(r => r.Key, _ => new UniquenessIndex(), StringComparer.Ordinal);
        var batches = await db.DataBatches.AsNoTracking().Where(b => b.DataResourceId == resourceId && b.Status == BatchStatus.Cleansed).OrderBy(b => b.Id).ToListAsync(ct);
        await using var reading = await dbFactory.CreateDbContextAsync(ct);
        foreach (var batch in batches)
        {
            var plan = await QualityRules.PlanForBatchAsync(db, batch, rules, ct);
            await foreach (var page in RecordPages.ReadAsync(reading, batch.Id, 0, int.MaxValue, plan.Width, ct))
                foreach (var record in page.Where(r => !corrected.Contains(r.Id)))
                    foreach (var (rule, columns) in plan.Uniques)
                        indexes[plan.Rules[rule].Key].Add(record.Values, columns, new KeyOwner(record.Id, batch.Id, record.RowNumber));
        }
        var names = items.ToDictionary(i => i.Code, i => i.Name);
        foreach (var (row, values, plan) in rows)
        {
            var record = row.Record.Record;
            foreach (var (rule, columns) in plan.Uniques)
            {
                var key = plan.Rules[rule].Key;
                var first = indexes[key].Add(values, columns, new KeyOwner(record.Id, record.BatchId, record.RowNumber));
                foreach (var item in row.Record.Items.Where(i => i.RuleKey == key))
                {
                    if (first is not { } owner)
                    {
                        item.Fix(row.Explanation, now);
                        continue;
                    }
                    var fields = string.Join("、", columns.Select(c => names.GetValueOrDefault(plan.Codes[c], plan.Codes[c])));
                    var where = owner.BatchId == record.BatchId ? string.Format(T.RuleFailure_UniqueSameBatch, owner.RowNumber)
                        : string.Format(T.RuleFailure_UniqueOtherBatch, owner.BatchId, owner.RowNumber);
                    item.StillFailing(string.Format(T.RuleFailure_Unique, fields, where), string.Join(" / ", columns.Select(c => values[c])), row.Explanation);
                }
            }
        }
    }

    private static int IndexOf(IReadOnlyList<QualityRule> rules, string key)
    {
        for (var i = 0; i < rules.Count; i++)
            if (rules[i].Key == key) return i;
        return -1;
    }
}
