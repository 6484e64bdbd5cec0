using GovDataConsole.Calendar;

namespace GovDataConsole.Tests.Calendar;

/// <summary>
/// WorkingCalendar on the real 2026 schedule. Expected dates are worked out by hand from cn-holidays-2026.csv
/// (2026-01-01 is a Thursday): they are not computed by the code under test.
/// </summary>
public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar Cal = Holidays2026.Calendar();

    private static DateOnly D(int month, int day) => new(2026, month, day);

    [Fact]
    public void Spring_Festival_2026_is_off_from_15_to_23_February_with_make_up_Saturdays_14_and_28_February()
    {
        Assert.True(Cal.IsWorkingDay(D(2, 13)));   // Friday before
        Assert.True(Cal.IsWorkingDay(D(2, 14)));   // Saturday, 春节调休上班
        for (var day = 15; day <= 23; day++)
            Assert.False(Cal.IsWorkingDay(D(2, day)), $"2026-02-{day} is 春节");
        Assert.True(Cal.IsWorkingDay(D(2, 24)));   // Tuesday, back to work
        Assert.True(Cal.IsWorkingDay(D(2, 28)));   // Saturday, 春节调休上班
        Assert.False(Cal.IsWorkingDay(D(3, 1)));   // ordinary Sunday
    }

    [Fact]
    public void Mid_Autumn_and_National_Day_2026_are_off_with_make_up_Sunday_20_September_and_Saturday_10_October()
    {
        Assert.True(Cal.IsWorkingDay(D(9, 20)));   // Sunday, 国庆节调休上班
        Assert.False(Cal.IsWorkingDay(D(9, 19))); // ordinary Saturday
        Assert.True(Cal.IsWorkingDay(D(9, 24)));
        foreach (var day in new[] { D(9, 25), D(9, 26), D(9, 27) })
            Assert.False(Cal.IsWorkingDay(day), $"{day} is 中秋节");
        Assert.True(Cal.IsWorkingDay(D(9, 28)));
        Assert.True(Cal.IsWorkingDay(D(9, 30)));
        for (var day = 1; day <= 7; day++)
            Assert.False(Cal.IsWorkingDay(D(10, day)), $"2026-10-0{day} is 国庆节");
        Assert.True(Cal.IsWorkingDay(D(10, 8)));
        Assert.True(Cal.IsWorkingDay(D(10, 10)));  // Saturday, 国庆节调休上班
        Assert.False(Cal.IsWorkingDay(D(10, 11))); // ordinary Sunday
    }

    [Fact]
    public void Every_make_up_day_in_the_file_is_a_weekend_day_that_works_and_every_holiday_is_off()
    {
        var makeUp = Holidays2026.Rows.Where(r => r.Kind == "workday").ToList();
        Assert.Equal([D(1, 4), D(2, 14), D(2, 28), D(5, 9), D(9, 20), D(10, 10)], makeUp.Select(r => r.Date));
        Assert.All(makeUp, r =>
        {
            Assert.True(r.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday, $"{r.Date} is not a weekend day");
            Assert.True(Cal.IsWorkingDay(r.Date), $"{r.Date} {r.Name} should be a working day");
        });
        Assert.All(Holidays2026.Rows.Where(r => r.Kind == "holiday"), r => Assert.False(Cal.IsWorkingDay(r.Date), $"{r.Date} {r.Name}"));
    }

    [Fact]
    public void Ordinary_weekends_are_not_working_days_and_ordinary_weekdays_are()
    {
        var listed = Holidays2026.Rows.Select(r => r.Date).ToHashSet();
        for (var day = D(1, 1); day.Year == 2026; day = day.AddDays(1))
        {
            if (listed.Contains(day)) continue;
            var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            Assert.True(Cal.IsWorkingDay(day) != weekend, $"{day} ({day.DayOfWeek})");
        }
        Assert.False(Cal.IsWorkingDay(D(1, 10)));
        Assert.False(Cal.IsWorkingDay(D(7, 5)));
        Assert.True(Cal.IsWorkingDay(D(7, 6)));
    }

    [Theory]
    [InlineData("2026-02-13", 1, "2026-02-14")] // the make-up Saturday is the next working day
    [InlineData("2026-02-13", 2, "2026-02-24")] // then the whole festival is skipped
    [InlineData("2026-02-12", 5, "2026-02-26")] // 13, 14, 24, 25, 26
    [InlineData("2026-02-14", 5, "2026-02-28")] // 24, 25, 26, 27, 28 (make-up Saturday)
    [InlineData("2026-02-14", 6, "2026-03-02")] // 1 March is an ordinary Sunday
    [InlineData("2026-02-18", 1, "2026-02-24")] // counting from inside the holiday
    [InlineData("2026-02-15", 0, "2026-02-15")] // zero days: the day itself, working or not
    public void AddWorkingDays_across_the_Spring_Festival(string start, int days, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), Cal.AddWorkingDays(DateOnly.Parse(start), days));

    [Theory]
    [InlineData("2026-09-18", 1, "2026-09-20")]  // Saturday off, make-up Sunday on
    [InlineData("2026-09-18", 5, "2026-09-24")]  // 20, 21, 22, 23, 24
    [InlineData("2026-09-24", 1, "2026-09-28")]  // 中秋节 25–27
    [InlineData("2026-09-30", 1, "2026-10-08")]  // 国庆节 1–7
    [InlineData("2026-09-30", 3, "2026-10-10")]  // 8, 9, 10 (make-up Saturday)
    [InlineData("2026-09-28", 5, "2026-10-10")]  // 29, 30, 8, 9, 10
    [InlineData("2026-09-30", 5, "2026-10-13")]  // 8, 9, 10, 12, 13 (11 is an ordinary Sunday)
    [InlineData("2026-09-24", 10, "2026-10-15")] // 28, 29, 30, 8, 9, 10, 12, 13, 14, 15
    public void AddWorkingDays_across_Mid_Autumn_and_National_Day(string start, int days, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), Cal.AddWorkingDays(DateOnly.Parse(start), days));

    [Fact]
    public void NextWorkingDay_is_strictly_after_the_date()
    {
        Assert.Equal(D(10, 8), Cal.NextWorkingDay(D(9, 30)));
        Assert.Equal(D(1, 5), Cal.NextWorkingDay(D(1, 4)));  // from the make-up Sunday to Monday
        Assert.Equal(D(1, 4), Cal.NextWorkingDay(D(1, 1)));  // 元旦 1–3, make-up Sunday 4 January
    }

    [Fact]
    public void WorkingDaysBetween_counts_the_days_after_from_through_to()
    {
        Assert.Equal(6, Cal.WorkingDaysBetween(D(2, 13), D(2, 28)));   // 14, 24, 25, 26, 27, 28
        Assert.Equal(0, Cal.WorkingDaysBetween(D(2, 14), D(2, 23)));
        Assert.Equal(3, Cal.WorkingDaysBetween(D(9, 30), D(10, 10)));
        Assert.Equal(10, Cal.WorkingDaysBetween(D(9, 24), D(10, 15)));
        Assert.Equal(-10, Cal.WorkingDaysBetween(D(10, 15), D(9, 24)));
        Assert.Equal(0, Cal.WorkingDaysBetween(D(5, 5), D(5, 5)));
        // 261 weekdays in 2026, 19 of them holidays, plus 6 make-up weekend days.
        Assert.Equal(248, Cal.WorkingDaysBetween(new DateOnly(2025, 12, 31), D(12, 31)));
    }

    [Fact]
    public void AddWorkingDays_agrees_with_stepping_day_by_day_for_every_start_in_2026()
    {
        for (var start = new DateOnly(2025, 12, 1); start.Year <= 2026; start = start.AddDays(1))
        {
            var day = start;
            for (var n = 1; n <= 30; n++)
            {
                do day = day.AddDays(1); while (!Cal.IsWorkingDay(day));
                Assert.Equal(day, Cal.AddWorkingDays(start, n));
                Assert.Equal(n, Cal.WorkingDaysBetween(start, day));
            }
        }
    }

    [Fact]
    public void Without_overrides_weekends_are_off_and_large_counts_stay_exact()
    {
        var plain = new WorkingCalendar([]);
        Assert.Equal(new DateOnly(2030, 1, 7), plain.NextWorkingDay(new DateOnly(2030, 1, 4))); // Friday → Monday
        Assert.Equal(new DateOnly(2029, 12, 31), plain.AddWorkingDays(new DateOnly(2025, 12, 31), 1043)); // 261 + 261 + 260 (2028 starts on a Saturday) + 261
        Assert.Equal(261, plain.WorkingDaysBetween(new DateOnly(2025, 12, 31), D(12, 31)));
    }

    [Fact]
    public void Negative_counts_and_repeated_dates_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Cal.AddWorkingDays(D(3, 2), -1));
        Assert.Throws<ArgumentException>(() => new WorkingCalendar([new(D(1, 1), DayKind.Holiday), new(D(1, 1), DayKind.Workday)]));
    }
}
