using GovDataConsole.Data;
using GovDataConsole.Features.Shared;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace GovDataConsole.Features.Collection;

public static class CollectionSetup
{
    public static IServiceCollection AddCollection(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(config.GetSection("Collection").Get<CollectionOptions>() ?? new CollectionOptions());
        services.AddSingleton<BatchProgress>();
        services.AddSingleton<FileStore>();
        services.AddSingleton<BatchIntake>();
        services.AddScoped<CollectionService>();
        services.AddScoped<BatchService>();
        services.AddScoped<BatchTemplate>();
        services.AddScoped<BatchExport>();
        services.AddTransient<CollectionTaskJob>();
        services.AddTransient<BatchImportJob>();
        services.AddScoped<DemoCollectionSeed>();
        return services;
    }

    /// <summary>Daily task generation at 00:30 CST, plus a run now; batches a dead process left half-parsed are queued again.</summary>
    public static async Task StartCollectionAsync(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<Operations.JobOptions>().Server) return;
        var recurring = app.Services.GetRequiredService<IRecurringJobManager>();
        recurring.AddOrUpdate<CollectionTaskJob>(CollectionTaskJob.RecurringId, j => j.RunAsync(CancellationToken.None), "30 0 * * *",
            new RecurringJobOptions { TimeZone = ChinaTime.Zone });
        recurring.Trigger(CollectionTaskJob.RecurringId);

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var jobs = app.Services.GetRequiredService<IBackgroundJobClient>();
        var unfinished = await db.DataBatches.Where(b => b.Status == BatchStatus.Queued || b.Status == BatchStatus.Parsing).Select(b => b.Id).ToListAsync();
        foreach (var id in unfinished) jobs.Enqueue<BatchImportJob>(j => j.RunAsync(id, CancellationToken.None));
    }
}
