namespace GovDataConsole.Features.Organization;

public static class OrganizationSetup
{
    public static IServiceCollection AddOrganization(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddScoped<DepartmentService>();
        services.AddScoped<UserService>();
        services.AddScoped<Data.DemoSeed>();
        return services;
    }
}
