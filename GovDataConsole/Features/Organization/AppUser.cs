using Microsoft.AspNetCore.Identity;

namespace GovDataConsole.Features.Organization;

/// <summary>A console user. Department staff must belong to a department.</summary>
public class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public int? DepartmentId { get; set; }
    public Department? Department { get; set; }
    public DateTime CreatedUtc { get; set; } = DateTime.UtcNow;
}
