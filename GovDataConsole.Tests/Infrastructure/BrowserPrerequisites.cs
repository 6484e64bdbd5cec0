using System.Diagnostics;

namespace GovDataConsole.Tests.Infrastructure;

/// <summary>
/// Whether this machine can run the end-to-end browser tests: Debian's Chromium and a CJK font.
/// Missing prerequisites skip those tests, unless <c>GOVDATA_E2E=required</c> (as in .ci/run) makes them fail.
/// </summary>
public static class BrowserPrerequisites
{
    public const string InstallCommand = "apt-get install -y chromium fonts-noto-cjk";

    /// <summary>Chromium executable; <c>GOVDATA_CHROMIUM</c> overrides the Debian path.</summary>
    public static string ChromiumPath { get; } =
        Environment.GetEnvironmentVariable("GOVDATA_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static bool Required { get; } =
        string.Equals(Environment.GetEnvironmentVariable("GOVDATA_E2E"), "required", StringComparison.OrdinalIgnoreCase);

    /// <summary>Null when everything is in place, otherwise what is missing and how to install it.</summary>
    public static string? Missing { get; } = Check();

    /// <summary>Skips the calling test when prerequisites are missing, or fails it when they are required.</summary>
    public static void EnsureAvailable()
    {
        if (Missing is null) return;
        if (Required) Assert.Fail($"GOVDATA_E2E=required but {Missing}");
        Assert.Skip(Missing);
    }

    private static string? Check()
    {
        var missing = new List<string>();
        if (!File.Exists(ChromiumPath)) missing.Add($"Chromium ({ChromiumPath})");
        if (!HasChineseFont()) missing.Add("a CJK font (fontconfig reports no font for lang=zh)");
        return missing.Count == 0
            ? null
            : $"End-to-end browser tests need {string.Join(" and ", missing)}. Install with: {InstallCommand}";
    }

    private static bool HasChineseFont()
    {
        try
        {
            using var fcList = Process.Start(new ProcessStartInfo("fc-list", [":lang=zh", "family"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (fcList is null) return false;
            var output = fcList.StandardOutput.ReadToEnd();
            fcList.WaitForExit();
            return fcList.ExitCode == 0 && !string.IsNullOrWhiteSpace(output);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // no fontconfig at all
        }
    }
}
