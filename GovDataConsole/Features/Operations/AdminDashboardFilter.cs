using GovDataConsole.Features.Organization;
using Hangfire.Dashboard;

namespace GovDataConsole.Features.Operations;

/// <summary>The Hangfire dashboard is for admins only (checked again behind the endpoint's authorization policy).</summary>
public sealed class AdminDashboardFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(Roles.Admin);
}
