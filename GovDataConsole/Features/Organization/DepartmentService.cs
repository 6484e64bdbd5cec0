using System.Linq.Expressions;
using GovDataConsole.Data;
using GovDataConsole.Features.Audit;
using GovDataConsole.Features.Shared;
using Microsoft.EntityFrameworkCore;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Features.Organization;

/// <summary>Departments: everyone reads within their scope; only admins change them.</summary>
public sealed class DepartmentService(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, AuditLog audit)
{
    private static readonly Dictionary<string, Expression<Func<Department, object?>>> Sortable = new()
    {
        [nameof(DepartmentRow.Code)] = x => x.Code,
        [nameof(DepartmentRow.Name)] = x => x.Name,
        [nameof(DepartmentRow.ParentName)] = x => x.Parent!.Name,
        [nameof(DepartmentRow.Enabled)] = x => x.Enabled,
    };

    public async Task<GridPage<DepartmentRow>> ListAsync(DepartmentQuery query, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var departments = db.Departments.AsNoTracking().VisibleTo(user);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var s = query.Search.Trim();
            departments = departments.Where(d => d.Name.Contains(s) || d.Code.Contains(s) || d.CreditCode.Contains(s));
        }
        if (query.Enabled is bool enabled) departments = departments.Where(d => d.Enabled == enabled);
        return await departments.ToGridPageAsync(query, Sortable, nameof(DepartmentRow.Code), ToRow, ct);
    }

    public async Task<DepartmentRow> GetAsync(int id, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        user.EnsureDepartment(id);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Departments.AsNoTracking().Where(d => d.Id == id).Select(ToRow).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException(T.Department_NotFound);
    }

    public async Task<IReadOnlyList<DepartmentOption>> OptionsAsync(CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Departments.AsNoTracking().VisibleTo(user).Where(d => d.Enabled)
            .OrderBy(d => d.Code).Select(d => new DepartmentOption(d.Id, d.Code, d.Name)).ToListAsync(ct);
    }

    public async Task<int> CreateAsync(DepartmentForm form, CancellationToken ct)
    {
        (await currentUser.GetAsync()).EnsureRole(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await ValidateAsync(db, form, null, ct);
        var department = new Department(form);
        db.Departments.Add(department);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(AuditActions.OrganizationCategory, AuditActions.DepartmentCreated, department.Name, Describe(department), ct);
        return department.Id;
    }

    public async Task UpdateAsync(int id, DepartmentForm form, CancellationToken ct)
    {
        (await currentUser.GetAsync()).EnsureRole(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var department = await db.Departments.FindAsync([id], ct) ?? throw new NotFoundException(T.Department_NotFound);
        await ValidateAsync(db, form, id, ct);
        var before = Describe(department);
        department.Apply(form);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(AuditActions.OrganizationCategory, AuditActions.DepartmentUpdated, department.Name,
            $"{before} → {Describe(department)}", ct);
    }

    public async Task SetEnabledAsync(int id, bool enabled, CancellationToken ct)
    {
        (await currentUser.GetAsync()).EnsureRole(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var department = await db.Departments.FindAsync([id], ct) ?? throw new NotFoundException(T.Department_NotFound);
        department.SetEnabled(enabled);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(AuditActions.OrganizationCategory,
            enabled ? AuditActions.DepartmentEnabled : AuditActions.DepartmentDisabled, department.Name, null, ct);
    }

    private static async Task ValidateAsync(AppDbContext db, DepartmentForm form, int? id, CancellationToken ct)
    {
        var errors = form.Validate().ToList();
        var code = form.Code.Trim();
        var creditCode = form.CreditCode.Trim().ToUpperInvariant();
        if (await db.Departments.AnyAsync(d => d.Code == code && d.Id != id, ct)) errors.Add(T.Department_CodeTaken);
        if (await db.Departments.AnyAsync(d => d.CreditCode == creditCode && d.Id != id, ct)) errors.Add(T.Department_CreditCodeTaken);
        if (form.ParentId is int parentId && !await IsValidParentAsync(db, parentId, id, ct)) errors.Add(T.Department_ParentInvalid);
        if (errors.Count > 0) throw new BusinessRuleException(errors);
    }

    /// <summary>The parent exists and is not the department itself or one of its descendants.</summary>
    private static async Task<bool> IsValidParentAsync(AppDbContext db, int parentId, int? id, CancellationToken ct)
    {
        var parents = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.ParentId, ct);
        if (!parents.ContainsKey(parentId)) return false;
        int? cursor = parentId;
        for (var steps = 0; cursor is int c && steps <= parents.Count; steps++)
        {
            if (c == id) return false;
            cursor = parents[c];
        }
        return true;
    }

    private static readonly Expression<Func<Department, DepartmentRow>> ToRow = d => new DepartmentRow(d.Id, d.Code, d.Name, d.CreditCode,
        d.ParentId, d.Parent == null ? null : d.Parent.Name, d.ContactPerson, d.ContactPhone, d.Enabled);

    private static string Describe(Department d) =>
        string.Format(T.Audit_DepartmentDetail, d.Code, d.Name, d.CreditCode, d.ParentId, d.ContactPerson, d.ContactPhone, d.Enabled);
}
