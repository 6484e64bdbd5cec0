using System.Buffers;
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GovDataConsole.Quality;

/// <summary>One keyed row of a chunk: which uniqueness rule (position in <see cref="QualityPlan.Uniques"/>), its key's digest and its batch row.</summary>
public readonly record struct ChunkKey(int Unique, UInt128 Digest, int RowNumber);

/// <summary>
/// The uniqueness keys of a chunk's rows, computed while the chunk is checked and kept as one compact blob sorted by rule,
/// digest and row, so the aggregation step finds repeated keys across chunks by merging the sorted blobs
/// (<see cref="DuplicateKeys"/>) without reading the records again or holding every key in a hash table.
/// <see cref="KeySize"/> bytes per keyed row and rule; the key's text is read back from the record only for duplicates.
/// The buffer comes from the shared array pool and goes back on dispose: a chunk's keys are megabytes, and allocating them
/// afresh for every chunk cost the check a full collection each.
/// </summary>
public sealed class ChunkKeys : IDisposable
{
    /// <summary>Bytes per key in a blob: rule, row and the digest's two halves.</summary>
    public const int KeySize = 24;

    /// <summary>A key as laid out in a blob (see <see cref="ToArray"/> and <see cref="Read"/>).</summary>
    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct Entry(int Unique, int RowNumber, ulong High, ulong Low);

    private readonly KeyDigest digests = new();
    private readonly IReadOnlyList<(int Rule, int[] Columns)> uniques;
    private Entry[] entries;
    private int count;

    /// <param name="expectedRows">Rows the chunk will add, to size the buffer once.</param>
    public ChunkKeys(IReadOnlyList<(int Rule, int[] Columns)> uniques, int expectedRows = 0)
    {
        this.uniques = uniques;
        entries = ArrayPool<Entry>.Shared.Rent(Math.Max(16, expectedRows * uniques.Count));
    }

    public void Dispose()
    {
        ArrayPool<Entry>.Shared.Return(entries);
        entries = [];
        count = 0;
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

    /// <summary>The keys sorted by rule position, digest and row number, <see cref="KeySize"/> bytes each (see <see cref="Read"/>).</summary>
    /// <remarks>Runs once per chunk over all its keys: compiled fully optimised at once, like <see cref="DuplicateKeys.Find"/>.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public byte[] ToArray()
    {
        // The blob is the sorted entries' memory: Entry is laid out as a key is stored (Read decodes little-endian).
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("Uniqueness key blobs are little-endian.");
        var blob = GC.AllocateUninitializedArray<byte>(count * KeySize);
        SortInto(MemoryMarshal.Cast<byte, Entry>(blob.AsSpan()));
        return blob;
    }

    /// <summary>Keys in a blob written by <see cref="ToArray"/>.</summary>
    public static int Count(byte[] blob) => blob.Length / KeySize;

    /// <summary>The key at <paramref name="index"/> of a blob written by <see cref="ToArray"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ChunkKey Read(byte[] blob, int index)
    {
        var at = blob.AsSpan(index * KeySize, KeySize);
        return new ChunkKey(BinaryPrimitives.ReadInt32LittleEndian(at), new UInt128(BinaryPrimitives.ReadUInt64LittleEndian(at[8..]),
            BinaryPrimitives.ReadUInt64LittleEndian(at[16..])), BinaryPrimitives.ReadInt32LittleEndian(at[4..]));
    }

    /// <summary>
    /// Writes the entries to <paramref name="sorted"/> in (rule, digest, row) order: a counting sort on the top bits of the
    /// rule and the digest (digests are uniform, so each bucket holds a few entries), then each bucket sorted in full, by
    /// insertion while small. Two to three times as fast as sorting the chunk's entries by their leading bits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SortInto(Span<Entry> sorted)
    {
        var ruleBits = uniques.Count <= 1 ? 0 : BitOperations.Log2((uint)uniques.Count - 1) + 1;
        var bucketBits = Math.Clamp(BitOperations.Log2((uint)Math.Max(count, 1)), 1, 16);
        int Bucket(in Entry e) => (int)((ruleBits == 0 ? e.High : ((ulong)e.Unique << (64 - ruleBits)) | (e.High >> ruleBits)) >> (64 - bucketBits));

        var ends = new int[(1 << bucketBits) + 1];
        for (var i = 0; i < count; i++) ends[Bucket(entries[i]) + 1]++;
        for (var b = 1; b < ends.Length; b++) ends[b] += ends[b - 1];
        var next = ends[..^1];
        for (var i = 0; i < count; i++) sorted[next[Bucket(entries[i])]++] = entries[i];
        for (var b = 0; b < ends.Length - 1; b++)
        {
            var (from, to) = (ends[b], ends[b + 1]);
            if (to - from > 16) sorted[from..to].Sort(InOrder);
            else
                for (var i = from + 1; i < to; i++)
                {
                    var entry = sorted[i];
                    var j = i - 1;
                    for (; j >= from && InOrder(entry, sorted[j]) < 0; j--) sorted[j + 1] = sorted[j];
                    sorted[j + 1] = entry;
                }
        }
    }

    private static int InOrder(Entry x, Entry y) =>
        x.Unique != y.Unique ? x.Unique.CompareTo(y.Unique) : x.High != y.High ? x.High.CompareTo(y.High)
            : x.Low != y.Low ? x.Low.CompareTo(y.Low) : x.RowNumber.CompareTo(y.RowNumber);
}
