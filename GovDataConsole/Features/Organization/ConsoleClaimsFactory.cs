using System.Security.Claims;
using GovDataConsole.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GovDataConsole.Features.Organization;

/// <summary>Puts display name and department into the cookie so scope checks need no database round trip.</summary>
public sealed class ConsoleClaimsFactory(
    UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, AppDbContext db)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ConsoleClaims.DisplayName, user.DisplayName));
        if (user.DepartmentId is int departmentId)
        {
            var name = await db.Departments.Where(d => d.Id == departmentId).Select(d => d.Name).FirstAsync();
            identity.AddClaim(new Claim(ConsoleClaims.DepartmentId, departmentId.ToString()));
            identity.AddClaim(new Claim(ConsoleClaims.DepartmentName, name));
        }
        return identity;
    }
}
