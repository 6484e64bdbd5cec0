using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace GovDataConsole.Quality;

/// <summary>One keyed row of a chunk: which uniqueness rule (position in <see cref="QualityPlan.Uniques"/>), its key's digest and its batch row.</summary>
public readonly record struct ChunkKey(int Unique, UInt128 Digest, int RowNumber);

/// <summary>
/// The uniqueness keys of a chunk's rows, computed while the chunk is checked and then sorted by rule, digest and row, so
/// the aggregation step finds repeated keys across chunks by merging the sorted chunks (<see cref="DuplicateKeys"/>)
/// without reading the records again or holding every key in a hash table. <see cref="KeySize"/> bytes per keyed row
/// and rule; the key's text is read back from the record only for duplicates. Both buffers (keys as added, then sorted)
/// come from the shared array pool and go back on dispose: a chunk's keys are megabytes, and allocating them afresh for
/// every chunk cost the check full collections.
/// </summary>
public sealed class ChunkKeys : IDisposable
{
    /// <summary>Bytes per key: rule, row and the digest's two halves.</summary>
    public const int KeySize = 24;

    private readonly record struct Entry(int Unique, int RowNumber, ulong High, ulong Low);

    private readonly KeyDigest digests = new();
    private readonly IReadOnlyList<(int Rule, int[] Columns)> uniques;
    private Entry[] entries;
    private Entry[] sorted = [];
    private int count;

    /// <param name="expectedRows">Rows the chunk will add, to size the buffer once.</param>
    public ChunkKeys(IReadOnlyList<(int Rule, int[] Columns)> uniques, int expectedRows = 0)
    {
        this.uniques = uniques;
        entries = ArrayPool<Entry>.Shared.Rent(Math.Max(16, expectedRows * uniques.Count));
    }

    /// <summary>Keys added so far.</summary>
    public int Count => count;

    public void Dispose()
    {
        if (entries.Length > 0) ArrayPool<Entry>.Shared.Return(entries);
        if (sorted.Length > 0) ArrayPool<Entry>.Shared.Return(sorted);
        (entries, sorted, count) = ([], [], 0);
    }

    /// <summary>The key text a uniqueness problem shows: the key's values joined with " / ".</summary>
    public static string Text(ReadOnlySpan<string> row, int[] columns)
    {
        if (columns.Length == 1) return row[columns[0]];
        var values = new string[columns.Length];
        for (var i = 0; i < columns.Length; i++) values[i] = row[columns[i]];
        return string.Join(" / ", values);
    }

    /// <summary>Adds the row's key for every uniqueness rule whose key is not blank.</summary>
    public void Add(ReadOnlySpan<string> row, int rowNumber)
    {
        for (var u = 0; u < uniques.Count; u++)
        {
            if (!digests.TryCompute(row, uniques[u].Columns, out var digest)) continue;
            if (count == entries.Length)
            {
                var grown = ArrayPool<Entry>.Shared.Rent(count * 2);
                entries.AsSpan().CopyTo(grown);
                ArrayPool<Entry>.Shared.Return(entries);
                entries = grown;
            }
            entries[count++] = new Entry(u, rowNumber, (ulong)(digest >> 64), (ulong)digest);
        }
    }

    /// <summary>Sorts the keys by rule position, digest and row number (see <see cref="Read"/>), once, after the last <see cref="Add"/>.</summary>
    /// <remarks>Runs once per chunk over all its keys: compiled fully optimised at once, like <see cref="DuplicateKeys.Find"/>.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Sort()
    {
        if (sorted.Length > 0) return;
        sorted = ArrayPool<Entry>.Shared.Rent(Math.Max(count, 1));
        SortInto(sorted.AsSpan(0, count));
        ArrayPool<Entry>.Shared.Return(entries);
        entries = [];
    }

    /// <summary>The key at <paramref name="index"/> in sorted order (after <see cref="Sort"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ChunkKey Read(int index)
    {
        var entry = sorted[index];
        return new ChunkKey(entry.Unique, new UInt128(entry.High, entry.Low), entry.RowNumber);
    }

    /// <summary>
    /// Writes the entries to <paramref name="into"/> in (rule, digest, row) order: a counting sort on the top bits of the
    /// rule and the digest (digests are uniform, so each bucket holds a few entries), then each bucket sorted in full, by
    /// insertion while small. Two to three times as fast as sorting the chunk's entries by their leading bits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SortInto(Span<Entry> into)
    {
        var ruleBits = uniques.Count <= 1 ? 0 : BitOperations.Log2((uint)uniques.Count - 1) + 1;
        var bucketBits = Math.Clamp(BitOperations.Log2((uint)Math.Max(count, 1)), 1, 16);
        int Bucket(in Entry e) => (int)((ruleBits == 0 ? e.High : ((ulong)e.Unique << (64 - ruleBits)) | (e.High >> ruleBits)) >> (64 - bucketBits));

        var ends = new int[(1 << bucketBits) + 1];
        for (var i = 0; i < count; i++) ends[Bucket(entries[i]) + 1]++;
        for (var b = 1; b < ends.Length; b++) ends[b] += ends[b - 1];
        var next = ends[..^1];
        for (var i = 0; i < count; i++) into[next[Bucket(entries[i])]++] = entries[i];
        for (var b = 0; b < ends.Length - 1; b++)
        {
            var (from, to) = (ends[b], ends[b + 1]);
            if (to - from > 16) into[from..to].Sort(InOrder);
            else
                for (var i = from + 1; i < to; i++)
                {
                    var entry = into[i];
                    var j = i - 1;
                    for (; j >= from && InOrder(entry, into[j]) < 0; j--) into[j + 1] = into[j];
                    into[j + 1] = entry;
                }
        }
    }

    private static int InOrder(Entry x, Entry y) =>
        x.Unique != y.Unique ? x.Unique.CompareTo(y.Unique) : x.High != y.High ? x.High.CompareTo(y.High)
            : x.Low != y.Low ? x.Low.CompareTo(y.Low) : x.RowNumber.CompareTo(y.RowNumber);
}
