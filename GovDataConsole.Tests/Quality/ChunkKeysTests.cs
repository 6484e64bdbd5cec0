using GovDataConsole.Quality;

namespace GovDataConsole.Tests.Quality;

public sealed class ChunkKeysTests
{
    private static readonly (int Rule, int[] Columns)[] Uniques = [(3, [0]), (5, [1, 2])];

    [Fact]
    public void Keys_round_trip_in_row_order_with_blank_keys_left_out_and_multi_field_keys_joined()
    {
        var keys = new ChunkKeys(Uniques);
        keys.Add(["330102198001051237", "张三", "1980-01-05"], 41, 2);
        keys.Add(["", "", ""], 42, 3);
        keys.Add(["", "李四", ""], 43, 4);
        keys.Add(["身份证😀", "a / b", "c"], 44, 5);

        var read = ChunkKeys.Read(keys.ToArray()).ToList();

        Assert.Equal([(0, 41L, 2, "330102198001051237"), (1, 41L, 2, "张三 / 1980-01-05"), (1, 43L, 4, "李四 / "), (0, 44L, 5, "身份证😀"), (1, 44L, 5, "a / b / c")],
            read.Select(k => (k.Unique, k.RecordId, k.RowNumber, k.Value)));
        Assert.Empty(ChunkKeys.Read(new ChunkKeys(Uniques).ToArray()));
    }

    [Fact]
    public void Replayed_digests_find_the_same_duplicates_as_keys_added_from_rows()
    {
        string[][] rows = [["a", "bc"], ["ab", "c"], ["a", "bc"], ["", ""], ["", ""], ["ab", "c"]];
        var fromRows = new UniquenessIndex();
        var direct = rows.Select((row, i) => fromRows.Add(row, [0, 1], new KeyOwner(i, 1, i + 2))).ToList();
        var keys = new ChunkKeys([(0, [0, 1])]);
        for (var i = 0; i < rows.Length; i++) keys.Add(rows[i], i, i + 2);
        var replayed = new UniquenessIndex();
        var byRow = ChunkKeys.Read(keys.ToArray()).ToDictionary(k => k.RowNumber, k => replayed.Add(k.Digest, new KeyOwner(k.RecordId, 1, k.RowNumber)));

        Assert.Equal([null, null, new KeyOwner(0, 1, 2), null, null, new KeyOwner(1, 1, 3)], direct);
        Assert.Equal(direct, rows.Select((_, i) => byRow.GetValueOrDefault(i + 2)));
        Assert.Equal((2, 2), (fromRows.Count, replayed.Count));
    }
}
