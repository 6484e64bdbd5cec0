namespace GovDataConsole.Tests.Infrastructure;

/// <summary>Fresh folders under the system temp directory for test databases and files.</summary>
public static class TempFolder
{
    public static string Create(string purpose)
    {
        var path = Path.Combine(Path.GetTempPath(), "govdata-tests", $"{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }
}
