using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GovDataConsole.Tests.Infrastructure;

/// <summary>The real app on a temporary SQLite data folder (database, job storage), seeded with the demo.</summary>
public class ConsoleAppFactory : WebApplicationFactory<Program>
{
    public ConsoleAppFactory(string? dataDirectory = null, bool jobServer = false, bool demoQuality = false)
    {
        DataDirectory = dataDirectory ?? TempFolder.Create("app");
        JobServer = jobServer;
        DemoQuality = demoQuality;
    }

    public string DataDirectory { get; }

    public bool JobServer { get; }

    /// <summary>Seed the demo's quality rules, bindings and runs (off by default: its global bindings would join every test's rules).</summary>
    public bool DemoQuality { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:DataDirectory", DataDirectory);
        builder.UseSetting("Jobs:Server", JobServer.ToString());
        builder.UseSetting("Jobs:WorkerCount", "2");
        builder.UseSetting("Database:SeedDemoQuality", DemoQuality.ToString());
    }
}
