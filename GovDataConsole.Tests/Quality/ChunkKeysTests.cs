using GovDataConsole.Quality;

namespace GovDataConsole.Tests.Quality;

public sealed class ChunkKeysTests
{
    private static readonly (int Rule, int[] Columns)[] Uniques = [(3, [0]), (5, [1, 2])];

    [Fact]
    public void Keys_round_trip_sorted_by_rule_and_digest_with_blank_keys_left_out_and_multi_field_keys_joined()
    {
        var keys = new ChunkKeys(Uniques);
        keys.Add(["330102198001051237", "张三", "1980-01-05"], 41, 2);
        keys.Add(["", "", ""], 42, 3);
        keys.Add(["", "李四", ""], 43, 4);
        keys.Add(["身份证😀", "a / b", "c"], 44, 5);
        keys.Add(["330102198001051237", "张三", "1980-01-05"], 45, 6);

        var read = ReadAll(keys.ToArray());

        Assert.Equal([(0, 41L, 2, "330102198001051237"), (0, 44L, 5, "身份证😀"), (0, 45L, 6, "330102198001051237"), (1, 41L, 2, "张三 / 1980-01-05"),
                (1, 43L, 4, "李四 / "), (1, 44L, 5, "a / b / c"), (1, 45L, 6, "张三 / 1980-01-05")],
            read.Select(k => (k.Unique, k.RecordId, k.RowNumber, k.Value)).Order());
        Assert.Equal(read.OrderBy(k => k.Unique).ThenBy(k => k.Digest).ThenBy(k => k.RowNumber), read);
        Assert.Empty(ReadAll(new ChunkKeys(Uniques).ToArray()));
    }

    [Fact]
    public void Merged_chunks_find_the_same_duplicates_and_first_owners_as_one_index_over_the_rows_in_order()
    {
        string[][] rows = [["a", "bc"], ["ab", "c"], ["a", "bc"], ["", ""], ["", ""], ["ab", "c"], ["x", "y"], ["a", "bc"], ["ab", "c"]];
        var index = new UniquenessIndex();
        var expected = rows.Select((row, i) => (Row: i + 2, Owner: index.Add(row, [0, 1], new KeyOwner(i, 1, i + 2))))
            .Where(x => x.Owner is not null).Select(x => (x.Row, x.Owner!.Value.RowNumber)).ToList();
        // Three chunks of three rows, as three workers would collect them.
        var chunks = rows.Chunk(3).Select((part, c) =>
        {
            var keys = new ChunkKeys([(0, [0, 1])]);
            for (var i = 0; i < part.Length; i++) keys.Add(part[i], c * 3 + i, c * 3 + i + 2);
            return keys.ToArray();
        }).ToList();

        var found = DuplicateKeys.Find(chunks).OrderBy(d => d.Key.RowNumber).ToList();

        Assert.Equal([(4, 2), (7, 3), (9, 2), (10, 3)], expected);
        Assert.Equal(expected, found.Select(d => (d.Key.RowNumber, d.First.RowNumber)));
        Assert.Equal([0, 1, 2, 2], found.Select(d => d.Source));
        Assert.Equal([0, 0, 0, 0], found.Select(d => d.FirstSource));
        Assert.Equal(["a / bc", "ab / c", "a / bc", "ab / c"], found.Select(d => d.Key.Value));
    }

    [Fact]
    public void Keys_of_different_rules_never_match_each_other()
    {
        var keys = new ChunkKeys([(0, [0]), (1, [1])]);
        keys.Add(["same", "same"], 1, 2);
        keys.Add(["other", "same"], 2, 3);

        var found = DuplicateKeys.Find([keys.ToArray()]);

        Assert.Equal((1, 3, 2), Assert.Single(found) is var d ? (d.Key.Unique, d.Key.RowNumber, d.First.RowNumber) : default);
    }

    [Fact]
    public void Many_keys_of_three_rules_with_repeats_come_out_in_rule_digest_and_row_order()
    {
        // More rows than the buffers were sized for, three rules (two bits of rule in the sort key) and many repeated keys
        // (equal digests, ordered by row).
        var keys = new ChunkKeys([(0, [0]), (1, [1]), (2, [0, 1])], expectedRows: 10);
        var random = new Random(7);
        var rows = Enumerable.Range(0, 5_000).Select(_ => new[] { $"K{random.Next(800)}", random.Next(4) == 0 ? "" : $"身份{random.Next(50)}" }).ToList();
        for (var i = 0; i < rows.Count; i++) keys.Add(rows[i], 10_000 + i, i + 2);

        var read = ReadAll(keys.ToArray());

        var expected = rows.SelectMany((row, i) => new[] { (0, row[0], i + 2), (1, row[1], i + 2), (2, $"{row[0]} / {row[1]}", i + 2) })
            .Where(k => k.Item2 != "").ToList();
        Assert.Equal(expected.Order(), read.Select(k => (k.Unique, k.Value, k.RowNumber)).Order());
        Assert.Equal(read.OrderBy(k => k.Unique).ThenBy(k => k.Digest).ThenBy(k => k.RowNumber).Select(k => (k.Unique, k.RowNumber)), read.Select(k => (k.Unique, k.RowNumber)));
        Assert.All(read, k => Assert.Equal(k.RecordId, 10_000 + k.RowNumber - 2));
    }

    private static List<ChunkKey> ReadAll(byte[] blob)
    {
        var keys = new List<ChunkKey>();
        var at = 0;
        while (ChunkKeys.TryRead(blob, ref at, out var key)) keys.Add(key);
        return keys;
    }
}
