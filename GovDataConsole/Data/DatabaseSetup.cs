using Microsoft.EntityFrameworkCore;

namespace GovDataConsole.Data;

public static class DatabaseSetup
{
    /// <summary>Registers <see cref="IDbContextFactory{AppDbContext}"/> (and a scoped context for Identity) on the configured provider.</summary>
    public static IServiceCollection AddDatabase(this IServiceCollection services, IConfiguration config, string contentRoot)
    {
        var options = config.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(options);
        var dataDir = options.ResolveDataDirectory(contentRoot);

        if (options.IsSqlServer)
        {
            var cs = config.GetConnectionString("SqlServer")
                ?? throw new InvalidOperationException("ConnectionStrings:SqlServer is required when Database:Provider is SqlServer.");
            services.AddDbContextFactory<SqlServerAppDbContext>(o => o.UseSqlServer(cs));
            services.AddSingleton<IDbContextFactory<AppDbContext>, AppDbContextFactory<SqlServerAppDbContext>>();
        }
        else
        {
            var cs = config.GetConnectionString("Sqlite") ?? $"Data Source={Path.Combine(dataDir, "govdata.db")}";
            services.AddDbContextFactory<SqliteAppDbContext>(o => o.UseSqlite(cs).AddInterceptors(new SqlitePragmas()));
            services.AddSingleton<IDbContextFactory<AppDbContext>, AppDbContextFactory<SqliteAppDbContext>>();
        }
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<DemoScaleSeed>();
        return services;
    }

    private sealed class AppDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<AppDbContext>
        where TContext : AppDbContext
    {
        public AppDbContext CreateDbContext() => inner.CreateDbContext();
    }
}
