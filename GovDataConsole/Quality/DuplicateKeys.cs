namespace GovDataConsole.Quality;

/// <summary>A key seen again: where (source and key) and where it was first seen.</summary>
public readonly record struct DuplicateKey(int Source, ChunkKey Key, int FirstSource, ChunkKey First);

/// <summary>
/// Finds repeated uniqueness keys across sorted <see cref="ChunkKeys"/> blobs by merging them: rows count as seen in source
/// order, then row order, so the first occurrence owns the key and every later one is a duplicate. Streaming, cache-friendly
/// work instead of a hash table over every key.
/// </summary>
public static class DuplicateKeys
{
    /// <param name="sources">Blobs written by <see cref="ChunkKeys.ToArray"/>, in the order their rows were seen.</param>
    public static List<DuplicateKey> Find(IReadOnlyList<byte[]> sources)
    {
        var positions = new int[sources.Count];
        var heads = new ChunkKey[sources.Count];
        var queue = new PriorityQueue<int, Head>(sources.Count);
        for (var s = 0; s < sources.Count; s++) Advance(s);
        var duplicates = new List<DuplicateKey>();
        var (ownerSource, owner) = (-1, default(ChunkKey));
        while (queue.TryDequeue(out var source, out _))
        {
            var key = heads[source];
            if (ownerSource >= 0 && owner.Unique == key.Unique && owner.Digest == key.Digest)
                duplicates.Add(new DuplicateKey(source, key, ownerSource, owner));
            else
                (ownerSource, owner) = (source, key);
            Advance(source);
        }
        return duplicates;

        void Advance(int s)
        {
            if (!ChunkKeys.TryRead(sources[s], ref positions[s], out heads[s])) return;
            queue.Enqueue(s, new Head(heads[s].Unique, heads[s].Digest, s, heads[s].RowNumber));
        }
    }

    /// <summary>
    /// A source's next key in merge order: rule, digest, source, row. Comparable itself, so the queue takes its default-comparer
    /// path, which the JIT specialises for this struct (a comparer object costs an interface call per comparison).
    /// </summary>
    private readonly record struct Head(int Unique, UInt128 Digest, int Source, int Row) : IComparable<Head>
    {
        public int CompareTo(Head other) =>
            Unique != other.Unique ? Unique.CompareTo(other.Unique)
            : Digest != other.Digest ? Digest.CompareTo(other.Digest)
            : Source != other.Source ? Source.CompareTo(other.Source)
            : Row.CompareTo(other.Row);
    }
}
