namespace GovDataConsole.Features.Organization;

/// <summary>Claim types the console adds to the sign-in cookie.</summary>
public static class ConsoleClaims
{
    public const string DisplayName = "govdata:display_name";
    public const string DepartmentId = "govdata:department_id";
    public const string DepartmentName = "govdata:department_name";
    public const string SignInIp = "govdata:sign_in_ip";
}
