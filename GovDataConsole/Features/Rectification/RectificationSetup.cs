using GovDataConsole.Features.Shared;
using Hangfire;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GovDataConsole.Features.Rectification;

public static class RectificationSetup
{
    public static IServiceCollection AddRectification(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(config.GetSection("Rectification").Get<RectificationOptions>() ?? new RectificationOptions());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<NotificationUpdates>();
        services.AddTransient<INotificationSender, InAppNotificationSender>();
        services.AddScoped<NotificationService>();
        services.AddTransient<Notifier>();
        services.AddScoped<WorkOrderService>();
        services.AddScoped<CorrectionWorkbook>();
        services.AddScoped<CorrectionUpload>();
        services.AddScoped<WorkOrderQueries>();
        services.AddScoped<WorkOrderReminderJob>();
        services.AddScoped<RectificationMeasures>();
        return services;
    }

    /// <summary>Reminders and escalation every day at 08:30 China time (the job skips non-working days).</summary>
    public static void StartRectification(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<Operations.JobOptions>().Server) return;
        app.Services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<WorkOrderReminderJob>(WorkOrderReminderJob.RecurringId,
            j => j.RunAsync(CancellationToken.None), "30 8 * * *", new RecurringJobOptions { TimeZone = ChinaTime.Zone });
    }
}
