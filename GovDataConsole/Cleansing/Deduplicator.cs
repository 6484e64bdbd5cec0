using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace GovDataConsole.Cleansing;

/// <summary>
/// De-duplicates one batch by business key in a single streaming pass: rows are added in ascending row order with their
/// (cleansed) key values. Only a 128-bit digest per distinct key is held (SHA-256, truncated: collisions are not a
/// practical concern) plus one entry per dropped row, so memory follows the distinct keys, never the row size.
/// Rows whose key values are all empty are never duplicates (a missing key is a completeness problem, not a repeat).
/// <para>Keep first: <see cref="Add"/> tells at once that a row is a duplicate, so a streaming writer can skip it.
/// Keep last: a row is dropped when a later row with its key arrives, which <see cref="Add"/> reports too (the
/// earlier row, already written, must be marked); which row finally survives is known only at the end, so read
/// <see cref="DroppedRows"/> after the last row.</para>
/// Not thread-safe: one instance per batch.
/// </summary>
public sealed class Deduplicator(DuplicateKeep keep)
{
    private readonly Dictionary<(ulong, ulong), int> slots = [];
    private readonly List<long> keptRows = [];
    private readonly List<(long Row, int Slot)> dropped = [];
    private long lastRow = long.MinValue;

    public DuplicateKeep Keep { get; } = keep;

    public int DistinctKeys => keptRows.Count;

    /// <summary>
    /// Adds a row. Returns null when its key is new (or empty); otherwise the row number of the earlier row with the
    /// same key: under keep first this row is dropped, under keep last that earlier row is.
    /// </summary>
    /// <exception cref="ArgumentException">Row numbers are not ascending.</exception>
    public long? Add(long rowNumber, ReadOnlySpan<string> keyValues)
    {
        if (rowNumber <= lastRow) throw new ArgumentException("Rows must be added in ascending row order.", nameof(rowNumber));
        lastRow = rowNumber;
        if (IsBlank(keyValues)) return null;

        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(slots, Digest(keyValues), out var exists);
        if (!exists)
        {
            slot = keptRows.Count;
            keptRows.Add(rowNumber);
            return null;
        }
        var earlier = keptRows[slot];
        if (Keep == DuplicateKeep.First)
        {
            dropped.Add((rowNumber, slot));
            return earlier;
        }
        dropped.Add((earlier, slot));
        keptRows[slot] = rowNumber;
        return earlier;
    }

    /// <summary>Every dropped row so far, in row order, with the row kept for its key (final once all rows are added).</summary>
    public IReadOnlyList<DroppedRow> DroppedRows()
    {
        var rows = dropped.Select(d => new DroppedRow(d.Row, keptRows[d.Slot])).ToList();
        if (Keep == DuplicateKeep.Last) rows.Sort((a, b) => a.RowNumber.CompareTo(b.RowNumber));
        return rows;
    }

    private static bool IsBlank(ReadOnlySpan<string> keyValues)
    {
        foreach (var value in keyValues)
            if (!string.IsNullOrEmpty(value)) return false;
        return true;
    }

    /// <summary>Each value as its length then its UTF-16 code units, so ("ab","c") and ("a","bc") differ.</summary>
    private static (ulong, ulong) Digest(ReadOnlySpan<string> keyValues)
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
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(bytes, digest);
        if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        return (BinaryPrimitives.ReadUInt64LittleEndian(digest), BinaryPrimitives.ReadUInt64LittleEndian(digest[8..]));
    }
}
