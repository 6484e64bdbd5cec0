using Microsoft.AspNetCore.Hosting;

namespace GovDataConsole.Tests.Infrastructure;

/// <summary>The app on an existing data folder with the demo seed off, as a real deployment runs.</summary>
public sealed class ProvisionedAppFactory(string dataDirectory) : ConsoleAppFactory(dataDirectory)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:SeedDemo", "false");
    }
}
