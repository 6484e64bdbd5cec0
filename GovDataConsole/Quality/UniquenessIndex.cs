using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace GovDataConsole.Quality;

/// <summary>Where a key was first seen: the record and its batch row.</summary>
public readonly record struct KeyOwner(long RecordId, int BatchId, int RowNumber);

/// <summary>
/// The keys seen so far for one uniqueness rule: a key's <see cref="KeyDigest"/> mapped to the first record that had it.
/// Rows whose key is blank in every part are not keyed. Memory: one entry per distinct key.
/// </summary>
public sealed class UniquenessIndex
{
    private readonly Dictionary<UInt128, KeyOwner> first = [];
    private readonly KeyDigest digests = new();

    public int Count => first.Count;

    /// <summary>Adds the row's key (the values in <paramref name="columns"/>); returns the first owner when the key was already taken, else null.</summary>
    public KeyOwner? Add(ReadOnlySpan<string> row, int[] columns, KeyOwner owner) =>
        digests.TryCompute(row, columns, out var digest) ? Add(digest, owner) : null;

    private KeyOwner? Add(UInt128 digest, KeyOwner owner)
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(first, digest, out var exists);
        if (exists) return slot;
        slot = owner;
        return null;
    }
}

/// <summary>
/// A 128-bit XxHash of a row's key values, length-prefixed so ("ab","c") and ("a","bc") differ (a single value is hashed
/// alone, in one call). One instance per thread.
/// </summary>
public sealed class KeyDigest
{
    private readonly XxHash128 hash = new();

    /// <summary>False when the key is blank in every part (such rows are not keyed).</summary>
    public bool TryCompute(ReadOnlySpan<string> row, int[] columns, out UInt128 digest)
    {
        digest = default;
        if (IsBlank(row, columns)) return false;
        if (columns.Length == 1)
        {
            digest = XxHash128.HashToUInt128(MemoryMarshal.AsBytes(row[columns[0]].AsSpan()));
            return true;
        }
        hash.Reset();
        Span<byte> length = stackalloc byte[4];
        foreach (var column in columns)
        {
            var value = row[column];
            BitConverter.TryWriteBytes(length, value.Length);
            hash.Append(length);
            hash.Append(MemoryMarshal.AsBytes(value.AsSpan()));
        }
        digest = hash.GetCurrentHashAsUInt128();
        return true;
    }

    private static bool IsBlank(ReadOnlySpan<string> row, int[] columns)
    {
        foreach (var column in columns)
            if (row[column].Length > 0) return false;
        return true;
    }
}
