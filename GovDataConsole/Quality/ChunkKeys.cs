using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace GovDataConsole.Quality;

/// <summary>One keyed row of a chunk: which uniqueness rule (position in <see cref="QualityPlan.Uniques"/>), its key's digest and its batch row.</summary>
public readonly record struct ChunkKey(int Unique, UInt128 Digest, int RowNumber);

/// <summary>
/// The uniqueness keys of a chunk's rows, computed while the chunk is checked and kept as one compact blob sorted by rule,
/// digest and row, so the aggregation step finds repeated keys across chunks by merging the sorted blobs
/// (<see cref="DuplicateKeys"/>) without reading the records again or holding every key in a hash table.
/// <see cref="KeySize"/> bytes per keyed row and rule; the key's text is read back from the record only for duplicates.
/// </summary>
public sealed class ChunkKeys
{
    /// <summary>Bytes per key in a blob: rule, row and the digest's two halves.</summary>
    public const int KeySize = 24;

    private readonly record struct Entry(int Unique, int RowNumber, ulong High, ulong Low);

    private readonly KeyDigest digests = new();
    private readonly IReadOnlyList<(int Rule, int[] Columns)> uniques;
    private Entry[] entries;
    private int count;

    /// <param name="expectedRows">Rows the chunk will add, to size the buffer once.</param>
    public ChunkKeys(IReadOnlyList<(int Rule, int[] Columns)> uniques, int expectedRows = 0)
    {
        this.uniques = uniques;
        entries = new Entry[Math.Max(16, expectedRows * uniques.Count)];
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
            if (count == entries.Length) Array.Resize(ref entries, entries.Length * 2);
            entries[count++] = new Entry(u, rowNumber, (ulong)(digest >> 64), (ulong)digest);
        }
    }

    /// <summary>The keys sorted by rule position, digest and row number, <see cref="KeySize"/> bytes each (see <see cref="Read"/>).</summary>
    /// <remarks>Runs once per chunk over all its keys: compiled fully optimised at once, like <see cref="DuplicateKeys.Find"/>.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public byte[] ToArray()
    {
        var order = new int[count];
        SortOrder(order);
        var blob = GC.AllocateUninitializedArray<byte>(count * KeySize);
        for (var i = 0; i < count; i++)
        {
            ref readonly var e = ref entries[order[i]];
            var at = blob.AsSpan(i * KeySize, KeySize);
            BinaryPrimitives.WriteInt32LittleEndian(at, e.Unique);
            BinaryPrimitives.WriteInt32LittleEndian(at[4..], e.RowNumber);
            BinaryPrimitives.WriteUInt64LittleEndian(at[8..], e.High);
            BinaryPrimitives.WriteUInt64LittleEndian(at[16..], e.Low);
        }
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
    /// Fills <paramref name="order"/> with entry positions in (rule, digest, row) order: a primitive sort on the rule and the
    /// digest's leading bits (much faster than sorting the entries with a comparer), then runs that tie on those bits (equal
    /// keys, mostly) put in full order.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SortOrder(Span<int> order)
    {
        var ruleBits = uniques.Count <= 1 ? 0 : BitOperations.Log2((uint)uniques.Count - 1) + 1;
        var leading = GC.AllocateUninitializedArray<ulong>(count);
        for (var i = 0; i < count; i++)
        {
            ref readonly var e = ref entries[i];
            leading[i] = ruleBits == 0 ? e.High : ((ulong)e.Unique << (64 - ruleBits)) | (e.High >> ruleBits);
            order[i] = i;
        }
        leading.AsSpan().Sort(order);
        Comparison<int> byEntry = (a, b) =>
        {
            ref readonly var x = ref entries[a];
            ref readonly var y = ref entries[b];
            return x.Unique != y.Unique ? x.Unique.CompareTo(y.Unique) : x.High != y.High ? x.High.CompareTo(y.High)
                : x.Low != y.Low ? x.Low.CompareTo(y.Low) : x.RowNumber.CompareTo(y.RowNumber);
        };
        for (int start = 0, end; start < count; start = end)
        {
            for (end = start + 1; end < count && leading[end] == leading[start]; end++) { }
            if (end - start > 1) order[start..end].Sort(byEntry);
        }
    }
}
