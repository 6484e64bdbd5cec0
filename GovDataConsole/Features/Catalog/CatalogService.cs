using System.Linq.Expressions;
using GovDataConsole.Data;
using GovDataConsole.Features.Audit;
using GovDataConsole.Features.Organization;
using GovDataConsole.Features.Shared;
using Microsoft.EntityFrameworkCore;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Features.Catalog;

/// <summary>The data catalog. Department staff read and change only their own department's resources; stewards publish.</summary>
public sealed class CatalogService(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, ResourceWriter writer, AuditLog audit)
{
    private static readonly Dictionary<string, Expression<Func<DataResource, object?>>> Sortable = new()
    {
        [nameof(ResourceRow.Code)] = x => x.Code,
        [nameof(ResourceRow.Name)] = x => x.Name,
        [nameof(ResourceRow.DepartmentName)] = x => x.Department!.Name,
        [nameof(ResourceRow.UpdateCycle)] = x => x.UpdateCycle,
        [nameof(ResourceRow.Status)] = x => x.Status,
        [nameof(ResourceRow.Version)] = x => x.Version,
        [nameof(ResourceRow.UpdatedUtc)] = x => x.UpdatedUtc,
    };

    public async Task<GridPage<ResourceRow>> ListAsync(ResourceQuery query, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Filter(db, query, user).ToGridPageAsync(query, Sortable, nameof(ResourceRow.Code), ToRow, ct);
    }

    /// <summary>The filtered rows without paging, for exports.</summary>
    internal static IQueryable<DataResource> Filter(AppDbContext db, ResourceQuery query, UserContext user)
    {
        var resources = db.DataResources.AsNoTracking().VisibleTo(user);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var s = query.Search.Trim();
            resources = resources.Where(r => r.Name.Contains(s) || r.Code.Contains(s));
        }
        if (query.DepartmentId is int departmentId) resources = resources.Where(r => r.DepartmentId == departmentId);
        if (query.ShareType is ShareType share) resources = resources.Where(r => r.ShareType == share);
        if (query.UpdateCycle is UpdateCycle cycle) resources = resources.Where(r => r.UpdateCycle == cycle);
        if (query.Status is ResourceStatus status) resources = resources.Where(r => r.Status == status);
        return resources;
    }

    internal static readonly Expression<Func<DataResource, ResourceRow>> ToRow = r => new ResourceRow(r.Id, r.Code, r.Name, r.DepartmentId,
        r.Department!.Name, r.InformationSystem == null ? null : r.InformationSystem.Name, r.ShareType, r.OpenType, r.UpdateCycle,
        r.SensitivityGrade, r.Status, r.Version, r.Items.Count, r.UpdatedUtc);

    public async Task<ResourceDetail> GetAsync(int id, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.DataResources.AsNoTracking().Where(r => r.Id == id).Select(ToRow).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException(T.Catalog_NotFound);
        user.EnsureDepartment(row.DepartmentId);
        var resource = await db.DataResources.AsNoTracking().Where(r => r.Id == id).Select(r => new { r.Summary, r.ShareCondition }).FirstAsync(ct);
        var items = await db.InfoItems.AsNoTracking().Where(i => i.DataResourceId == id).OrderBy(i => i.SortOrder)
            .Select(i => new InfoItemRow(i.Code, i.Name, i.DataType, i.Length, i.Precision, i.Required, i.IsKey,
                i.Dictionary == null ? null : i.Dictionary.Name, i.Sensitivity, i.Description)).ToListAsync(ct);
        var versions = await db.DataResourceVersions.AsNoTracking().Where(v => v.DataResourceId == id).OrderByDescending(v => v.Version)
            .Select(v => new VersionRow(v.Version, v.ChangedBy, v.ChangedUtc, v.Note)).ToListAsync(ct);
        return new ResourceDetail(row, resource.Summary, resource.ShareCondition, items, versions);
    }

    public async Task<ResourceForm> GetFormAsync(int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var resource = await LoadAsync(db, id, ct);
        return resource.ToForm();
    }

    /// <summary>What changed from version <paramref name="from"/> to version <paramref name="to"/>.</summary>
    public async Task<IReadOnlyList<FieldChange>> CompareVersionsAsync(int id, int from, int to, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await LoadAsync(db, id, ct);
        var snapshots = await db.DataResourceVersions.AsNoTracking().Where(v => v.DataResourceId == id && (v.Version == from || v.Version == to))
            .ToDictionaryAsync(v => v.Version, v => ResourceSnapshot.FromJson(v.SnapshotJson), ct);
        if (!snapshots.TryGetValue(to, out var after)) throw new NotFoundException(T.Catalog_VersionNotFound);
        return after.ChangesSince(snapshots.GetValueOrDefault(from));
    }

    public async Task<int> CreateAsync(ResourceForm form, CancellationToken ct)
    {
        var user = await EnsureEditorAsync(form.DepartmentId);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (resource, _) = await SaveAsync(db, null, form, user, ct);
        return resource.Id;
    }

    public async Task<SaveOutcome> UpdateAsync(int id, ResourceForm form, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var resource = await LoadAsync(db, id, ct);
        form.DepartmentId = resource.DepartmentId;
        var user = await EnsureEditorAsync(resource.DepartmentId);
        var (_, outcome) = await SaveAsync(db, resource, form, user, ct);
        return outcome;
    }

    public Task SubmitAsync(int id, CancellationToken ct) =>
        TransitionAsync(id, r => r.Submit(), AuditActions.ResourceSubmitted, [Roles.DepartmentStaff, Roles.Steward, Roles.Admin], ct);

    public Task PublishAsync(int id, CancellationToken ct) =>
        TransitionAsync(id, r => r.Publish(DateTime.UtcNow), AuditActions.ResourcePublished, [Roles.Steward, Roles.Admin], ct);

    public Task ReturnToDraftAsync(int id, CancellationToken ct) =>
        TransitionAsync(id, r => r.ReturnToDraft(), AuditActions.ResourceReturned, [Roles.Steward, Roles.Admin], ct);

    public Task DisableAsync(int id, CancellationToken ct) =>
        TransitionAsync(id, r => r.Disable(), AuditActions.ResourceDisabled, [Roles.Steward, Roles.Admin], ct);

    public async Task<IReadOnlyList<SystemOption>> SystemOptionsAsync(int departmentId, CancellationToken ct)
    {
        (await currentUser.GetAsync()).EnsureDepartment(departmentId);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.InformationSystems.AsNoTracking().Where(s => s.DepartmentId == departmentId).OrderBy(s => s.Name)
            .Select(s => new SystemOption(s.Id, s.DepartmentId, s.Name)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<DictionaryOption>> DictionaryOptionsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.CodeDictionaries.AsNoTracking().OrderBy(d => d.Code).Select(d => new DictionaryOption(d.Id, d.Code, d.Name)).ToListAsync(ct);
    }

    private async Task<(DataResource Resource, SaveOutcome Outcome)> SaveAsync(
        AppDbContext db, DataResource? resource, ResourceForm form, UserContext user, CancellationToken ct)
    {
        var lookups = await CatalogLookups.LoadAsync(db, ct);
        var errors = await ResourceWriter.ValidateAsync(db, form, resource?.Id, lookups, ct);
        if (errors.Count > 0) throw new BusinessRuleException(errors);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var saved = await writer.SaveAsync(db, resource, form, user, lookups, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return saved;
    }

    private async Task TransitionAsync(int id, Action<DataResource> move, string action, string[] roles, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var resource = await LoadAsync(db, id, ct);
        var user = await currentUser.GetAsync();
        user.EnsureRole(roles);
        user.EnsureDepartment(resource.DepartmentId);
        var from = resource.Status;
        move(resource);
        var lookups = await CatalogLookups.LoadAsync(db, ct);
        await ResourceWriter.RecordVersionAsync(db, resource, ResourceSnapshot.Of(resource.ToForm(), lookups), user, EnumLabels.Of(resource.Status), ct);
        await audit.StageAsync(db, AuditActions.CatalogCategory, action, resource.Code, $"{EnumLabels.Of(from)} → {EnumLabels.Of(resource.Status)}");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Loads a resource with its items, refusing other departments' resources for department staff.</summary>
    private async Task<DataResource> LoadAsync(AppDbContext db, int id, CancellationToken ct)
    {
        var resource = await db.DataResources.Include(r => r.Items).FirstOrDefaultAsync(r => r.Id == id, ct)
            ?? throw new NotFoundException(T.Catalog_NotFound);
        (await currentUser.GetAsync()).EnsureDepartment(resource.DepartmentId);
        return resource;
    }

    private async Task<UserContext> EnsureEditorAsync(int departmentId)
    {
        var user = await currentUser.GetAsync();
        user.EnsureRole(Roles.DepartmentStaff, Roles.Steward, Roles.Admin);
        user.EnsureDepartment(departmentId);
        return user;
    }
}
