using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GovDataConsole.Features.Dashboard;

public static class DashboardSetup
{
    /// <summary>The dashboards; scoring replaces <see cref="IRankingExcerptSource"/> by registering its own before or after this.</summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddScoped<DashboardService>();
        services.AddScoped<ManagerDashboard>();
        services.AddScoped<StewardDashboard>();
        services.AddScoped<StaffDashboard>();
        services.TryAddScoped<IRankingExcerptSource, NoRankingExcerpt>();
        return services;
    }
}
