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

    /// <summary>
    /// The peak of the truly live managed heap while <paramref name="step"/> runs: a blocking full collection every 50 ms,
    /// then the bytes still held. Between full collections the heap also holds promoted garbage, which depends on the GC's
    /// budgets rather than on the step; the collections slow the step down, so run this as a separate, untimed pass.
    /// </summary>
    public static async Task<double> PeakLiveAsync(Func<Task> step)
    {
        using var done = new CancellationTokenSource();
        long peak = 0;
        var sampler = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true));
                try { await Task.Delay(50, done.Token); } catch (OperationCanceledException) { }
            }
        });
        await step();
        await done.CancelAsync();
        await sampler;
        return peak / 1048576.0;
    }

    /// <summary>Stops sampling; the peak live heap seen, in MB.</summary>
    public async Task<double> StopAsync()
    {
        await sampling.CancelAsync();
        await sampler;
        sampling.Dispose();
        return peak / 1048576.0;
    }
}
