using System.Runtime.CompilerServices;

namespace GovDataConsole.Quality;

/// <summary>A key seen again: where (source and key) and where it was first seen.</summary>
public readonly record struct DuplicateKey(int Source, ChunkKey Key, int FirstSource, ChunkKey First);

/// <summary>
/// Finds repeated uniqueness keys across sorted <see cref="ChunkKeys"/> by merging them: rows count as seen in source
/// order, then row order, so the first occurrence owns the key and every later one is a duplicate. Streaming, cache-friendly
/// work instead of a hash table over every key.
/// </summary>
public static class DuplicateKeys
{
    /// <param name="sources">Sorted keys (<see cref="ChunkKeys.Sort"/>), in the order their rows were seen.</param>
    /// <remarks>
    /// The key space is cut in two at the largest source's middle key and the halves are merged in parallel: equal keys
    /// always fall in the same half, so each half finds its repeats and their first owners on its own.
    /// </remarks>
    public static List<DuplicateKey> Find(IReadOnlyList<ChunkKeys> sources)
    {
        var ends = sources.Select(s => s.Count).ToArray();
        var starts = new int[sources.Count];
        if (ends.Sum() < 2) return Merge(sources, starts, ends);
        var largest = Array.IndexOf(ends, ends.Max());
        var pivot = sources[largest].Read(ends[largest] / 2);
        var splits = sources.Select(keys => FirstAtOrAfter(keys, pivot)).ToArray();
        List<DuplicateKey> low = [], high = [];
        Parallel.Invoke(() => low = Merge(sources, starts, splits), () => high = Merge(sources, splits, ends));
        low.AddRange(high);
        return low;
    }

    /// <summary>The position of the first key at or after <paramref name="pivot"/>'s rule and digest.</summary>
    private static int FirstAtOrAfter(ChunkKeys keys, ChunkKey pivot)
    {
        var (from, to) = (0, keys.Count);
        while (from < to)
        {
            var middle = (from + to) / 2;
            if (Compare(keys.Read(middle), pivot) < 0) from = middle + 1;
            else to = middle;
        }
        return from;
    }

    /// <remarks>
    /// Runs once per check over every key, so it is compiled fully optimised at once (tiering would run most of the
    /// merge in unoptimised code). The heap holds source positions ordered by their head key (rule, digest), ties by source.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<DuplicateKey> Merge(IReadOnlyList<ChunkKeys> sources, int[] starts, int[] ends)
    {
        var heads = new ChunkKey[sources.Count];
        var next = new int[sources.Count];
        var heap = new int[sources.Count];
        var size = 0;
        for (var s = 0; s < sources.Count; s++)
        {
            if (starts[s] >= ends[s]) continue;
            heads[s] = sources[s].Read(starts[s]);
            next[s] = starts[s] + 1;
            heap[size] = s;
            SiftUp(heap, heads, size++);
        }
        var duplicates = new List<DuplicateKey>();
        var (ownerSource, owner) = (-1, default(ChunkKey));
        while (size > 0)
        {
            var source = heap[0];
            var key = heads[source];
            if (ownerSource >= 0 && Compare(owner, key) == 0)
                duplicates.Add(new DuplicateKey(source, key, ownerSource, owner));
            else
                (ownerSource, owner) = (source, key);
            if (next[source] < ends[source]) heads[source] = sources[source].Read(next[source]++);
            else heap[0] = heap[--size];
            SiftDown(heap, heads, size);
        }
        return duplicates;
    }

    /// <summary>Merge order of two keys: rule, then digest (equal: the same key).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Compare(in ChunkKey x, in ChunkKey y) => x.Unique != y.Unique ? x.Unique.CompareTo(y.Unique) : x.Digest.CompareTo(y.Digest);

    /// <summary>Source <paramref name="a"/>'s head before source <paramref name="b"/>'s: by key, ties by source.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Before(ChunkKey[] heads, int a, int b) => Compare(heads[a], heads[b]) is var order && order != 0 ? order < 0 : a < b;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SiftUp(int[] heap, ChunkKey[] heads, int at)
    {
        while (at > 0 && Before(heads, heap[at], heap[(at - 1) / 2]))
        {
            (heap[at], heap[(at - 1) / 2]) = (heap[(at - 1) / 2], heap[at]);
            at = (at - 1) / 2;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SiftDown(int[] heap, ChunkKey[] heads, int size)
    {
        for (var at = 0; ;)
        {
            var first = at;
            var (left, right) = (2 * at + 1, 2 * at + 2);
            if (left < size && Before(heads, heap[left], heap[first])) first = left;
            if (right < size && Before(heads, heap[right], heap[first])) first = right;
            if (first == at) return;
            (heap[at], heap[first]) = (heap[first], heap[at]);
            at = first;
        }
    }
}
