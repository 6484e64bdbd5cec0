using GovDataConsole.Features.Audit;

namespace GovDataConsole.Features.Organization;

public static class OrganizationSetup
{
    public static IServiceCollection AddOrganization(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddScoped<DepartmentService>();
        services.AddScoped<UserService>();
        services.AddScoped<AuditLog>();
        services.AddScoped<AuditService>();
        services.AddScoped<Dashboard.DashboardService>();
        services.AddScoped<Data.DemoSeed>();
        return services;
    }
}
