using GovDataConsole.Features.Quality;

namespace GovDataConsole.Tests.Quality;

public sealed class ChunkRangeTests
{
    [Theory]
    [InlineData(250_000, 1_000_000, new[] { 0, 250_000, 500_000, 750_000, 1_000_000 })]
    [InlineData(250_000, 1_010_000, new[] { 0, 250_000, 500_000, 750_000, 1_010_000 })]
    [InlineData(250_000, 1_062_500, new[] { 0, 250_000, 500_000, 750_000, 1_000_000, 1_062_500 })]
    [InlineData(250_000, 300_000, new[] { 0, 300_000 })]
    [InlineData(250_000, 7, new[] { 0, 7 })]
    [InlineData(2, 7, new[] { 0, 2, 4, 6, 7 })]
    [InlineData(8, 17, new[] { 0, 8, 17 })]
    public void Chunks_cover_every_row_once_and_a_small_remainder_joins_the_last_chunk(int chunkRows, int lastRow, int[] bounds)
    {
        var ranges = new QualityOptions { ChunkRows = chunkRows }.ChunkRanges(lastRow).ToList();

        Assert.Equal(bounds.Zip(bounds.Skip(1)), ranges.Select(r => (r.From, r.To)));
    }

    [Fact]
    public void An_empty_batch_has_no_chunks() => Assert.Empty(new QualityOptions().ChunkRanges(0));
}
