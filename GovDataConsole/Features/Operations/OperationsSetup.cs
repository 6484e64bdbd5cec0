using GovDataConsole.Data;
using Hangfire;
using Hangfire.SqlServer;
using Hangfire.Storage.SQLite;

namespace GovDataConsole.Features.Operations;

public static class OperationsSetup
{
    public const string AdminPolicy = "AdminOnly";

    /// <summary>Hangfire on the configured provider (SQLite file or SQL Server), the job server, and health checks.</summary>
    public static IServiceCollection AddOperations(this IServiceCollection services, IConfiguration config, string contentRoot)
    {
        var db = config.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        var jobs = config.GetSection("Jobs").Get<JobOptions>() ?? new JobOptions();
        services.AddSingleton(jobs);

        // The storage is a DI singleton (not the static JobStorage.Current) so several hosts in one process stay apart.
        services.AddSingleton<JobStorage>(_ => db.IsSqlServer
            ? new SqlServerStorage(config.GetConnectionString("Hangfire") ?? config.GetConnectionString("SqlServer"),
                new SqlServerStorageOptions { PrepareSchemaIfNecessary = true, QueuePollInterval = TimeSpan.Zero })
            : new SQLiteStorage(Path.Combine(db.ResolveDataDirectory(contentRoot), "hangfire.db"),
                new SQLiteStorageOptions { QueuePollInterval = jobs.PollInterval }));
        // Hangfire's default JobActivator is the process-wide JobActivator.Current, i.e. the last host configured in this
        // process; a per-host activator resolves jobs from this host's services even when several hosts share a process.
        services.AddSingleton<JobActivator>(sp => new Hangfire.AspNetCore.AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, c) => c
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(sp.GetRequiredService<JobStorage>())
            .UseLogProvider(new HostLogProvider(sp.GetRequiredService<ILoggerFactory>())));
        if (jobs.Server)
            services.AddHangfireServer(o =>
            {
                o.WorkerCount = jobs.WorkerCount;
                o.ServerName = $"{HeartbeatJob.NodeName}:{Environment.ProcessId}";
            });
        services.AddTransient<HeartbeatJob>();

        services.AddHealthChecks()
            .AddDbContextCheck<AppDbContext>("database")
            .AddCheck<JobStorageHealthCheck>("jobs");
        return services;
    }

    public static WebApplication MapOperations(this WebApplication app)
    {
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new AdminDashboardFilter()],
            DashboardTitle = Resources.UiText.Nav_Jobs,
            DisplayStorageConnectionString = false,
        }).RequireAuthorization(AdminPolicy);
        app.MapHealthChecks("/healthz", HealthResponse.Options).AllowAnonymous();

        var jobs = app.Services.GetRequiredService<JobOptions>();
        if (jobs.Server)
            app.Services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<HeartbeatJob>(
                "heartbeat", j => j.RunAsync(CancellationToken.None), Cron.Minutely(),
                new RecurringJobOptions { TimeZone = Shared.ChinaTime.Zone });
        return app;
    }
}

/// <summary>Job server settings (section "Jobs").</summary>
public sealed class JobOptions
{
    /// <summary>Run a Hangfire server in this process (off for web-only nodes).</summary>
    public bool Server { get; set; } = true;
    public int WorkerCount { get; set; } = Math.Max(2, Environment.ProcessorCount);
    public double PollIntervalSeconds { get; set; } = 1;
    public TimeSpan PollInterval => TimeSpan.FromSeconds(PollIntervalSeconds);
}
