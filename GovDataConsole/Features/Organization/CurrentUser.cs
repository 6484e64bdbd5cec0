using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace GovDataConsole.Features.Organization;

/// <summary>Resolves the acting user in both places code runs: a Blazor circuit and an HTTP request.</summary>
public sealed class CurrentUser(AuthenticationStateProvider authState, IHttpContextAccessor http)
{
    public async Task<UserContext> GetAsync()
    {
        ClaimsPrincipal principal;
        try
        {
            principal = (await authState.GetAuthenticationStateAsync()).User;
        }
        catch (InvalidOperationException)
        {
            // Outside a circuit (minimal API, Hangfire dashboard) the provider is not set: use the request.
            principal = http.HttpContext?.User ?? new ClaimsPrincipal();
        }
        return FromPrincipal(principal);
    }

    public static UserContext FromPrincipal(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true) return UserContext.Anonymous;
        var role = Roles.All.FirstOrDefault(principal.IsInRole);
        var departmentId = int.TryParse(principal.FindFirstValue(ConsoleClaims.DepartmentId), out var id) ? id : (int?)null;
        return new UserContext(
            principal.FindFirstValue(ClaimTypes.NameIdentifier),
            principal.Identity.Name ?? "",
            principal.FindFirstValue(ConsoleClaims.DisplayName) ?? principal.Identity.Name ?? "",
            role,
            departmentId,
            principal.FindFirstValue(ConsoleClaims.DepartmentName));
    }
}
