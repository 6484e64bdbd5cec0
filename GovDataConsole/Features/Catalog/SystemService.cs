using GovDataConsole.Data;
using GovDataConsole.Features.Audit;
using GovDataConsole.Features.Organization;
using GovDataConsole.Features.Shared;
using Microsoft.EntityFrameworkCore;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Features.Catalog;

public sealed record SystemRow(int Id, int DepartmentId, string DepartmentName, string Name, string? Description, int ResourceCount);

/// <summary>Information systems (信息系统), maintained by their own department (or a steward).</summary>
public sealed class SystemService(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, AuditLog audit)
{
    public async Task<IReadOnlyList<SystemRow>> ListAsync(CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.InformationSystems.AsNoTracking().VisibleTo(user)
            .OrderBy(s => s.Department!.Code).ThenBy(s => s.Name)
            .Select(s => new SystemRow(s.Id, s.DepartmentId, s.Department!.Name, s.Name, s.Description,
                db.DataResources.Count(r => r.InformationSystemId == s.Id)))
            .ToListAsync(ct);
    }

    public async Task SaveAsync(int? id, int departmentId, string name, string? description, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        user.EnsureRole(Roles.DepartmentStaff, Roles.Steward, Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var system = id is int existing ? await db.InformationSystems.FindAsync([existing], ct) ?? throw new NotFoundException(T.System_NotFound) : null;
        user.EnsureDepartment(system?.DepartmentId ?? departmentId);

        var errors = new[] { ResourceRules.Name(name) is null ? null : T.System_NameInvalid, ResourceRules.Description(description) }.OfType<string>().ToList();
        var owner = system?.DepartmentId ?? departmentId;
        if (await db.InformationSystems.AnyAsync(s => s.DepartmentId == owner && s.Name == name.Trim() && s.Id != id, ct)) errors.Add(T.System_NameTaken);
        if (!await db.Departments.AnyAsync(d => d.Id == owner, ct)) errors.Add(T.Department_NotFound);
        if (errors.Count > 0) throw new BusinessRuleException(errors);

        if (system is null) db.InformationSystems.Add(new InformationSystem(departmentId, name, description));
        else system.Update(name, description);
        await audit.StageAsync(db, AuditActions.CatalogCategory, AuditActions.SystemSaved, name.Trim(), description);
        await db.SaveChangesAsync(ct);
    }
}
