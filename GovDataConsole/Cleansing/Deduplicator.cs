using System.Buffers;
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GovDataConsole.Cleansing;

/// <summary>
/// De-duplicates one batch by business key in a single streaming pass: rows are added in ascending row order with their
/// (cleansed) key values. Only a 96-bit digest per distinct key is held (MurmurHash3 x64/128 with a per-instance random
/// seed, truncated: for a million keys the chance of any collision is about 10^-17) together with the row kept for it, in
/// one open-addressing table of 16-byte slots, plus one entry per dropped row, so memory follows the distinct keys, never
/// the row size. Rows whose key values are all empty are never duplicates (a missing key is a completeness problem, not a repeat).
/// <para>Keep first: <see cref="Add"/> tells at once that a row is a duplicate, so a streaming writer can skip it.
/// Keep last: a row is dropped when a later row with its key arrives, which <see cref="Add"/> reports too (the
/// earlier row, already written, must be marked); which row finally survives is known only at the end, so read
/// <see cref="DroppedRows"/> after the last row.</para>
/// Row numbers must fit an <see cref="int"/> (as <c>BatchRecords.RowNumber</c> does). Not thread-safe: one instance per batch.
/// </summary>
public sealed class Deduplicator(DuplicateKeep keep)
{
    private const int InitialCapacity = 1024;

    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    private struct Slot
    {
        public ulong A;
        public uint B;
        public int Kept;

        public readonly bool IsEmpty => A == 0 && B == 0;
    }

    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    private readonly record struct Dropped(int Row, ulong A, uint B);

    private readonly ulong seed = (ulong)Random.Shared.NextInt64();
    private Slot[] table = new Slot[InitialCapacity];
    private int count;
    private Dropped[] dropped = [];
    private int droppedCount;
    private long lastRow = long.MinValue;

    public DuplicateKeep Keep { get; } = keep;

    public int DistinctKeys => count;

    /// <summary>
    /// Adds a row. Returns null when its key is new (or empty); otherwise the row number of the earlier row with the
    /// same key: under keep first this row is dropped, under keep last that earlier row is.
    /// </summary>
    /// <exception cref="ArgumentException">Row numbers are not ascending.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A row number outside the <see cref="int"/> range.</exception>
    public long? Add(long rowNumber, ReadOnlySpan<string> keyValues)
    {
        if (rowNumber <= lastRow) throw new ArgumentException("Rows must be added in ascending row order.", nameof(rowNumber));
        if (rowNumber is > int.MaxValue or < int.MinValue) throw new ArgumentOutOfRangeException(nameof(rowNumber), "Row numbers must fit an int.");
        lastRow = rowNumber;
        if (IsBlank(keyValues)) return null;

        var (a, b) = Digest(keyValues);
        ref var slot = ref Find(table, a, b);
        if (slot.IsEmpty)
        {
            if (count + 1 > table.Length / 4 * 3)
            {
                Grow();
                slot = ref Find(table, a, b);
            }
            slot.A = a;
            slot.B = b;
            slot.Kept = (int)rowNumber;
            count++;
            return null;
        }
        var earlier = slot.Kept;
        if (Keep == DuplicateKeep.First)
        {
            AddDropped(new Dropped((int)rowNumber, a, b));
            return earlier;
        }
        AddDropped(new Dropped(earlier, a, b));
        slot.Kept = (int)rowNumber;
        return earlier;
    }

    /// <summary>Every dropped row so far, in row order, with the row kept for its key (final once all rows are added).</summary>
    public IReadOnlyList<DroppedRow> DroppedRows()
    {
        var rows = new List<DroppedRow>(droppedCount);
        for (var i = 0; i < droppedCount; i++)
        {
            var d = dropped[i];
            rows.Add(new DroppedRow(d.Row, Find(table, d.A, d.B).Kept));
        }
        if (Keep == DuplicateKeep.Last) rows.Sort((x, y) => x.RowNumber.CompareTo(y.RowNumber));
        return rows;
    }

    private void AddDropped(Dropped row)
    {
        if (droppedCount == dropped.Length) Array.Resize(ref dropped, Math.Max(64, dropped.Length * 2));
        dropped[droppedCount++] = row;
    }

    /// <summary>The slot holding the digest, or the empty slot where it belongs (linear probing; the table is never full).</summary>
    private static ref Slot Find(Slot[] table, ulong a, uint b)
    {
        var mask = table.Length - 1;
        var i = (int)(a >> 32) & mask;
        while (true)
        {
            ref var slot = ref table[i];
            if ((slot.A == a && slot.B == b) || slot.IsEmpty) return ref slot;
            i = (i + 1) & mask;
        }
    }

    private void Grow()
    {
        var next = new Slot[table.Length * 2];
        foreach (var slot in table)
            if (!slot.IsEmpty) Find(next, slot.A, slot.B) = slot;
        table = next;
    }

    private static bool IsBlank(ReadOnlySpan<string> keyValues)
    {
        foreach (var value in keyValues)
            if (!string.IsNullOrEmpty(value)) return false;
        return true;
    }

    /// <summary>Each value as its length then its UTF-16 code units, so ("ab","c") and ("a","bc") differ. Never (0, 0), the empty slot.</summary>
    private (ulong, uint) Digest(ReadOnlySpan<string> keyValues)
    {
        var size = 0;
        foreach (var value in keyValues) size += sizeof(int) + (value?.Length ?? 0) * sizeof(char);
        var rented = size > 1024 ? ArrayPool<byte>.Shared.Rent(size) : null;
        var bytes = (rented ?? stackalloc byte[size])[..size];
        var at = 0;
        foreach (var value in keyValues)
        {
            var text = (value ?? "").AsSpan();
            BinaryPrimitives.WriteInt32LittleEndian(bytes[at..], text.Length);
            at += sizeof(int);
            MemoryMarshal.AsBytes(text).CopyTo(bytes[at..]);
            at += text.Length * sizeof(char);
        }
        var (h1, h2) = Murmur3(bytes, seed);
        if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        var b = (uint)h2;
        return h1 == 0 && b == 0 ? (1, 0) : (h1, b);
    }

    private const ulong C1 = 0x87c37b91114253d5UL;
    private const ulong C2 = 0x4cf5ad432745937fUL;

    /// <summary>MurmurHash3 x64 128-bit.</summary>
    private static (ulong, ulong) Murmur3(ReadOnlySpan<byte> data, ulong seed)
    {
        ulong h1 = seed, h2 = seed;
        var blocks = data.Length / 16;
        for (var i = 0; i < blocks; i++)
        {
            var k1 = BinaryPrimitives.ReadUInt64LittleEndian(data[(i * 16)..]);
            var k2 = BinaryPrimitives.ReadUInt64LittleEndian(data[(i * 16 + 8)..]);
            k1 *= C1; k1 = BitOperations.RotateLeft(k1, 31); k1 *= C2; h1 ^= k1;
            h1 = BitOperations.RotateLeft(h1, 27); h1 += h2; h1 = h1 * 5 + 0x52dce729;
            k2 *= C2; k2 = BitOperations.RotateLeft(k2, 33); k2 *= C1; h2 ^= k2;
            h2 = BitOperations.RotateLeft(h2, 31); h2 += h1; h2 = h2 * 5 + 0x38495ab5;
        }
        var tail = data[(blocks * 16)..];
        if (tail.Length > 0)
        {
            Span<byte> padded = stackalloc byte[16];
            padded.Clear();
            tail.CopyTo(padded);
            var k1 = BinaryPrimitives.ReadUInt64LittleEndian(padded);
            var k2 = BinaryPrimitives.ReadUInt64LittleEndian(padded[8..]);
            if (tail.Length > 8) { k2 *= C2; k2 = BitOperations.RotateLeft(k2, 33); k2 *= C1; h2 ^= k2; }
            k1 *= C1; k1 = BitOperations.RotateLeft(k1, 31); k1 *= C2; h1 ^= k1;
        }
        h1 ^= (ulong)data.Length; h2 ^= (ulong)data.Length;
        h1 += h2; h2 += h1;
        h1 = FMix(h1); h2 = FMix(h2);
        h1 += h2; h2 += h1;
        return (h1, h2);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong FMix(ulong k)
    {
        k ^= k >> 33; k *= 0xff51afd7ed558ccdUL;
        k ^= k >> 33; k *= 0xc4ceb53a185ec863UL;
        k ^= k >> 33;
        return k;
    }
}
