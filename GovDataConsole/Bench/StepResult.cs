using System.Diagnostics;

namespace GovDataConsole.Bench;

/// <summary>
/// One measured step: wall and process CPU time (all threads, GC included), rows handled, managed bytes allocated, and the
/// process's working set before the step and at its peak (the step runs in its own process, see <see cref="ChildRun"/>).
/// </summary>
public sealed record StepResult(
    string Step, string Label, long Rows, long Accepted, long Rejected, double WallSeconds, double CpuSeconds,
    double AllocatedMb, int Gen2Collections, double StartWorkingSetMb, double PeakWorkingSetMb)
{
    public double RowsPerSecond => WallSeconds > 0 ? Rows / WallSeconds : 0;

    public double RowsPerCpuSecond => CpuSeconds > 0 ? Rows / CpuSeconds : 0;

    /// <summary>Runs <paramref name="action"/> (returning rows, accepted, rejected) after a full collection and measures it.</summary>
    public static async Task<StepResult> MeasureAsync(string step, string label, Func<Task<(long Rows, long Accepted, long Rejected)>> action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        var startSet = process.WorkingSet64;
        var cpu = process.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(true);
        var gen2 = GC.CollectionCount(2);
        var wall = Stopwatch.StartNew();
        var (rows, accepted, rejected) = await action();
        wall.Stop();
        process.Refresh();
        return new StepResult(step, label, rows, accepted, rejected, wall.Elapsed.TotalSeconds,
            (process.TotalProcessorTime - cpu).TotalSeconds, (GC.GetTotalAllocatedBytes(true) - allocated) / 1048576.0,
            GC.CollectionCount(2) - gen2, startSet / 1048576.0, process.PeakWorkingSet64 / 1048576.0);
    }
}
