namespace GovDataConsole.Features.Calendar;

public static class CalendarSetup
{
    public static IServiceCollection AddCalendar(this IServiceCollection services)
    {
        services.AddScoped<CalendarService>();
        return services;
    }
}
