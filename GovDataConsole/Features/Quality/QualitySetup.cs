using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GovDataConsole.Features.Quality;

public static class QualitySetup
{
    public static IServiceCollection AddQuality(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(config.GetSection("Quality").Get<QualityOptions>() ?? new QualityOptions());
        services.AddSingleton<CheckProgress>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<HeldChunkKeys>();
        services.AddTransient<QualityCheckJob>();
        services.AddTransient<CheckRunQueue>();
        services.AddScoped<PreCheckService>();
        services.AddScoped<CheckRunService>();
        services.AddScoped<QualityRuleService>();
        services.AddScoped<ProblemService>();
        services.AddScoped<ProblemExport>();
        services.AddScoped<Data.DemoQualitySeed>();
        return services;
    }

    /// <summary>Schedules registered and interrupted runs resumed, on nodes that run jobs.</summary>
    public static async Task StartQualityAsync(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<Operations.JobOptions>().Server) return;
        await app.Services.GetRequiredService<CheckRunQueue>().RestoreAsync(CancellationToken.None);
    }
}
