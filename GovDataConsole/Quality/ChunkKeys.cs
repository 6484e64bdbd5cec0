namespace GovDataConsole.Quality;

/// <summary>One keyed row of a chunk: which uniqueness rule (position in <see cref="QualityPlan.Uniques"/>), its key's digest, where, and the key as shown.</summary>
public readonly record struct ChunkKey(int Unique, UInt128 Digest, long RecordId, int RowNumber, string Value);

/// <summary>
/// The uniqueness keys of a chunk's rows, in row order, computed while the chunk is checked and kept as one compact blob,
/// so the aggregation step replays them into the run's <see cref="UniquenessIndex"/>es without reading the records again.
/// About 30 bytes plus the key's UTF-8 text per keyed row and rule.
/// </summary>
public sealed class ChunkKeys
{
    private readonly MemoryStream stream = new();
    private readonly BinaryWriter writer;
    private readonly KeyDigest digests = new();
    private readonly IReadOnlyList<(int Rule, int[] Columns)> uniques;

    public ChunkKeys(IReadOnlyList<(int Rule, int[] Columns)> uniques)
    {
        this.uniques = uniques;
        writer = new BinaryWriter(stream);
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
            writer.Write7BitEncodedInt(u);
            writer.Write((ulong)(digest >> 64));
            writer.Write((ulong)digest);
            writer.Write(recordId);
            writer.Write(rowNumber);
            writer.Write(Text(row, columns));
        }
    }

    public byte[] ToArray()
    {
        writer.Flush();
        return stream.ToArray();
    }

    /// <summary>The keys of a blob written by <see cref="ToArray"/>, in the order they were added.</summary>
    public static IEnumerable<ChunkKey> Read(byte[] blob)
    {
        using var reader = new BinaryReader(new MemoryStream(blob, false));
        while (reader.BaseStream.Position < blob.Length)
        {
            var unique = reader.Read7BitEncodedInt();
            var digest = new UInt128(reader.ReadUInt64(), reader.ReadUInt64());
            yield return new ChunkKey(unique, digest, reader.ReadInt64(), reader.ReadInt32(), reader.ReadString());
        }
    }
}
