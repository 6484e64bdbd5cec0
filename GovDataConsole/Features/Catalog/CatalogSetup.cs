namespace GovDataConsole.Features.Catalog;

public static class CatalogSetup
{
    public static IServiceCollection AddCatalog(this IServiceCollection services)
    {
        services.AddScoped<ResourceWriter>();
        services.AddScoped<CatalogService>();
        services.AddScoped<SystemService>();
        services.AddScoped<DictionaryService>();
        return services;
    }
}
