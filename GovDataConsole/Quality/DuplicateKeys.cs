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
        var readers = sources.Select(s => ChunkKeys.Read(s).GetEnumerator()).ToArray();
        var queue = new PriorityQueue<int, (int Unique, UInt128 Digest, int Source, int Row)>(readers.Length);
        for (var s = 0; s < readers.Length; s++) Enqueue(s);
        var duplicates = new List<DuplicateKey>();
        (int Source, ChunkKey Key)? first = null;
        while (queue.TryDequeue(out var source, out _))
        {
            var key = readers[source].Current;
            if (first is { } owner && owner.Key.Unique == key.Unique && owner.Key.Digest == key.Digest)
                duplicates.Add(new DuplicateKey(source, key, owner.Source, owner.Key));
            else
                first = (source, key);
            Enqueue(source);
        }
        return duplicates;

        void Enqueue(int s)
        {
            if (!readers[s].MoveNext()) return;
            var key = readers[s].Current;
            queue.Enqueue(s, (key.Unique, key.Digest, s, key.RowNumber));
        }
    }
}
