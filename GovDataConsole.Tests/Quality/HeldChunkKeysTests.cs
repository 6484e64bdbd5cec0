using GovDataConsole.Features.Quality;
using GovDataConsole.Tests.Infrastructure;

namespace GovDataConsole.Tests.Quality;

public sealed class HeldChunkKeysTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);

    private static (HeldChunkKeys Held, SettableClock Clock) Create(long capBytes)
    {
        var clock = new SettableClock(Start);
        return (new HeldChunkKeys(new QualityOptions { HeldKeyBytes = capBytes }, clock), clock);
    }

    [Fact]
    public void Keys_are_taken_once_and_a_chunk_put_again_holds_only_its_new_keys()
    {
        var (held, _) = Create(100);
        byte[] first = [1, 2, 3], again = [4, 5];

        Assert.True(held.Put(1, 10, first));
        Assert.True(held.Put(1, 10, again));

        Assert.Same(again, held.Take(10));
        Assert.Null(held.Take(10));
        Assert.Null(held.Take(11));
    }

    [Fact]
    public void Keys_past_the_cap_are_not_held_and_taking_keys_makes_room_again()
    {
        var (held, _) = Create(10);

        Assert.True(held.Put(1, 10, new byte[6]));
        Assert.False(held.Put(1, 11, new byte[5]));
        Assert.Null(held.Take(11));
        // Replacing a chunk's keys counts only the new ones.
        Assert.True(held.Put(1, 10, new byte[10]));
        Assert.NotNull(held.Take(10));
        Assert.True(held.Put(1, 11, new byte[10]));
    }

    [Fact]
    public void A_zero_cap_holds_nothing()
    {
        var (held, _) = Create(0);

        Assert.False(held.Put(1, 10, [1]));
        Assert.Null(held.Take(10));
    }

    [Fact]
    public void Dropping_a_run_lets_go_of_its_keys_only()
    {
        var (held, _) = Create(100);
        held.Put(1, 10, [1]);
        held.Put(1, 11, [2]);
        held.Put(2, 20, [3]);

        held.Drop(1);

        Assert.Null(held.Take(10));
        Assert.Null(held.Take(11));
        Assert.Equal([3], held.Take(20));
    }

    [Fact]
    public void Keys_held_longer_than_the_limit_are_let_go_when_other_keys_come_in_and_their_bytes_count_no_more()
    {
        var (held, clock) = Create(10);
        held.Put(1, 10, new byte[8]);
        clock.Now = Start + HeldChunkKeys.MaxHold - TimeSpan.FromSeconds(1);
        Assert.False(held.Put(2, 20, new byte[8]));

        clock.Now = Start + HeldChunkKeys.MaxHold;
        Assert.True(held.Put(2, 20, new byte[8]));

        Assert.Null(held.Take(10));
        Assert.NotNull(held.Take(20));
    }
}
