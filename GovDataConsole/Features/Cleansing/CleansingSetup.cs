namespace GovDataConsole.Features.Cleansing;

public static class CleansingSetup
{
    public static IServiceCollection AddCleansing(this IServiceCollection services)
    {
        services.AddScoped<CleansingService>();
        services.AddTransient<BatchCleansingJob>();
        return services;
    }
}
