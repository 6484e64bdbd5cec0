using GovDataConsole.Excel;
using GovDataConsole.Features.Catalog.Inventory;

namespace GovDataConsole.Features.Catalog;

public static class CatalogSetup
{
    public static IServiceCollection AddCatalog(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(config.GetSection("Uploads").Get<WorkbookLimits>() ?? new WorkbookLimits());
        services.AddSingleton<WorkbookGuard>();
        services.AddScoped<ResourceWriter>();
        services.AddScoped<CatalogService>();
        services.AddScoped<SystemService>();
        services.AddScoped<DictionaryService>();
        services.AddScoped<InventoryService>();
        services.AddScoped<InventoryImporter>();
        services.AddScoped<Components.FileDownloader>();
        return services;
    }
}
