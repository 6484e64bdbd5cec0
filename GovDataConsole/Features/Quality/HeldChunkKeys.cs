using System.Collections.Concurrent;
using GovDataConsole.Quality;

namespace GovDataConsole.Features.Quality;

/// <summary>
/// Done chunks' sorted uniqueness keys (<see cref="ChunkKeys"/>), held in this process from the end of the chunk until
/// its run's aggregation takes them. They are never written to the database: a run interrupted by a restart starts over
/// (<see cref="CheckRunQueue.RestoreAsync"/>), and the aggregation reads a chunk's keys again from its records when they
/// are not held here (the chunk ran in another process, the cap of <see cref="QualityOptions.HeldKeyBytes"/> was
/// reached, or they were held longer than <see cref="MaxHold"/> and let go). Keys let go are disposed (their buffers go
/// back to the pool); keys taken or refused are the caller's to dispose.
/// </summary>
public sealed class HeldChunkKeys(QualityOptions options, TimeProvider clock)
{
    /// <summary>Keys no aggregation took within this time are let go (their run ended elsewhere, or never will).</summary>
    public static readonly TimeSpan MaxHold = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<long, (int RunId, ChunkKeys Keys, DateTimeOffset Since)> held = new();
    private long bytes;

    /// <summary>Holds a chunk's keys in place of any held for it before; false when that would pass the cap (not held).</summary>
    public bool Put(int runId, long chunkId, ChunkKeys keys)
    {
        var now = clock.GetUtcNow();
        foreach (var (id, entry) in held)
            if (entry.Since + MaxHold <= now) Take(id)?.Dispose();
        Take(chunkId)?.Dispose();
        var size = Size(keys);
        if (Interlocked.Add(ref bytes, size) <= options.HeldKeyBytes && held.TryAdd(chunkId, (runId, keys, now))) return true;
        Interlocked.Add(ref bytes, -size);
        return false;
    }

    /// <summary>The chunk's keys, no longer held; null when none are held for it.</summary>
    public ChunkKeys? Take(long chunkId)
    {
        if (!held.TryRemove(chunkId, out var entry)) return null;
        Interlocked.Add(ref bytes, -Size(entry.Keys));
        return entry.Keys;
    }

    /// <summary>Lets go of every key held for the run (it failed, was cancelled or starts over).</summary>
    public void Drop(int runId)
    {
        foreach (var (id, entry) in held)
            if (entry.RunId == runId) Take(id)?.Dispose();
    }

    private static long Size(ChunkKeys keys) => (long)keys.Count * ChunkKeys.KeySize;
}
