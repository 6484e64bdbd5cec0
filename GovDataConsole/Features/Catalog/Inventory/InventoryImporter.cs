using DocumentFormat.OpenXml.Packaging;
using GovDataConsole.Data;
using GovDataConsole.Excel;
using GovDataConsole.Features.Audit;
using GovDataConsole.Features.Organization;
using Microsoft.EntityFrameworkCore;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Features.Catalog.Inventory;

/// <summary>
/// Applies a department's inventory workbook: guard the file, check every cell, then write all resources in one
/// transaction — or change nothing and hand back the user's own workbook with the bad cells marked.
/// </summary>
public sealed class InventoryImporter(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, ResourceWriter writer, AuditLog audit, WorkbookGuard guard)
{
    public async Task<InventoryImportResult> ImportAsync(int departmentId, string fileName, byte[] file, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        user.EnsureRole(Roles.DepartmentStaff, Roles.Steward, Roles.Admin);
        user.EnsureDepartment(departmentId);

        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension is ".xlsm" or ".xltm") return InventoryImportResult.Refused(T.Inventory_MacroFile);
        if (extension != ".xlsx") return InventoryImportResult.Refused(T.Inventory_XlsxOnly);
        var check = guard.Check(new MemoryStream(file, writable: false));
        if (!check.IsAccepted) return InventoryImportResult.Refused(check.Message);
        if (TemplateVersion(file) != InventoryColumns.TemplateVersion) return InventoryImportResult.Refused(T.Inventory_OldTemplate);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var departmentCode = await db.Departments.Where(d => d.Id == departmentId).Select(d => d.Code).FirstOrDefaultAsync(ct)
            ?? throw new Shared.NotFoundException(T.Department_NotFound);
        var lookups = await CatalogLookups.LoadAsync(db, ct);
        var otherDepartments = await db.DataResources.Where(r => r.DepartmentId != departmentId).ToDictionaryAsync(r => r.Code, r => r.DepartmentId, ct);
        var parser = new InventoryParser(departmentId, departmentCode, lookups, otherDepartments);

        using (var reader = SheetReader.Open(new MemoryStream(file, writable: false)))
        {
            var refusal = CheckSheets(reader);
            if (refusal is not null) return InventoryImportResult.Refused(refusal);
            refusal = ReadSheet(reader, InventoryColumns.ResourceSheet, InventoryColumns.Resource, parser.ReadResource)
                ?? ReadSheet(reader, InventoryColumns.ItemSheet, InventoryColumns.Item, parser.ReadItem);
            if (refusal is not null) return InventoryImportResult.Refused(refusal);
        }
        parser.Complete();
        if (parser.Errors.Count > 0)
            return new InventoryImportResult(false, string.Format(T.Inventory_CellErrors, parser.Errors.Count), parser.Errors,
                ErrorWorkbookWriter.Create(file, parser.Errors));
        if (parser.Resources.Count == 0) return InventoryImportResult.Refused(T.Inventory_Empty);

        var existing = await db.DataResources.Include(r => r.Items).Where(r => r.DepartmentId == departmentId)
            .ToDictionaryAsync(r => r.Code, StringComparer.OrdinalIgnoreCase, ct);
        var counts = new Dictionary<SaveOutcome, int>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var form in parser.Resources)
        {
            var (_, outcome) = await writer.SaveAsync(db, existing.GetValueOrDefault(form.Code), form, user, lookups, ct);
            counts[outcome] = counts.GetValueOrDefault(outcome) + 1;
        }
        var result = new InventoryImportResult(true, null, [], null, counts.GetValueOrDefault(SaveOutcome.Created),
            counts.GetValueOrDefault(SaveOutcome.Updated), counts.GetValueOrDefault(SaveOutcome.Unchanged), counts.GetValueOrDefault(SaveOutcome.VersionBumped));
        await audit.StageAsync(db, AuditActions.CatalogCategory, AuditActions.InventoryImported, fileName,
            string.Format(T.Inventory_Summary, result.Created, result.Updated, result.VersionBumped, result.Unchanged));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return result;
    }

    /// <summary>Both sheets present; no hidden sheets (data must not travel where nobody looks).</summary>
    private static string? CheckSheets(SheetReader reader)
    {
        var hidden = reader.Sheets.Where(s => s.Visibility != SheetVisibility.Visible).Select(s => s.Name).ToList();
        if (hidden.Count > 0) return string.Format(T.Inventory_HiddenSheets, string.Join("、", hidden));
        foreach (var name in new[] { InventoryColumns.ResourceSheet, InventoryColumns.ItemSheet })
            if (reader.Sheets.All(s => s.Name != name || !s.IsWorksheet)) return string.Format(T.Inventory_MissingSheet, name);
        return null;
    }

    /// <summary>Maps columns by the hidden code row, then hands every non-empty data row to <paramref name="read"/>.</summary>
    private static string? ReadSheet(SheetReader reader, string sheet, IReadOnlyList<InventoryColumn> expected, Action<string, SheetRow, IReadOnlyDictionary<string, int>> read)
    {
        if (reader.ReadMergedRanges(sheet).Any(r => r.FirstRow <= InventoryColumns.HeaderRow))
            return string.Format(T.Inventory_MergedHeader, sheet);
        Dictionary<string, int>? columns = null;
        foreach (var row in reader.ReadRows(sheet))
        {
            if (row.Number == InventoryColumns.CodeRow)
            {
                columns = row.Cells.Where(c => c.Text.Length > 0).GroupBy(c => c.Text.Trim()).ToDictionary(g => g.Key, g => g.First().Column);
                var missing = expected.Where(c => !columns.ContainsKey(c.Code)).Select(c => $"{c.Label}（{c.Code}）").ToList();
                if (missing.Count > 0) return string.Format(T.Inventory_MissingColumns, sheet, string.Join("、", missing));
            }
            else if (row.Number >= InventoryColumns.FirstDataRow && row.Cells.Any(c => !string.IsNullOrWhiteSpace(c.Text)))
            {
                if (columns is null) break;
                read(sheet, row, columns);
            }
        }
        return columns is null ? string.Format(T.Inventory_NoCodeRow, sheet) : null;
    }

    /// <summary>The template marker we write as a custom document property; absent in foreign or old workbooks.</summary>
    private static string? TemplateVersion(byte[] file)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(file, writable: false), false);
        return document.CustomFilePropertiesPart?.Properties?
            .Elements<DocumentFormat.OpenXml.CustomProperties.CustomDocumentProperty>()
            .FirstOrDefault(p => p.Name?.Value == InventoryColumns.TemplateProperty)?.InnerText;
    }
}
