using System.Diagnostics;
using System.Text.Json;

namespace GovDataConsole.Bench;

/// <summary>
/// Runs one bench step in a child process of this same app (same binary, same runtime configuration, so Server GC etc. as
/// deployed). Process.PeakWorkingSet64 is process-wide and only ever grows, and the GC keeps memory it once committed, so
/// a peak measured in the process that generated the files or ran an earlier step would say nothing about this step. In its
/// own process the peak is this step's, plus the host it runs in (reported separately as the working set at its start).
/// </summary>
public static class ChildRun
{
    public static Task<StepResult> RunAsync(IReadOnlyList<string> benchArgs, string resultFile) => RunAsync<StepResult>(benchArgs, resultFile);

    /// <summary>Runs <c>bench {benchArgs} --out {resultFile}</c> in a child process and reads the JSON result it wrote.</summary>
    public static async Task<TResult> RunAsync<TResult>(IReadOnlyList<string> benchArgs, string resultFile)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Under `dotnet GovDataConsole.dll` the process is the muxer: hand it the app assembly first.
        if (Path.GetFileNameWithoutExtension(start.FileName) == "dotnet") start.ArgumentList.Add(typeof(ChildRun).Assembly.Location);
        start.ArgumentList.Add(BenchCommand.Verb);
        foreach (var arg in benchArgs) start.ArgumentList.Add(arg);
        start.ArgumentList.Add("--out");
        start.ArgumentList.Add(resultFile);

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the bench step process.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 || !File.Exists(resultFile))
            throw new InvalidOperationException($"Bench step {string.Join(' ', benchArgs)} failed ({process.ExitCode}):\n{await stdout}\n{await stderr}");
        return JsonSerializer.Deserialize<TResult>(await File.ReadAllTextAsync(resultFile))
            ?? throw new InvalidOperationException("Empty bench step result.");
    }

    public static async Task WriteAsync(StepResult result, string resultFile) =>
        await File.WriteAllTextAsync(resultFile, JsonSerializer.Serialize(result));
}
