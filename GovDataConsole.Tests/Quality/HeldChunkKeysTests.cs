using GovDataConsole.Features.Quality;
using GovDataConsole.Quality;
using GovDataConsole.Tests.Infrastructure;

namespace GovDataConsole.Tests.Quality;

public sealed class HeldChunkKeysTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);

    /// <summary>A store holding at most <paramref name="capKeys"/> keys.</summary>
    private static (HeldChunkKeys Held, SettableClock Clock) Create(int capKeys)
    {
        var clock = new SettableClock(Start);
        return (new HeldChunkKeys(new QualityOptions { HeldKeyBytes = capKeys * ChunkKeys.KeySize }, clock), clock);
    }

    /// <summary>A sorted chunk of <paramref name="count"/> keys.</summary>
    private static ChunkKeys Keys(int count)
    {
        var keys = new ChunkKeys([(0, [0])]);
        for (var row = 2; row < count + 2; row++) keys.Add([$"K{row}"], row);
        keys.Sort();
        return keys;
    }

    [Fact]
    public void Keys_are_taken_once_and_a_chunk_put_again_holds_only_its_new_keys()
    {
        var (held, _) = Create(100);
        ChunkKeys first = Keys(3), again = Keys(2);

        Assert.True(held.Put(1, 10, first));
        Assert.True(held.Put(1, 10, again));

        Assert.Same(again, held.Take(10));
        Assert.Equal(0, first.Count);
        Assert.Null(held.Take(10));
        Assert.Null(held.Take(11));
    }

    [Fact]
    public void Keys_past_the_cap_are_not_held_and_taking_keys_makes_room_again()
    {
        var (held, _) = Create(10);

        Assert.True(held.Put(1, 10, Keys(6)));
        var refused = Keys(5);
        Assert.False(held.Put(1, 11, refused));
        Assert.Equal(5, refused.Count);
        Assert.Null(held.Take(11));
        // Replacing a chunk's keys counts only the new ones.
        Assert.True(held.Put(1, 10, Keys(10)));
        Assert.Equal(10, held.Take(10)!.Count);
        Assert.True(held.Put(1, 11, Keys(10)));
    }

    [Fact]
    public void A_zero_cap_holds_nothing()
    {
        var (held, _) = Create(0);

        Assert.False(held.Put(1, 10, Keys(1)));
        Assert.Null(held.Take(10));
    }

    [Fact]
    public void Dropping_a_run_lets_go_of_its_keys_only()
    {
        var (held, _) = Create(100);
        var (a, b, c) = (Keys(1), Keys(2), Keys(3));
        held.Put(1, 10, a);
        held.Put(1, 11, b);
        held.Put(2, 20, c);

        held.Drop(1);

        Assert.Null(held.Take(10));
        Assert.Null(held.Take(11));
        Assert.Equal((0, 0), (a.Count, b.Count));
        Assert.Same(c, held.Take(20));
    }

    [Fact]
    public void Keys_held_longer_than_the_limit_are_let_go_when_other_keys_come_in_and_their_bytes_count_no_more()
    {
        var (held, clock) = Create(10);
        var old = Keys(8);
        held.Put(1, 10, old);
        clock.Now = Start + HeldChunkKeys.MaxHold - TimeSpan.FromSeconds(1);
        Assert.False(held.Put(2, 20, Keys(8)));

        clock.Now = Start + HeldChunkKeys.MaxHold;
        Assert.True(held.Put(2, 20, Keys(8)));

        Assert.Equal(0, old.Count);
        Assert.Null(held.Take(10));
        Assert.NotNull(held.Take(20));
    }
}
