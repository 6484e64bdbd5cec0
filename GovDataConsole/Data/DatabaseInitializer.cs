using GovDataConsole.Features.Calendar;
using GovDataConsole.Features.Catalog;
using GovDataConsole.Features.Organization;
using GovDataConsole.Features.Scoring;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GovDataConsole.Data;

/// <summary>Brings the database to the current schema, creates the four roles, seeds the standard dictionaries and holiday calendar and, where configured, the demo.</summary>
public sealed class DatabaseInitializer(
    AppDbContext db, DatabaseOptions options, RoleManager<IdentityRole> roles, DemoSeed demo, DemoCollectionSeed demoCollection,
    DemoQualitySeed demoQuality, DemoScoringSeed demoScoring, ILogger<DatabaseInitializer> log)
{
    public async Task InitializeAsync(CancellationToken ct)
    {
        if (options.AutoMigrate)
        {
            if (!options.IsSqlServer)
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            await db.Database.MigrateAsync(ct);
        }
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));

        await StandardDictionaries.EnsureAsync(db, ct);
        await CalendarSeed.EnsureAsync(db, ct);
        await ScoringSeed.EnsureAsync(db, ct);

        if (options.ShouldSeedDemo && !await db.Departments.AnyAsync(ct))
        {
            await demo.SeedAsync(ct);
            await DemoCatalogSeed.SeedAsync(db, ct);
            await DemoCleansingSeed.SeedAsync(db, ct);
            await demoCollection.SeedAsync(ct);
            if (options.SeedDemoQuality) await demoQuality.SeedAsync(ct);
            await demoScoring.SeedAsync(null, ct);
            log.LogInformation("Demo departments and accounts seeded.");
        }
    }
}
