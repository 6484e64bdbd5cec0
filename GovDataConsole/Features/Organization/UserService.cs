using System.Linq.Expressions;
using GovDataConsole.Data;
using GovDataConsole.Features.Audit;
using GovDataConsole.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Features.Organization;

/// <summary>User administration (admins only). Each change runs in its own scope so no circuit holds a DbContext.</summary>
public sealed class UserService(IServiceScopeFactory scopes, IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, AuditLog audit)
{
    private static readonly Dictionary<string, Expression<Func<UserWithRole, object?>>> Sortable = new()
    {
        [nameof(UserRow.UserName)] = x => x.User.UserName,
        [nameof(UserRow.DisplayName)] = x => x.User.DisplayName,
        [nameof(UserRow.Role)] = x => x.Role,
        [nameof(UserRow.DepartmentName)] = x => x.User.Department!.Name,
    };

    public async Task<GridPage<UserRow>> ListAsync(UserQuery query, CancellationToken ct)
    {
        await EnsureAdminAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var users =
            from u in db.Users.AsNoTracking()
            select new UserWithRole
            {
                User = u,
                Role = (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == u.Id select r.Name).FirstOrDefault(),
            };
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var s = query.Search.Trim();
            users = users.Where(x => x.User.UserName!.Contains(s) || x.User.DisplayName.Contains(s));
        }
        if (!string.IsNullOrWhiteSpace(query.Role)) users = users.Where(x => x.Role == query.Role);
        if (query.DepartmentId is int departmentId) users = users.Where(x => x.User.DepartmentId == departmentId);
        var now = DateTimeOffset.UtcNow;
        return await users.ToGridPageAsync(query, Sortable, nameof(UserRow.UserName), x => new UserRow(
            x.User.Id, x.User.UserName!, x.User.DisplayName, x.User.Email, x.User.PhoneNumber, x.Role, x.User.DepartmentId,
            x.User.Department == null ? null : x.User.Department.Name, x.User.LockoutEnd != null && x.User.LockoutEnd > now,
            x.User.LockoutEnd, x.User.AccessFailedCount), ct);
    }

    /// <summary>A member-init shape (not a positional record) so SQL can filter and sort on it.</summary>
    private sealed class UserWithRole
    {
        public required AppUser User { get; init; }
        public string? Role { get; init; }
    }

    public async Task<string> CreateAsync(UserForm form, CancellationToken ct)
    {
        await EnsureAdminAsync();
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        await ValidateAsync(form, creating: true, ct);
        var user = new AppUser();
        Apply(user, form);
        Check(await users.CreateAsync(user, form.Password!));
        Check(await users.AddToRoleAsync(user, form.Role));
        await audit.WriteAsync(AuditActions.OrganizationCategory, AuditActions.UserCreated, user.UserName,
            $"{Roles.Label(form.Role)} {form.DepartmentId}", ct);
        return user.Id;
    }

    public async Task UpdateAsync(string id, UserForm form, CancellationToken ct)
    {
        await EnsureAdminAsync();
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(id) ?? throw new NotFoundException(T.User_NotFound);
        await ValidateAsync(form, creating: false, ct);
        Apply(user, form);
        Check(await users.UpdateAsync(user));
        var currentRoles = await users.GetRolesAsync(user);
        if (!currentRoles.SequenceEqual([form.Role]))
        {
            Check(await users.RemoveFromRolesAsync(user, currentRoles));
            Check(await users.AddToRoleAsync(user, form.Role));
        }
        // A new security stamp signs the user out everywhere, so role and department claims are never stale.
        Check(await users.UpdateSecurityStampAsync(user));
        await audit.WriteAsync(AuditActions.OrganizationCategory, AuditActions.UserUpdated, user.UserName,
            $"{Roles.Label(form.Role)} {form.DepartmentId}", ct);
    }

    public async Task SetLockedAsync(string id, bool locked, CancellationToken ct)
    {
        var admin = await EnsureAdminAsync();
        if (locked && id == admin.UserId) throw new BusinessRuleException(T.User_CannotLockSelf);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(id) ?? throw new NotFoundException(T.User_NotFound);
        Check(await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null));
        if (!locked) Check(await users.ResetAccessFailedCountAsync(user));
        Check(await users.UpdateSecurityStampAsync(user));
        await audit.WriteAsync(AuditActions.OrganizationCategory, locked ? AuditActions.UserLocked : AuditActions.UserUnlocked,
            user.UserName, null, ct);
    }

    public async Task ResetPasswordAsync(string id, string newPassword, CancellationToken ct)
    {
        await EnsureAdminAsync();
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(id) ?? throw new NotFoundException(T.User_NotFound);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        Check(await users.ResetPasswordAsync(user, token, newPassword));
        await audit.WriteAsync(AuditActions.OrganizationCategory, AuditActions.PasswordReset, user.UserName, null, ct);
    }

    private async Task<UserContext> EnsureAdminAsync()
    {
        var user = await currentUser.GetAsync();
        user.EnsureRole(Roles.Admin);
        return user;
    }

    private async Task ValidateAsync(UserForm form, bool creating, CancellationToken ct)
    {
        var errors = form.Validate(creating).ToList();
        if (form.DepartmentId is int departmentId)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            if (!await db.Departments.AnyAsync(d => d.Id == departmentId && d.Enabled, ct)) errors.Add(T.User_DepartmentInvalid);
        }
        if (errors.Count > 0) throw new BusinessRuleException(errors);
    }

    private static void Apply(AppUser user, UserForm form)
    {
        user.UserName = form.UserName.Trim();
        user.DisplayName = form.DisplayName.Trim();
        user.Email = string.IsNullOrWhiteSpace(form.Email) ? null : form.Email.Trim();
        user.PhoneNumber = string.IsNullOrWhiteSpace(form.PhoneNumber) ? null : form.PhoneNumber.Trim();
        user.DepartmentId = form.DepartmentId;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new BusinessRuleException(result.Errors.Select(e => e.Description).ToList());
    }
}
