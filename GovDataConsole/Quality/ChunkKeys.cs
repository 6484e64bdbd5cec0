using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace GovDataConsole.Quality;

/// <summary>
/// One keyed row of a chunk: which uniqueness rule (position in <see cref="QualityPlan.Uniques"/>), its key's digest, where,
/// and the key as shown (<see cref="Value"/>, decoded only when asked: most keys are not duplicates).
/// </summary>
public readonly record struct ChunkKey(int Unique, UInt128 Digest, long RecordId, int RowNumber, ReadOnlyMemory<byte> Utf8Value)
{
    public string Value => Encoding.UTF8.GetString(Utf8Value.Span);
}

/// <summary>
/// The uniqueness keys of a chunk's rows, computed while the chunk is checked and kept as one compact blob sorted by rule,
/// digest and row, so the aggregation step finds repeated keys across chunks by merging the sorted blobs
/// (<see cref="DuplicateKeys"/>) without reading the records again or holding every key in a hash table.
/// About 30 bytes plus the key's UTF-8 text per keyed row and rule.
/// </summary>
public sealed class ChunkKeys
{
    private readonly record struct Entry(int Unique, UInt128 Digest, long RecordId, int RowNumber, int TextStart, int TextLength);

    private static readonly Comparison<Entry> Order = static (a, b) =>
        a.Unique != b.Unique ? a.Unique.CompareTo(b.Unique) : a.Digest != b.Digest ? a.Digest.CompareTo(b.Digest) : a.RowNumber.CompareTo(b.RowNumber);

    private readonly KeyDigest digests = new();
    private readonly IReadOnlyList<(int Rule, int[] Columns)> uniques;
    private Entry[] entries;
    private byte[] texts;
    private int count, textLength;

    /// <param name="expectedRows">Rows the chunk will add, to size the buffers once (keys of about 20 bytes assumed).</param>
    public ChunkKeys(IReadOnlyList<(int Rule, int[] Columns)> uniques, int expectedRows = 0)
    {
        this.uniques = uniques;
        entries = new Entry[Math.Max(16, expectedRows * uniques.Count)];
        texts = new byte[Math.Max(256, expectedRows * uniques.Count * 20)];
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
    public void Add(ReadOnlySpan<string> row, long recordId, int rowNumber)
    {
        for (var u = 0; u < uniques.Count; u++)
        {
            var columns = uniques[u].Columns;
            if (!digests.TryCompute(row, columns, out var digest)) continue;
            var text = Text(row, columns);
            Grow(ref texts, textLength + Encoding.UTF8.GetMaxByteCount(text.Length));
            var length = Encoding.UTF8.GetBytes(text, texts.AsSpan(textLength));
            Grow(ref entries, count + 1);
            entries[count++] = new Entry(u, digest, recordId, rowNumber, textLength, length);
            textLength += length;
        }
    }

    /// <summary>
    /// The keys sorted by rule position, digest and row number, each as: rule (7-bit), digest, record id, row, text (7-bit
    /// length + UTF-8).
    /// </summary>
    public byte[] ToArray()
    {
        var order = new int[count];
        SortOrder(order);
        var size = 0;
        foreach (var e in entries.AsSpan(0, count)) size += SizeOf(e.Unique) + 28 + SizeOf(e.TextLength) + e.TextLength;
        var blob = new byte[size];
        var at = 0;
        foreach (var i in order)
        {
            ref readonly var e = ref entries[i];
            Write7BitInt(blob, ref at, e.Unique);
            BinaryPrimitives.WriteUInt64LittleEndian(blob.AsSpan(at), (ulong)(e.Digest >> 64));
            BinaryPrimitives.WriteUInt64LittleEndian(blob.AsSpan(at + 8), (ulong)e.Digest);
            BinaryPrimitives.WriteInt64LittleEndian(blob.AsSpan(at + 16), e.RecordId);
            BinaryPrimitives.WriteInt32LittleEndian(blob.AsSpan(at + 24), e.RowNumber);
            at += 28;
            Write7BitInt(blob, ref at, e.TextLength);
            texts.AsSpan(e.TextStart, e.TextLength).CopyTo(blob.AsSpan(at));
            at += e.TextLength;
        }
        return blob;
    }

    /// <summary>
    /// Fills <paramref name="order"/> with entry positions in (rule, digest, row) order: a primitive sort on the rule and the
    /// digest's leading bits (much faster than sorting the entries with a comparer), then runs that tie on those bits (equal
    /// keys, mostly) put in full order.
    /// </summary>
    private void SortOrder(Span<int> order)
    {
        var ruleBits = uniques.Count <= 1 ? 0 : BitOperations.Log2((uint)uniques.Count - 1) + 1;
        var leading = new ulong[count];
        for (var i = 0; i < count; i++)
        {
            var e = entries[i];
            leading[i] = ruleBits == 0 ? (ulong)(e.Digest >> 64) : ((ulong)e.Unique << (64 - ruleBits)) | ((ulong)(e.Digest >> 64) >> ruleBits);
            order[i] = i;
        }
        leading.AsSpan().Sort(order);
        Comparison<int> byEntry = (a, b) => Order(entries[a], entries[b]);
        for (int start = 0, end; start < count; start = end)
        {
            for (end = start + 1; end < count && leading[end] == leading[start]; end++) { }
            if (end - start > 1) order[start..end].Sort(byEntry);
        }
    }

    private static void Grow<TItem>(ref TItem[] buffer, int needed)
    {
        if (needed > buffer.Length) Array.Resize(ref buffer, Math.Max(needed, buffer.Length * 2));
    }

    /// <summary>Reads the key at <paramref name="at"/> of a blob written by <see cref="ToArray"/> and moves past it; false at its end.</summary>
    public static bool TryRead(byte[] blob, ref int at, out ChunkKey key)
    {
        key = default;
        if (at >= blob.Length) return false;
        var unique = Read7BitInt(blob, ref at);
        var digest = new UInt128(BinaryPrimitives.ReadUInt64LittleEndian(blob.AsSpan(at)), BinaryPrimitives.ReadUInt64LittleEndian(blob.AsSpan(at + 8)));
        var recordId = BinaryPrimitives.ReadInt64LittleEndian(blob.AsSpan(at + 16));
        var rowNumber = BinaryPrimitives.ReadInt32LittleEndian(blob.AsSpan(at + 24));
        at += 28;
        var length = Read7BitInt(blob, ref at);
        key = new ChunkKey(unique, digest, recordId, rowNumber, blob.AsMemory(at, length));
        at += length;
        return true;
    }

    private static int SizeOf(int value) => value < 0x80 ? 1 : value < 0x4000 ? 2 : value < 0x200000 ? 3 : value < 0x10000000 ? 4 : 5;

    private static void Write7BitInt(byte[] blob, ref int at, int value)
    {
        var v = (uint)value;
        for (; v >= 0x80; v >>= 7) blob[at++] = (byte)(v | 0x80);
        blob[at++] = (byte)v;
    }

    private static int Read7BitInt(byte[] blob, ref int at)
    {
        int value = 0, shift = 0;
        byte b;
        do
        {
            b = blob[at++];
            value |= (b & 0x7F) << shift;
            shift += 7;
        }
        while ((b & 0x80) != 0);
        return value;
    }
}
