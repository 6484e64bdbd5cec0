using GovDataConsole.Features.Shared;

namespace GovDataConsole.Features.Organization;

/// <summary>Who is acting: identity, the one role, and the department. The single source for department scope.</summary>
public sealed record UserContext(string? UserId, string UserName, string DisplayName, string? Role, int? DepartmentId, string? DepartmentName)
{
    public static readonly UserContext Anonymous = new(null, "", "", null, null, null);

    public bool IsAuthenticated => UserId is not null;

    public bool IsInRole(string role) => Role == role;

    /// <summary>Department staff are confined to their own department; every other role sees all departments.</summary>
    public bool IsDepartmentScoped => Role == Roles.DepartmentStaff;

    public bool CanAccessDepartment(int departmentId) => IsAuthenticated && (!IsDepartmentScoped || DepartmentId == departmentId);

    public void EnsureDepartment(int departmentId)
    {
        if (!CanAccessDepartment(departmentId))
            throw new AccessDeniedException(Resources.UiText.Error_OtherDepartment);
    }

    public void EnsureRole(params string[] roles)
    {
        if (Role is null || !roles.Contains(Role))
            throw new AccessDeniedException(Resources.UiText.Error_RoleNotAllowed);
    }
}
