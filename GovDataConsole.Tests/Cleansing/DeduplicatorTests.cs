using GovDataConsole.Cleansing;

namespace GovDataConsole.Tests.Cleansing;

public sealed class DeduplicatorTests
{
    // Row number → business key (resident ID, period).
    private static readonly (long Row, string[] Key)[] Rows =
    [
        (2, ["11010519491231002X", "2026-01"]),
        (3, ["330106198001011235", "2026-01"]),
        (4, ["11010519491231002X", "2026-01"]),
        (5, ["11010519491231002X", "2026-02"]),
        (7, ["330106198001011235", "2026-01"]),
        (8, ["", ""]),
        (9, ["", ""]),
        (10, ["11010519491231002X", "2026-01"]),
    ];

    [Fact]
    public void Keep_first_drops_later_rows_at_once()
    {
        var dedup = new Deduplicator(DuplicateKeep.First);
        var answers = Rows.Select(r => dedup.Add(r.Row, r.Key)).ToList();
        Assert.Equal([null, null, 2L, null, 3L, null, null, 2L], answers);
        Assert.Equal([new DroppedRow(4, 2), new DroppedRow(7, 3), new DroppedRow(10, 2)], dedup.DroppedRows());
        Assert.Equal(3, dedup.DistinctKeys);
    }

    [Fact]
    public void Keep_last_drops_earlier_rows_and_names_the_final_survivor()
    {
        var dedup = new Deduplicator(DuplicateKeep.Last);
        var answers = Rows.Select(r => dedup.Add(r.Row, r.Key)).ToList();
        // Row 4 supersedes row 2, row 7 row 3, row 10 row 4: rows 2 and 4 end up kept as 10.
        Assert.Equal([null, null, 2L, null, 3L, null, null, 4L], answers);
        Assert.Equal([new DroppedRow(2, 10), new DroppedRow(3, 7), new DroppedRow(4, 10)], dedup.DroppedRows());
        Assert.Equal(3, dedup.DistinctKeys);
    }

    [Fact]
    public void Key_values_are_kept_apart()
    {
        var dedup = new Deduplicator(DuplicateKeep.First);
        Assert.Null(dedup.Add(1, ["ab", "c"]));
        Assert.Null(dedup.Add(2, ["a", "bc"]));
        Assert.Null(dedup.Add(3, ["abc", ""]));
        Assert.Null(dedup.Add(4, ["", "abc"]));
        Assert.Null(dedup.Add(5, ["AB", "c"]));
        Assert.Equal(1L, dedup.Add(6, ["ab", "c"]));
        Assert.Equal(5, dedup.DistinctKeys);
    }

    [Fact]
    public void Long_keys_are_compared_too()
    {
        var dedup = new Deduplicator(DuplicateKeep.First);
        var address = string.Concat(Enumerable.Repeat("浙江省杭州市西湖区文三路", 100));
        Assert.Null(dedup.Add(1, [address]));
        Assert.Null(dedup.Add(2, [address + "1"]));
        Assert.Equal(1L, dedup.Add(3, [new string(address.AsSpan())]));
    }

    [Fact]
    public void Rows_must_come_in_ascending_order()
    {
        var dedup = new Deduplicator(DuplicateKeep.First);
        dedup.Add(5, ["a"]);
        Assert.Throws<ArgumentException>(() => dedup.Add(5, ["b"]));
        Assert.Throws<ArgumentException>(() => dedup.Add(4, ["c"]));
    }
}
