using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GovDataConsole.Features.Rectification;

public static class RectificationSetup
{
    public static IServiceCollection AddRectification(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(config.GetSection("Rectification").Get<RectificationOptions>() ?? new RectificationOptions());
        services.TryAddSingleton(TimeProvider.System);
        services.AddTransient<INotificationSender, InAppNotificationSender>();
        services.AddTransient<Notifier>();
        services.AddScoped<WorkOrderService>();
        services.AddScoped<WorkOrderQueries>();
        return services;
    }
}
