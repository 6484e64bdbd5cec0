using GovDataConsole.Quality;

namespace GovDataConsole.Tests.Quality;

public sealed class UniquenessIndexTests
{
    private static KeyOwner Owner(long record) => new(record, 1, (int)record);

    [Fact]
    public void The_second_row_with_a_key_gets_the_first_owner()
    {
        var index = new UniquenessIndex();
        Assert.Null(index.Add(["a", "x"], [0], Owner(1)));
        Assert.Null(index.Add(["b", "x"], [0], Owner(2)));
        Assert.Equal(Owner(1), index.Add(["a", "y"], [0], Owner(3)));
        Assert.Equal(Owner(1), index.Add(["a", "z"], [0], Owner(4)));
        Assert.Equal(2, index.Count);
    }

    [Fact]
    public void Composite_keys_compare_every_part()
    {
        var index = new UniquenessIndex();
        int[] key = [0, 1];
        Assert.Null(index.Add(["330106", "张三"], key, Owner(1)));
        Assert.Null(index.Add(["330106", "李四"], key, Owner(2)));
        Assert.Null(index.Add(["330108", "张三"], key, Owner(3)));
        Assert.Equal(Owner(2), index.Add(["330106", "李四"], key, Owner(4)));
    }

    [Fact]
    public void Parts_do_not_run_into_each_other()
    {
        var index = new UniquenessIndex();
        Assert.Null(index.Add(["ab", "c"], [0, 1], Owner(1)));
        Assert.Null(index.Add(["a", "bc"], [0, 1], Owner(2)));
        Assert.Null(index.Add(["", "abc"], [0, 1], Owner(3)));
        Assert.Null(index.Add(["abc", ""], [0, 1], Owner(4)));
        Assert.Equal(4, index.Count);
    }

    [Fact]
    public void Key_order_follows_the_columns()
    {
        var index = new UniquenessIndex();
        Assert.Null(index.Add(["a", "b"], [0, 1], Owner(1)));
        Assert.Null(index.Add(["b", "a"], [0, 1], Owner(2)));
        Assert.Equal(Owner(1), index.Add(["b", "a"], [1, 0], Owner(3)));
    }

    [Fact]
    public void Blank_keys_are_not_keyed_but_partly_blank_ones_are()
    {
        var index = new UniquenessIndex();
        Assert.Null(index.Add(["", ""], [0, 1], Owner(1)));
        Assert.Null(index.Add(["", ""], [0, 1], Owner(2)));
        Assert.Equal(0, index.Count);
        Assert.Null(index.Add(["a", ""], [0, 1], Owner(3)));
        Assert.Equal(Owner(3), index.Add(["a", ""], [0, 1], Owner(4)));
    }

    [Fact]
    public void Values_are_compared_exactly()
    {
        var index = new UniquenessIndex();
        Assert.Null(index.Add(["11010519491231002X"], [0], Owner(1)));
        Assert.Null(index.Add(["11010519491231002x"], [0], Owner(2)));
        Assert.Null(index.Add([" 11010519491231002X"], [0], Owner(3)));
        Assert.Equal(3, index.Count);
    }

    [Fact]
    public void Many_distinct_keys_stay_distinct()
    {
        var index = new UniquenessIndex();
        for (var i = 0; i < 50_000; i++) Assert.Null(index.Add([i.ToString(), (i % 7).ToString()], [0, 1], Owner(i)));
        Assert.Equal(50_000, index.Count);
        Assert.Equal(Owner(123), index.Add(["123", "4"], [0, 1], Owner(99_999)));
    }
}
