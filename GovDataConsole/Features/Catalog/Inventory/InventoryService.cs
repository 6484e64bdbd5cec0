using GovDataConsole.Data;
using GovDataConsole.Features.Audit;
using GovDataConsole.Features.Organization;
using Microsoft.EntityFrameworkCore;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Features.Catalog.Inventory;

public sealed record WorkbookFile(string FileName, byte[] Content);

/// <summary>Downloads: a department's prefilled inventory template, and the catalog (current filter) as a workbook.</summary>
public sealed class InventoryService(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, AuditLog audit)
{
    public async Task<WorkbookFile> TemplateAsync(int departmentId, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        user.EnsureDepartment(departmentId);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var department = await db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == departmentId, ct)
            ?? throw new Shared.NotFoundException(T.Department_NotFound);
        var resources = await db.DataResources.AsNoTracking().Include(r => r.Items).Where(r => r.DepartmentId == departmentId)
            .OrderBy(r => r.Code).ToListAsync(ct);
        var lookups = await CatalogLookups.LoadAsync(db, ct);
        var content = InventoryWorkbook.Build(resources.Select(r => r.ToForm()).ToList(), lookups, lookups.SystemNames(departmentId));
        return new WorkbookFile(string.Format(T.Inventory_TemplateFileName, department.Name, Shared.ChinaTime.Today.ToString("yyyyMMdd")), content);
    }

    public async Task<WorkbookFile> ExportAsync(ResourceQuery query, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var resources = await CatalogService.Filter(db, query, user).Include(r => r.Items).OrderBy(r => r.Code).ToListAsync(ct);
        var lookups = await CatalogLookups.LoadAsync(db, ct);
        var departmentIds = resources.Select(r => r.DepartmentId).Distinct().ToList();
        var content = InventoryWorkbook.Build(resources.Select(r => r.ToForm()).ToList(), lookups, departmentIds.SelectMany(lookups.SystemNames));
        await audit.WriteAsync(AuditActions.CatalogCategory, AuditActions.CatalogExported, null,
            string.Format(T.Inventory_ExportDetail, resources.Count), ct);
        return new WorkbookFile(string.Format(T.Inventory_ExportFileName, Shared.ChinaTime.Today.ToString("yyyyMMdd")), content);
    }
}
