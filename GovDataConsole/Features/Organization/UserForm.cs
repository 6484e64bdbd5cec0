using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Features.Organization;

/// <summary>The edit model of a user; the password applies when creating only.</summary>
public sealed class UserForm
{
    public string UserName { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string? Email { get; set; }
    public string? PhoneNumber { get; set; }
    public string Role { get; set; } = Roles.DepartmentStaff;
    public int? DepartmentId { get; set; }
    public string? Password { get; set; }

    public IReadOnlyList<string> Validate(bool creating)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(UserName) || UserName.Trim().Length > 50) errors.Add(T.User_UserNameInvalid);
        if (string.IsNullOrWhiteSpace(DisplayName) || DisplayName.Trim().Length > 50) errors.Add(T.User_DisplayNameInvalid);
        if (!Roles.All.Contains(Role)) errors.Add(T.User_RoleInvalid);
        if (Role == Roles.DepartmentStaff && DepartmentId is null) errors.Add(T.User_DepartmentRequired);
        if (!string.IsNullOrWhiteSpace(PhoneNumber) && !Standards.PhoneNumber.IsMobileOrLandline(PhoneNumber.Trim())) errors.Add(T.Department_PhoneInvalid);
        if (creating && string.IsNullOrEmpty(Password)) errors.Add(T.User_PasswordRequired);
        return errors;
    }
}

public sealed record UserRow(string Id, string UserName, string DisplayName, string? Email, string? PhoneNumber, string? Role,
    int? DepartmentId, string? DepartmentName, bool LockedOut, DateTimeOffset? LockoutEnd, int FailedCount)
{
    public UserForm ToForm() => new()
    {
        UserName = UserName, DisplayName = DisplayName, Email = Email, PhoneNumber = PhoneNumber,
        Role = Role ?? Roles.DepartmentStaff, DepartmentId = DepartmentId,
    };
}

public sealed record UserQuery : Shared.GridRequest
{
    public string? Search { get; init; }
    public string? Role { get; init; }
    public int? DepartmentId { get; init; }
}
