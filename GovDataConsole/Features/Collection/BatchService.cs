using System.Linq.Expressions;
using System.Text.Json;
using GovDataConsole.Data;
using GovDataConsole.Excel;
using GovDataConsole.Features.Audit;
using GovDataConsole.Features.Catalog;
using GovDataConsole.Features.Catalog.Inventory;
using GovDataConsole.Features.Organization;
using GovDataConsole.Features.Shared;
using GovDataConsole.Ingest;
using GovDataConsole.Standards;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Features.Collection;

/// <summary>
/// Data batches: upload (store, hash, detect the header, spot re-uploads), confirm (queue the import job), and read back
/// within the department scope. Records are shown only for imported batches, masked unless the viewer reveals them.
/// </summary>
public sealed class BatchService(
    IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, FileStore files, BatchIntake intake,
    IBackgroundJobClient jobs, AuditLog audit)
{
    private static readonly Dictionary<string, Expression<Func<DataBatch, object?>>> Sortable = new()
    {
        [nameof(BatchRow.Id)] = b => b.Id,
        [nameof(BatchRow.ResourceCode)] = b => b.DataResource!.Code,
        [nameof(BatchRow.PeriodKey)] = b => b.PeriodKey,
        [nameof(BatchRow.Status)] = b => b.Status,
        [nameof(BatchRow.UploadedUtc)] = b => b.UploadedUtc,
    };

    private static readonly Expression<Func<DataBatch, BatchRow>> ToRow = b => new BatchRow(b.Id, b.DataResourceId, b.DataResource!.Code,
        b.DataResource.Name, b.DataResource.Department!.Name, b.PeriodKey, b.FileName, b.Format, b.Status, b.FailureReason, b.RowsRead,
        b.RowsAccepted, b.RowsRejected, b.UploadedBy, b.UploadedUtc, b.FinishedUtc, b.Encoding, b.DepartmentId, b.CleansedVersion);

    /// <summary>Published resources of the user's scope that accept data, with their open periods.</summary>
    public async Task<IReadOnlyList<UploadTarget>> TargetsAsync(CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var resources = await db.DataResources.AsNoTracking().VisibleTo(user).Where(r => r.Status == ResourceStatus.Published)
            .OrderBy(r => r.Code).Select(r => new { r.Id, r.Code, r.Name, r.UpdateCycle }).ToListAsync(ct);
        var open = (await db.CollectionTasks.AsNoTracking().VisibleTo(user)
                .Where(t => t.Status == CollectionTaskStatus.Pending || t.Status == CollectionTaskStatus.Missing)
                .Select(t => new { t.DataResourceId, t.PeriodKey, t.PeriodStart }).ToListAsync(ct))
            .ToLookup(t => t.DataResourceId);
        var today = ChinaTime.Today;
        return resources.Select(r => new UploadTarget(r.Id, r.Code, r.Name, r.UpdateCycle,
            open[r.Id].OrderByDescending(t => t.PeriodStart).Select(t => t.PeriodKey).ToList(), CollectionPeriod.Containing(r.UpdateCycle, today).Key)).ToList();
    }

    /// <summary>Stores the file and proposes a column mapping. Nothing is queued until <see cref="ConfirmAsync"/>.</summary>
    public async Task<BatchDraft> PrepareAsync(int resourceId, string periodKey, string fileName, Stream content, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        user.EnsureRole(Roles.DepartmentStaff, Roles.Steward, Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var resource = await PublishedResourceAsync(db, resourceId, user, ct);
        var format = BatchIntake.FormatOf(fileName);
        if (string.IsNullOrWhiteSpace(periodKey) || periodKey.Length > 20) throw new BusinessRuleException(T.Batch_PeriodRequired);

        var stored = await files.SaveAsync(content, "batches", format == BatchFormat.Xlsx ? ".xlsx" : ".csv", intake.MaxUploadBytes, ct);
        try
        {
            var detection = intake.Inspect(files.FullPath(stored.RelativePath), format, resource.Items);
            var duplicate = await db.DataBatches.Where(b => b.DataResourceId == resourceId && b.PeriodKey == periodKey
                    && b.FileHash == stored.Sha256 && b.Status != BatchStatus.Failed)
                .OrderByDescending(b => b.Id).Select(b => (int?)b.Id).FirstOrDefaultAsync(ct);
            return new BatchDraft(resourceId, periodKey.Trim(), Path.GetFileName(fileName), stored.RelativePath, stored.Sha256, stored.Size, format, detection, duplicate);
        }
        catch (BusinessRuleException)
        {
            files.Delete(stored.RelativePath);
            throw;
        }
    }

    /// <summary>Queues the import with the (possibly corrected) mapping; every required item must have a column.</summary>
    public async Task<int> ConfirmAsync(BatchDraft draft, ColumnMapping mapping, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        user.EnsureRole(Roles.DepartmentStaff, Roles.Steward, Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var resource = await PublishedResourceAsync(db, draft.ResourceId, user, ct);
        BatchIntake.EnsureMapping(resource.Items, mapping);
        _ = files.FullPath(draft.StoredFile);

        var taskId = await db.CollectionTasks.Where(t => t.DataResourceId == resource.Id && t.PeriodKey == draft.PeriodKey)
            .Select(t => (int?)t.Id).FirstOrDefaultAsync(ct);
        var batch = new DataBatch(resource, taskId, draft.PeriodKey, draft.FileName, draft.StoredFile, draft.Sha256, draft.Size, draft.Format,
            JsonSerializer.Serialize(mapping), user.UserName, DateTime.UtcNow);
        db.DataBatches.Add(batch);
        await audit.StageAsync(db, AuditActions.CollectionCategory, AuditActions.BatchUploaded, resource.Code,
            $"{draft.PeriodKey} {draft.FileName} {draft.Size} bytes sha256={draft.Sha256}");
        await db.SaveChangesAsync(ct);
        jobs.Enqueue<BatchImportJob>(j => j.RunAsync(batch.Id, CancellationToken.None));
        return batch.Id;
    }

    public async Task RetryAsync(int batchId, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        user.EnsureRole(Roles.DepartmentStaff, Roles.Steward, Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var batch = await LoadAsync(db, batchId, user, ct);
        batch.Requeue();
        await db.SaveChangesAsync(ct);
        jobs.Enqueue<BatchImportJob>(j => j.RunAsync(batch.Id, CancellationToken.None));
    }

    public async Task<GridPage<BatchRow>> ListAsync(BatchQuery query, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var batches = db.DataBatches.AsNoTracking().VisibleTo(user);
        if (query.ResourceId is int resourceId) batches = batches.Where(b => b.DataResourceId == resourceId);
        if (query.Status is BatchStatus status) batches = batches.Where(b => b.Status == status);
        if (!string.IsNullOrWhiteSpace(query.PeriodKey)) batches = batches.Where(b => b.PeriodKey == query.PeriodKey);
        return await batches.ToGridPageAsync(query with { Descending = query.SortBy is null || query.Descending }, Sortable, nameof(BatchRow.Id), ToRow, ct);
    }

    public async Task<BatchRow> GetAsync(int batchId, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.DataBatches.AsNoTracking().Where(b => b.Id == batchId).Select(ToRow).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException(T.Batch_NotFound);
        user.EnsureDepartment(row.DepartmentId);
        return row;
    }

    public async Task<IReadOnlyList<ItemColumn>> ColumnsAsync(int resourceId, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var departmentId = await db.DataResources.Where(r => r.Id == resourceId).Select(r => (int?)r.DepartmentId).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException(T.Catalog_NotFound);
        user.EnsureDepartment(departmentId);
        return await db.InfoItems.AsNoTracking().Where(i => i.DataResourceId == resourceId).OrderBy(i => i.SortOrder)
            .Select(i => new ItemColumn(i.Code, i.Name, i.Sensitivity)).ToListAsync(ct);
    }

    /// <summary>The columns of a batch's records: the items of the resource version it was imported under.</summary>
    public async Task<IReadOnlyList<ItemColumn>> BatchColumnsAsync(int batchId, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var batch = await LoadAsync(db, batchId, user, ct);
        return (await ItemsOfAsync(db, batch, ct)).Select(c => new ItemColumn(c.Code, c.Name, c.Sensitivity ?? SensitivityKind.None)).ToList();
    }

    /// <summary>
    /// Records hold values in the item order of the resource version they were imported under, which later versions may change:
    /// that version's items, with today's sensitivity by code (null for an item since removed: masked whole).
    /// </summary>
    internal static async Task<List<(string Code, string Name, SensitivityKind? Sensitivity)>> ItemsOfAsync(AppDbContext db, DataBatch batch, CancellationToken ct)
    {
        var current = await db.InfoItems.AsNoTracking().Where(i => i.DataResourceId == batch.DataResourceId).OrderBy(i => i.SortOrder)
            .Select(i => new { i.Code, i.Name, i.Sensitivity }).ToListAsync(ct);
        var version = await db.DataResources.Where(r => r.Id == batch.DataResourceId).Select(r => r.Version).FirstAsync(ct);
        if (version == batch.ResourceVersion) return current.Select(i => (i.Code, i.Name, (SensitivityKind?)i.Sensitivity)).ToList();
        var snapshot = await db.DataResourceVersions.AsNoTracking().Where(v => v.DataResourceId == batch.DataResourceId && v.Version == batch.ResourceVersion)
            .Select(v => v.SnapshotJson).FirstOrDefaultAsync(ct);
        if (snapshot is null) return current.Select(i => (i.Code, i.Name, (SensitivityKind?)null)).ToList();
        var kinds = current.ToDictionary(i => i.Code, i => i.Sensitivity);
        return ResourceSnapshot.FromJson(snapshot).Items
            .Select(i => (i.Code, i.Name, kinds.TryGetValue(i.Code, out var kind) ? kind : (SensitivityKind?)null)).ToList();
    }

    public async Task<GridPage<RowErrorRow>> ErrorsAsync(int batchId, GridRequest page, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var batch = await LoadAsync(db, batchId, user, ct);
        var names = await db.InfoItems.Where(i => i.DataResourceId == batch.DataResourceId).ToDictionaryAsync(i => i.Code, i => i.Name, ct);
        var errors = db.BatchRowErrors.AsNoTracking().Where(e => e.BatchId == batchId);
        var total = await errors.CountAsync(ct);
        var items = await errors.OrderBy(e => e.RowNumber).ThenBy(e => e.Id).Skip(page.Skip).Take(page.Take)
            .Select(e => new { e.RowNumber, e.ItemCode, e.Value, e.Message }).ToListAsync(ct);
        return new GridPage<RowErrorRow>(items.Select(e => new RowErrorRow(e.RowNumber, e.ItemCode, names.GetValueOrDefault(e.ItemCode), e.Value, e.Message)).ToList(), total);
    }

    /// <summary>Records of an imported batch. Sensitive values are masked unless <paramref name="reveal"/>, which is audited.</summary>
    public async Task<GridPage<RecordRow>> RecordsAsync(int batchId, GridRequest page, bool reveal, CancellationToken ct, bool cleansed = false)
    {
        var user = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var batch = await LoadAsync(db, batchId, user, ct);
        if (!batch.Status.HasRecords()) return new GridPage<RecordRow>([], 0);
        if (reveal)
        {
            user.EnsureRole(Roles.DepartmentStaff, Roles.Steward);
            await audit.WriteAsync(AuditActions.CollectionCategory, AuditActions.RecordsRevealed, batch.FileName,
                string.Format(T.Batch_RevealDetail, batchId, page.Page + 1), ct);
        }
        var sensitivity = (await ItemsOfAsync(db, batch, ct)).Select(c => c.Sensitivity).ToList();
        var records = db.BatchRecords.AsNoTracking().Where(r => r.BatchId == batchId);
        var total = await records.CountAsync(ct);
        var rows = await records.OrderBy(r => r.RowNumber).Skip(page.Skip).Take(page.Take)
            .Select(r => new { r.RowNumber, r.ValuesJson, r.CleansedJson, r.DuplicateOfRow }).ToListAsync(ct);
        return new GridPage<RecordRow>(rows.Select(r =>
        {
            var values = JsonSerializer.Deserialize<string[]>(cleansed ? r.CleansedJson ?? r.ValuesJson : r.ValuesJson) ?? [];
            return new RecordRow(r.RowNumber, values.Select((v, i) => Display(v, i < sensitivity.Count ? sensitivity[i] : null, reveal)).ToList(),
                r.CleansedJson is not null, r.DuplicateOfRow);
        }).ToList(), total);
    }

    /// <summary>A value as the viewer may see it: masked by its sensitivity unless revealed; an item since removed is masked whole.</summary>
    internal static string Display(string value, SensitivityKind? sensitivity, bool reveal) =>
        reveal ? value : sensitivity is { } kind ? Masking.Mask(kind, value) : new string('*', value.Length);

    /// <summary>Checks access to a batch's records for an export, audits it, and gives its column items.</summary>
    internal async Task<(DataBatch Batch, List<(string Code, string Name, SensitivityKind? Sensitivity)> Items)> ExportSourceAsync(
        AppDbContext db, int batchId, bool reveal, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        var batch = await LoadAsync(db, batchId, user, ct);
        if (reveal) user.EnsureRole(Roles.DepartmentStaff, Roles.Steward);
        if (!batch.Status.HasRecords()) throw new BusinessRuleException(T.Batch_NoRecordsYet);
        await audit.WriteAsync(AuditActions.CollectionCategory, AuditActions.BatchExported, batch.FileName,
            string.Format(T.Batch_ExportDetail, batchId, reveal ? T.Batch_ExportRevealed : T.Batch_ExportMasked), ct);
        return (batch, await ItemsOfAsync(db, batch, ct));
    }

    /// <summary>The uploaded workbook with its bad cells marked (xlsx), or a list of the errors (csv).</summary>
    public async Task<WorkbookFile> ErrorWorkbookAsync(int batchId, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var batch = await LoadAsync(db, batchId, user, ct);
        var mapping = JsonSerializer.Deserialize<ColumnMapping>(batch.MappingJson ?? "null");
        var errors = await db.BatchRowErrors.AsNoTracking().Where(e => e.BatchId == batchId).OrderBy(e => e.RowNumber).Take(100_000).ToListAsync(ct);
        var path = files.FullPath(batch.StoredFile);
        var sheet = mapping?.Sheet ?? (batch.Format == BatchFormat.Xlsx ? FirstSheet(path) : "");
        var cellErrors = errors.Select(e => new CellError(sheet, e.RowNumber, e.ColumnNumber, e.Value, e.Message)).ToList();
        var name = Path.GetFileNameWithoutExtension(batch.FileName) + T.Inventory_ErrorFileSuffix + ".xlsx";
        var content = batch.Format == BatchFormat.Xlsx
            ? ErrorWorkbookWriter.Create(await File.ReadAllBytesAsync(path, ct), cellErrors)
            : ErrorList.Build(cellErrors);
        return new WorkbookFile(name, content);
    }

    private static string FirstSheet(string path)
    {
        using var source = XlsxRowSource.Open(path);
        return source.Sheets.FirstOrDefault() ?? "";
    }

    /// <summary>A published resource with its items, within the user's department scope.</summary>
    internal static async Task<DataResource> PublishedResourceAsync(AppDbContext db, int resourceId, UserContext user, CancellationToken ct)
    {
        var resource = await db.DataResources.AsNoTracking().Include(r => r.Items).FirstOrDefaultAsync(r => r.Id == resourceId, ct)
            ?? throw new NotFoundException(T.Catalog_NotFound);
        user.EnsureDepartment(resource.DepartmentId);
        if (resource.Status != ResourceStatus.Published) throw new BusinessRuleException(T.Batch_ResourceNotPublished);
        return resource;
    }

    private static async Task<DataBatch> LoadAsync(AppDbContext db, int batchId, UserContext user, CancellationToken ct)
    {
        var batch = await db.DataBatches.FirstOrDefaultAsync(b => b.Id == batchId, ct) ?? throw new NotFoundException(T.Batch_NotFound);
        user.EnsureDepartment(batch.DepartmentId);
        return batch;
    }
}
