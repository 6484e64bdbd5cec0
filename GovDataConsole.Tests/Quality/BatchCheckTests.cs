using GovDataConsole.Quality;
using P = GovDataConsole.Quality.RuleParameterNames;

namespace GovDataConsole.Tests.Quality;

public sealed class BatchCheckTests
{
    private static readonly DateOnly Due = new(2026, 6, 15);

    private static string? Received(DateOnly day, DateOnly? due = null) =>
        BatchChecks.Check(RuleKit.Rule(RuleTemplate.ReceivedInCycle, []), new BatchFacts(1, day, due, 100, null));

    private static string? RowCount(int rows, int? previous, string percent = "10") =>
        BatchChecks.Check(RuleKit.Rule(RuleTemplate.RowCountChange, [], (P.Percent, percent)), new BatchFacts(1, Due, Due, rows, previous));

    [Fact]
    public void A_batch_received_by_its_due_day_is_in_time()
    {
        Assert.Null(Received(Due, Due));
        Assert.Null(Received(Due.AddDays(-3), Due));
    }

    [Fact]
    public void A_batch_received_after_its_due_day_is_late() =>
        Assert.Equal("批次于 2026-06-16 报送，晚于截止日 2026-06-15", Received(Due.AddDays(1), Due));

    [Fact]
    public void A_batch_without_a_task_is_never_late() => Assert.Null(Received(Due.AddYears(1)));

    [Theory]
    [InlineData(110, 100, null)]   // +10 % = limit
    [InlineData(90, 100, null)]    // −10 % = limit
    [InlineData(111, 100, "本批 111 行，上一批 100 行，变化 +11%，超过允许的 ±10%")]
    [InlineData(89, 100, "本批 89 行，上一批 100 行，变化 -11%，超过允许的 ±10%")]
    [InlineData(100, 100, null)]
    [InlineData(0, 100, "本批 0 行，上一批 100 行，变化 -100%，超过允许的 ±10%")]
    public void Row_count_change_edges(int rows, int previous, string? message) => Assert.Equal(message, RowCount(rows, previous));

    [Fact]
    public void Fractional_changes_show_one_decimal()
    {
        Assert.Equal("本批 1111 行，上一批 1000 行，变化 +11.1%，超过允许的 ±10%", RowCount(1111, 1000));
        Assert.Null(RowCount(1100, 1000));
        Assert.NotNull(RowCount(1101, 1000));
    }

    [Fact]
    public void The_first_batch_and_a_previous_empty_batch_are_not_compared()
    {
        Assert.Null(RowCount(5000, null));
        Assert.Null(RowCount(5000, 0));
    }

    [Fact]
    public void Zero_percent_allows_no_change()
    {
        Assert.Null(RowCount(100, 100, "0"));
        Assert.NotNull(RowCount(101, 100, "0"));
    }

    [Fact]
    public void Row_rules_are_not_batch_rules() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => BatchChecks.Check(RuleKit.Rule(RuleTemplate.NotNull, ["XM"]), new BatchFacts(1, Due, Due, 1, 1)));
}
