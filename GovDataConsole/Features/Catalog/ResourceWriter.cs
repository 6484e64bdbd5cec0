using GovDataConsole.Data;
using GovDataConsole.Features.Audit;
using GovDataConsole.Features.Organization;
using GovDataConsole.Features.Shared;
using Microsoft.EntityFrameworkCore;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Features.Catalog;

public enum SaveOutcome { Created, Updated, Unchanged, VersionBumped }

/// <summary>The one way a resource is created or changed (dialog and workbook alike): validate, apply, version, audit.</summary>
public sealed class ResourceWriter(AuditLog audit)
{
    /// <summary>Rules needing the database: code unique, system of the same department, dictionaries exist.</summary>
    public static async Task<List<string>> ValidateAsync(AppDbContext db, ResourceForm form, int? resourceId, CatalogLookups lookups, CancellationToken ct)
    {
        var departmentCode = await db.Departments.Where(d => d.Id == form.DepartmentId).Select(d => d.Code).FirstOrDefaultAsync(ct);
        if (departmentCode is null) return [T.Department_NotFound];
        var errors = form.Validate(departmentCode);
        var code = form.Code.Trim();
        if (await db.DataResources.AnyAsync(r => r.Code == code && r.Id != resourceId, ct)) errors.Add(string.Format(T.Catalog_CodeTaken, code));
        if (form.InformationSystemId is int systemId && !lookups.SystemBelongsTo(systemId, form.DepartmentId)) errors.Add(T.Catalog_SystemInvalid);
        foreach (var item in form.Items.Where(i => i.DictionaryId is int d && lookups.DictionaryName(d) is null))
            errors.Add(string.Format(T.Catalog_DictionaryInvalid, item.Code));
        return errors;
    }

    /// <summary>Applies a validated form. The caller saves (so a workbook import can commit many resources as one).</summary>
    public async Task<(DataResource Resource, SaveOutcome Outcome)> SaveAsync(
        AppDbContext db, DataResource? resource, ResourceForm form, UserContext user, CatalogLookups lookups, CancellationToken ct)
    {
        var before = resource is null ? null : ResourceSnapshot.Of(resource.ToForm(), lookups);
        var after = ResourceSnapshot.Of(form, lookups);
        var changes = after.ChangesSince(before);
        if (resource is not null && changes.Count == 0) return (resource, SaveOutcome.Unchanged);
        if (resource is not null && resource.Status == ResourceStatus.Disabled) throw new BusinessRuleException(string.Format(T.Catalog_DisabledReadOnly, resource.Code));

        SaveOutcome outcome;
        if (resource is null)
        {
            resource = new DataResource(form);
            db.DataResources.Add(resource);
            await db.SaveChangesAsync(ct);
            outcome = SaveOutcome.Created;
        }
        else
        {
            resource.Apply(form);
            outcome = resource.BumpVersionIfPublished() ? SaveOutcome.VersionBumped : SaveOutcome.Updated;
        }
        await RecordVersionAsync(db, resource, after, user, null, ct);
        await audit.StageAsync(db, AuditActions.CatalogCategory,
            outcome == SaveOutcome.Created ? AuditActions.ResourceCreated : AuditActions.ResourceUpdated, resource.Code, Describe(changes));
        return (resource, outcome);
    }

    /// <summary>Keeps the row of the resource's current version up to date with its content.</summary>
    public static async Task RecordVersionAsync(AppDbContext db, DataResource resource, ResourceSnapshot snapshot, UserContext user, string? note, CancellationToken ct)
    {
        var row = await db.DataResourceVersions.FirstOrDefaultAsync(v => v.DataResourceId == resource.Id && v.Version == resource.Version, ct);
        if (row is null) db.DataResourceVersions.Add(row = new DataResourceVersion(resource.Id, resource.Version));
        row.Record(snapshot, user.UserName, note);
    }

    public static string Describe(IEnumerable<FieldChange> changes) =>
        string.Join("；", changes.Select(c => $"{c.Field}: {c.Before ?? "—"} → {c.After ?? "—"}"));
}
