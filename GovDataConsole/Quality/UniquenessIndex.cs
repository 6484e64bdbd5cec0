using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace GovDataConsole.Quality;

/// <summary>Where a key was first seen: the record and its batch row.</summary>
public readonly record struct KeyOwner(long RecordId, int BatchId, int RowNumber);

/// <summary>
/// The keys seen so far for one uniqueness rule: a 128-bit XxHash of the key values (length-prefixed, so ("ab","c") and
/// ("a","bc") differ) mapped to the first record that had it. Rows whose key is blank in every part are not keyed.
/// Memory: one entry per distinct key.
/// </summary>
public sealed class UniquenessIndex
{
    private readonly Dictionary<UInt128, KeyOwner> first = [];
    private readonly XxHash128 hash = new();

    public int Count => first.Count;

    /// <summary>Adds the row's key (the values in <paramref name="columns"/>); returns the first owner when the key was already taken, else null.</summary>
    public KeyOwner? Add(ReadOnlySpan<string> row, int[] columns, KeyOwner owner)
    {
        if (IsBlank(row, columns)) return null;
        var digest = Digest(row, columns);
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(first, digest, out var exists);
        if (exists) return slot;
        slot = owner;
        return null;
    }

    private static bool IsBlank(ReadOnlySpan<string> row, int[] columns)
    {
        foreach (var column in columns)
            if (row[column].Length > 0) return false;
        return true;
    }

    private UInt128 Digest(ReadOnlySpan<string> row, int[] columns)
    {
        hash.Reset();
        Span<byte> length = stackalloc byte[4];
        foreach (var column in columns)
        {
            var value = row[column];
            BitConverter.TryWriteBytes(length, value.Length);
            hash.Append(length);
            hash.Append(MemoryMarshal.AsBytes(value.AsSpan()));
        }
        return hash.GetCurrentHashAsUInt128();
    }
}
