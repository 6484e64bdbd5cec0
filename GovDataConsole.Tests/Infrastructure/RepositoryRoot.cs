namespace GovDataConsole.Tests.Infrastructure;

/// <summary>The clone's root folder, found by walking up from the test binaries to GovDataConsole.sln.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "GovDataConsole.sln"))) return dir.FullName;
        throw new InvalidOperationException($"GovDataConsole.sln not found above {AppContext.BaseDirectory}.");
    }
}
