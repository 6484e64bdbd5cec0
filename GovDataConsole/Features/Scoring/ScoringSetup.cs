using GovDataConsole.Features.Shared;
using Hangfire;

namespace GovDataConsole.Features.Scoring;

public static class ScoringSetup
{
    public static IServiceCollection AddScoring(this IServiceCollection services)
    {
        services.AddSingleton<LiveUpdates<ScoreSheetChanged>>();
        services.AddScoped<ScoreComputation>();
        services.AddScoped<ScoreJob>();
        services.AddScoped<ScoreService>();
        services.AddScoped<ScoringModelService>();
        services.AddScoped<ScoreAdjustmentService>();
        services.AddScoped<ScoreReport>();
        services.AddScoped<Dashboard.IRankingExcerptSource, ScoringRankingSource>();
        services.AddScoped<Data.DemoScoringSeed>();
        return services;
    }

    /// <summary>Every day at 03:00 China time: the draft of the period that just ended, if it has none.</summary>
    public static void StartScoring(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<Operations.JobOptions>().Server) return;
        app.Services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<ScoreJob>(ScoreJob.RecurringId,
            j => j.ScheduledAsync(CancellationToken.None), "0 3 * * *", new RecurringJobOptions { TimeZone = ChinaTime.Zone });
    }
}
