namespace GovDataConsole.Features.Organization;

/// <summary>The four console roles. Names are stable identifiers; labels come from resources.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Steward = "Steward";
    public const string DepartmentStaff = "DepartmentStaff";
    public const string Manager = "Manager";

    public static readonly IReadOnlyList<string> All = [Admin, Steward, DepartmentStaff, Manager];

    public static string Label(string role) => role switch
    {
        Admin => Resources.UiText.Role_Admin,
        Steward => Resources.UiText.Role_Steward,
        DepartmentStaff => Resources.UiText.Role_DepartmentStaff,
        Manager => Resources.UiText.Role_Manager,
        _ => role,
    };
}
