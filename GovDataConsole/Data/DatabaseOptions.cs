namespace GovDataConsole.Data;

/// <summary>Which database the console uses and where its files live (section "Database").</summary>
public sealed class DatabaseOptions
{
    public const string Sqlite = "Sqlite";
    public const string SqlServer = "SqlServer";

    /// <summary><c>Sqlite</c> (default, zero setup) or <c>SqlServer</c>.</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>Folder for the SQLite files and uploads; relative paths are under the content root.</summary>
    public string DataDirectory { get; set; } = "App_Data";

    /// <summary>Apply pending migrations at start. Off where a DBA applies database/sqlserver scripts.</summary>
    public bool AutoMigrate { get; set; } = true;

    /// <summary>Seed the demo departments and accounts into an empty database. Defaults to on for SQLite only.</summary>
    public bool? SeedDemo { get; set; }

    /// <summary>
    /// With the demo: also cleanse the demo batches, attach quality rules and bindings, and run checks (a few seconds).
    /// Tests whose exact figures must not pick up the demo's global bindings turn it off.
    /// </summary>
    public bool SeedDemoQuality { get; set; } = true;

    public bool IsSqlServer => string.Equals(Provider, SqlServer, StringComparison.OrdinalIgnoreCase);

    public bool ShouldSeedDemo => SeedDemo ?? !IsSqlServer;

    public string ResolveDataDirectory(string contentRoot)
    {
        var dir = Path.GetFullPath(DataDirectory, contentRoot);
        Directory.CreateDirectory(dir);
        return dir;
    }
}
