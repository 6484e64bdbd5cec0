using GovDataConsole.Features.Catalog;
using GovDataConsole.Features.Collection;

namespace GovDataConsole.Tests.Collection;

/// <summary>Period keys and date ranges of every update cycle.</summary>
public sealed class CollectionPeriodTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(UpdateCycle.RealTime, "2026-10-01", "2026-10-01", "2026-10-01", "2026-10-01")]
    [InlineData(UpdateCycle.Daily, "2026-02-28", "2026-02-28", "2026-02-28", "2026-02-28")]
    [InlineData(UpdateCycle.Weekly, "2026-11-27", "2026-W48", "2026-11-23", "2026-11-29")]
    [InlineData(UpdateCycle.Weekly, "2026-11-23", "2026-W48", "2026-11-23", "2026-11-29")]
    [InlineData(UpdateCycle.Weekly, "2026-11-29", "2026-W48", "2026-11-23", "2026-11-29")]
    [InlineData(UpdateCycle.Monthly, "2026-02-14", "2026-02", "2026-02-01", "2026-02-28")]
    [InlineData(UpdateCycle.Monthly, "2028-02-29", "2028-02", "2028-02-01", "2028-02-29")]
    [InlineData(UpdateCycle.Monthly, "2026-12-31", "2026-12", "2026-12-01", "2026-12-31")]
    [InlineData(UpdateCycle.Quarterly, "2026-01-01", "2026-Q1", "2026-01-01", "2026-03-31")]
    [InlineData(UpdateCycle.Quarterly, "2026-09-30", "2026-Q3", "2026-07-01", "2026-09-30")]
    [InlineData(UpdateCycle.Quarterly, "2026-10-01", "2026-Q4", "2026-10-01", "2026-12-31")]
    [InlineData(UpdateCycle.Yearly, "2026-07-15", "2026", "2026-01-01", "2026-12-31")]
    public void Every_cycle_has_its_key_and_range(UpdateCycle cycle, string day, string key, string start, string end)
    {
        Assert.Equal(new CollectionPeriod(key, D(start), D(end)), CollectionPeriod.Containing(cycle, D(day)));
    }

    [Theory]
    // 2026 starts on a Thursday, so it has 53 ISO weeks; the last one ends in 2027.
    [InlineData("2026-12-28", "2026-W53", "2026-12-28", "2027-01-03")]
    [InlineData("2027-01-01", "2026-W53", "2026-12-28", "2027-01-03")]
    [InlineData("2027-01-03", "2026-W53", "2026-12-28", "2027-01-03")]
    [InlineData("2027-01-04", "2027-W01", "2027-01-04", "2027-01-10")]
    // 2025-W01 begins on Monday 2024-12-30.
    [InlineData("2024-12-30", "2025-W01", "2024-12-30", "2025-01-05")]
    [InlineData("2024-12-29", "2024-W52", "2024-12-23", "2024-12-29")]
    // 2026-01-01 (Thursday) is in 2026-W01, which began in 2025.
    [InlineData("2026-01-01", "2026-W01", "2025-12-29", "2026-01-04")]
    public void Iso_weeks_across_a_year_boundary_take_the_year_of_the_week(string day, string key, string start, string end)
    {
        Assert.Equal(new CollectionPeriod(key, D(start), D(end)), CollectionPeriod.Containing(UpdateCycle.Weekly, D(day)));
    }

    [Fact]
    public void Between_lists_every_overlapping_period_once_oldest_first()
    {
        var weeks = CollectionPeriod.Between(UpdateCycle.Weekly, D("2026-12-20"), D("2027-01-05")).Select(p => p.Key);
        Assert.Equal(["2026-W51", "2026-W52", "2026-W53", "2027-W01"], weeks);

        var months = CollectionPeriod.Between(UpdateCycle.Monthly, D("2026-11-30"), D("2027-02-01")).Select(p => p.Key);
        Assert.Equal(["2026-11", "2026-12", "2027-01", "2027-02"], months);

        var quarters = CollectionPeriod.Between(UpdateCycle.Quarterly, D("2026-03-31"), D("2026-04-01")).Select(p => p.Key);
        Assert.Equal(["2026-Q1", "2026-Q2"], quarters);

        var days = CollectionPeriod.Between(UpdateCycle.Daily, D("2026-02-27"), D("2026-03-01")).Select(p => p.Key);
        Assert.Equal(["2026-02-27", "2026-02-28", "2026-03-01"], days);

        Assert.Equal(["2026"], CollectionPeriod.Between(UpdateCycle.Yearly, D("2026-01-01"), D("2026-12-31")).Select(p => p.Key));
        Assert.Empty(CollectionPeriod.Between(UpdateCycle.Monthly, D("2026-05-01"), D("2026-04-30")));
    }

    [Fact]
    public void Consecutive_periods_tile_the_calendar_without_gaps()
    {
        foreach (var cycle in Enum.GetValues<UpdateCycle>())
        {
            var periods = CollectionPeriod.Between(cycle, D("2025-12-01"), D("2027-01-31")).ToList();
            for (var i = 1; i < periods.Count; i++) Assert.Equal(periods[i - 1].End.AddDays(1), periods[i].Start);
            Assert.Equal(periods.Count, periods.Select(p => p.Key).Distinct().Count());
        }
    }
}
