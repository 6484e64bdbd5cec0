namespace GovDataConsole.Bench;

/// <summary>
/// Samples the live managed heap (heap size less fragmentation, as of the last collection) every 10 ms while a step runs.
/// Working set under Server GC follows the GC's budgets; the heap after each collection is what the step keeps alive.
/// </summary>
public sealed class HeapSampler
{
    private readonly CancellationTokenSource sampling = new();
    private readonly Task sampler;
    private long peak;

    private HeapSampler() => sampler = Task.Run(async () =>
    {
        while (!sampling.IsCancellationRequested)
        {
            var info = GC.GetGCMemoryInfo();
            peak = Math.Max(peak, info.HeapSizeBytes - info.FragmentedBytes);
            try { await Task.Delay(10, sampling.Token); } catch (OperationCanceledException) { }
        }
    });

    public static HeapSampler Start() => new();

    /// <summary>Stops sampling; the peak live heap seen, in MB.</summary>
    public async Task<double> StopAsync()
    {
        await sampling.CancelAsync();
        await sampler;
        sampling.Dispose();
        return peak / 1048576.0;
    }
}
