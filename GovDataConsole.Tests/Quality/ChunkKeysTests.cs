using GovDataConsole.Quality;

namespace GovDataConsole.Tests.Quality;

public sealed class ChunkKeysTests
{
    private static readonly (int Rule, int[] Columns)[] Uniques = [(3, [0]), (5, [1, 2])];

    [Fact]
    public void Keys_round_trip_sorted_by_rule_and_digest_with_blank_keys_left_out_and_equal_keys_sharing_a_digest()
    {
        using var keys = new ChunkKeys(Uniques);
        keys.Add(["330102198001051237", "张三", "1980-01-05"], 2);
        keys.Add(["", "", ""], 3);
        keys.Add(["", "李四", ""], 4);
        keys.Add(["身份证😀", "a / b", "c"], 5);
        keys.Add(["330102198001051237", "张三", "1980-01-05"], 6);

        var read = ReadAll(keys);

        Assert.Equal(7, keys.Count);
        Assert.Equal([(0, 2), (0, 5), (0, 6), (1, 2), (1, 4), (1, 5), (1, 6)], read.Select(k => (k.Unique, k.RowNumber)).Order());
        Assert.Equal(read.OrderBy(k => k.Unique).ThenBy(k => k.Digest).ThenBy(k => k.RowNumber), read);
        Assert.All(new[] { 0, 1 }, u => Assert.Equal(read.Single(k => k.Unique == u && k.RowNumber == 2).Digest, read.Single(k => k.Unique == u && k.RowNumber == 6).Digest));
        Assert.Equal(5, read.Select(k => (k.Unique, k.Digest)).Distinct().Count());
        using var none = new ChunkKeys(Uniques);
        Assert.Empty(ReadAll(none));
    }

    [Fact]
    public void A_buffer_returned_to_the_pool_and_rented_again_holds_only_the_new_chunks_keys()
    {
        using (var first = new ChunkKeys(Uniques, expectedRows: 100))
        {
            for (var row = 2; row < 102; row++) first.Add([$"A{row}", "x", $"{row}"], row);
            first.Sort();
            Assert.Equal(200, first.Count);
        }
        using var second = new ChunkKeys(Uniques, expectedRows: 100);
        second.Add(["B", "", ""], 7);

        Assert.Equal([(0, 7)], ReadAll(second).Select(k => (k.Unique, k.RowNumber)));
    }

    [Fact]
    public void A_key_shows_as_its_values_joined()
    {
        Assert.Equal("330102198001051237", ChunkKeys.Text(["330102198001051237", "张三"], [0]));
        Assert.Equal("张三 / 330102198001051237", ChunkKeys.Text(["330102198001051237", "张三"], [1, 0]));
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
            for (var i = 0; i < part.Length; i++) keys.Add(part[i], c * 3 + i + 2);
            keys.Sort();
            return keys;
        }).ToList();

        var found = DuplicateKeys.Find(chunks).OrderBy(d => d.Key.RowNumber).ToList();

        Assert.Equal([(4, 2), (7, 3), (9, 2), (10, 3)], expected);
        Assert.Equal(expected, found.Select(d => (d.Key.RowNumber, d.First.RowNumber)));
        Assert.Equal([0, 1, 2, 2], found.Select(d => d.Source));
        Assert.Equal([0, 0, 0, 0], found.Select(d => d.FirstSource));
    }

    [Fact]
    public void A_merge_over_many_sources_finds_every_repeat_once_with_the_earliest_row_as_owner()
    {
        // Twelve sources (a heap several levels deep), some empty, keys repeated within and across them.
        var random = new Random(11);
        var rows = Enumerable.Range(0, 3_000).Select(_ => random.Next(5) == 0 ? "" : $"K{random.Next(900)}").ToList();
        var sources = rows.Select((value, i) => (value, Row: i + 2)).Chunk(250).Select((part, s) =>
        {
            var keys = new ChunkKeys([(0, [0])]);
            if (s % 5 != 4) foreach (var (value, row) in part) keys.Add([value], row);
            keys.Sort();
            return keys;
        }).ToList();
        var kept = rows.Select((value, i) => (value, Row: i + 2)).Where(x => x.value != "" && (x.Row - 2) / 250 % 5 != 4).ToList();
        var owners = kept.GroupBy(x => x.value).ToDictionary(g => g.Key, g => g.First().Row);
        var expected = kept.Where(x => owners[x.value] != x.Row).Select(x => (x.Row, owners[x.value])).Order().ToList();

        var found = DuplicateKeys.Find(sources);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, found.Select(d => (d.Key.RowNumber, d.First.RowNumber)).Order());
        Assert.All(found, d => Assert.Equal(((d.Key.RowNumber - 2) / 250, (d.First.RowNumber - 2) / 250), (d.Source, d.FirstSource)));
    }

    [Fact]
    public void Keys_of_different_rules_never_match_each_other()
    {
        using var keys = new ChunkKeys([(0, [0]), (1, [1])]);
        keys.Add(["same", "same"], 2);
        keys.Add(["other", "same"], 3);
        keys.Sort();

        var found = DuplicateKeys.Find([keys]);

        Assert.Equal((1, 3, 2), Assert.Single(found) is var d ? (d.Key.Unique, d.Key.RowNumber, d.First.RowNumber) : default);
    }

    [Fact]
    public void Many_keys_of_three_rules_with_repeats_come_out_in_rule_digest_and_row_order()
    {
        // More rows than the buffer was sized for, three rules (two bits of rule in the sort key) and many repeated keys
        // (equal digests, ordered by row).
        using var keys = new ChunkKeys([(0, [0]), (1, [1]), (2, [0, 1])], expectedRows: 10);
        var random = new Random(7);
        var rows = Enumerable.Range(0, 5_000).Select(_ => new[] { $"K{random.Next(800)}", random.Next(4) == 0 ? "" : $"身份{random.Next(50)}" }).ToList();
        for (var i = 0; i < rows.Count; i++) keys.Add(rows[i], i + 2);

        var read = ReadAll(keys);

        var expected = rows.SelectMany((row, i) => new[] { (0, row[0], i + 2), (1, row[1], i + 2), (2, $"{row[0]} / {row[1]}", i + 2) })
            .Where(k => k.Item2 != "").ToList();
        Assert.Equal(expected.Select(k => (k.Item1, k.Item3)).Order(), read.Select(k => (k.Unique, k.RowNumber)).Order());
        Assert.Equal(read.OrderBy(k => k.Unique).ThenBy(k => k.Digest).ThenBy(k => k.RowNumber).Select(k => (k.Unique, k.RowNumber)), read.Select(k => (k.Unique, k.RowNumber)));
        // Equal keys share a digest and different keys do not.
        var digests = read.ToDictionary(k => (k.Unique, k.RowNumber), k => k.Digest);
        var groups = expected.GroupBy(k => (k.Item1, k.Item2)).ToList();
        Assert.All(groups, g => Assert.Single(g.Select(k => digests[(k.Item1, k.Item3)]).Distinct()));
        Assert.Equal(groups.Count, groups.Select(g => (g.Key.Item1, digests[(g.Key.Item1, g.First().Item3)])).Distinct().Count());
    }

    /// <summary>Sorts the keys and reads them in order.</summary>
    private static List<ChunkKey> ReadAll(ChunkKeys keys)
    {
        keys.Sort();
        return [.. Enumerable.Range(0, keys.Count).Select(keys.Read)];
    }
}
