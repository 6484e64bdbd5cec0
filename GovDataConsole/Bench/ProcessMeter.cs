using System.Diagnostics;

namespace GovDataConsole.Bench;

/// <summary>What one measured step cost this process.</summary>
public sealed record Measured(double WallSeconds, double CpuSeconds, double AllocatedMb, int Gen2Collections, double StartWorkingSetMb, double PeakWorkingSetMb);

/// <summary>
/// Measures one bench step in the current process after a full collection: wall time, process CPU time (all threads, GC
/// included), managed bytes allocated, gen-2 collections, and the working set at the start and at its peak.
/// </summary>
public sealed class ProcessMeter : IDisposable
{
    private readonly Process process = Process.GetCurrentProcess();
    private readonly long startSet;
    private readonly TimeSpan cpu;
    private readonly long allocated;
    private readonly int gen2;
    private readonly Stopwatch wall;

    private ProcessMeter()
    {
        startSet = process.WorkingSet64;
        cpu = process.TotalProcessorTime;
        allocated = GC.GetTotalAllocatedBytes(true);
        gen2 = GC.CollectionCount(2);
        wall = Stopwatch.StartNew();
    }

    public static ProcessMeter Start()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return new ProcessMeter();
    }

    /// <summary>
    /// Waits until the process is idle (under 5 % of a core over a quarter second, at most 30 s): after a warm-up the
    /// runtime keeps recompiling the hot methods at tier 1 on a background thread for a few seconds, which would otherwise
    /// be billed to the first timed step. A server that has been running a while has long finished that work.
    /// </summary>
    public static async Task SettleAsync()
    {
        using var process = Process.GetCurrentProcess();
        var deadline = Stopwatch.StartNew();
        var before = process.TotalProcessorTime;
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(250);
            process.Refresh();
            var used = process.TotalProcessorTime - before;
            before = process.TotalProcessorTime;
            if (used < TimeSpan.FromMilliseconds(12.5)) return;
        }
    }

    public Measured Stop()
    {
        wall.Stop();
        process.Refresh();
        return new Measured(wall.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu).TotalSeconds,
            (GC.GetTotalAllocatedBytes(true) - allocated) / 1048576.0, GC.CollectionCount(2) - gen2, startSet / 1048576.0,
            process.PeakWorkingSet64 / 1048576.0);
    }

    public void Dispose() => process.Dispose();
}
