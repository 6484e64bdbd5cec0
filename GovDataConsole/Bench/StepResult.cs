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
        using var meter = ProcessMeter.Start();
        var (rows, accepted, rejected) = await action();
        var m = meter.Stop();
        return new StepResult(step, label, rows, accepted, rejected, m.WallSeconds, m.CpuSeconds, m.AllocatedMb, m.Gen2Collections,
            m.StartWorkingSetMb, m.PeakWorkingSetMb);
    }
}
