using GovDataConsole.Cleansing;

namespace GovDataConsole.Tests.Cleansing;

public sealed class DateCleanserTests
{
    [Theory]
    [InlineData("2026/1/5", "2026-01-05")]
    [InlineData("2026/01/05", "2026-01-05")]
    [InlineData("2026.01.05", "2026-01-05")]
    [InlineData("2026.1.5", "2026-01-05")]
    [InlineData("2026-1-5", "2026-01-05")]
    [InlineData("20260105", "2026-01-05")]
    [InlineData("2026年1月5日", "2026-01-05")]
    [InlineData("2026年01月05号", "2026-01-05")]
    [InlineData("2026年1月5", "2026-01-05")]
    [InlineData("２０２６年１月５日", "2026-01-05")]
    [InlineData("２０２６／１／５", "2026-01-05")]
    [InlineData(" 2026-01-05 ", "2026-01-05")]
    [InlineData("2024/2/29", "2024-02-29")]
    [InlineData("2026/1/5 8:30", "2026-01-05")]
    [InlineData("2026-01-05T08:30:00", "2026-01-05")]
    [InlineData("46027", "2026-01-05")]
    [InlineData("46027.354166666664", "2026-01-05")]
    [InlineData("36525", "1999-12-31")]
    [InlineData("10000", "1927-05-18")]
    public void Date_styles_become_iso_dates(string raw, string expected) =>
        Assert.Equal(expected, Clean.With(CleanserKind.Date, raw));

    [Theory]
    [InlineData("2026/1/5", "2026-01-05 00:00:00")]
    [InlineData("2026/1/5 8:30", "2026-01-05 08:30:00")]
    [InlineData("2026-01-05 08:30:15", "2026-01-05 08:30:15")]
    [InlineData("2026-01-05T08:30:15", "2026-01-05 08:30:15")]
    [InlineData("2026-01-05 08:30:15.789", "2026-01-05 08:30:15")]
    [InlineData("2026.01.05  23:59:59", "2026-01-05 23:59:59")]
    [InlineData("2026年1月5日 8:05", "2026-01-05 08:05:00")]
    [InlineData("2026年1月5日8:05:09", "2026-01-05 08:05:09")]
    [InlineData("２０２６年１月５日\u3000８：３０", "2026-01-05 08:30:00")]
    [InlineData("202601050830", "2026-01-05 08:30:00")]
    [InlineData("20260105083015", "2026-01-05 08:30:15")]
    [InlineData("46027.5", "2026-01-05 12:00:00")]
    // 0.354166666 × 86 400 = 30 599.99994 s, rounded to 30 600 s = 08:30:00
    [InlineData("46027.354166666", "2026-01-05 08:30:00")]
    [InlineData("46027.99999999", "2026-01-06 00:00:00")]
    [InlineData("46027", "2026-01-05 00:00:00")]
    public void Date_time_styles_become_iso_date_times(string raw, string expected) =>
        Assert.Equal(expected, Clean.With(CleanserKind.DateTime, raw));

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("2025/2/29")]
    [InlineData("2026-13-01")]
    [InlineData("2026-00-10")]
    [InlineData("0000-00-00")]
    [InlineData("20261305")]
    [InlineData("2026-1/5")]
    [InlineData("2026年1-5")]
    [InlineData("2026-001-05")]
    [InlineData("26/1/5")]
    [InlineData("1/5/2026")]
    [InlineData("2026")]
    [InlineData("4602")]
    [InlineData("460270")]
    [InlineData("46027.")]
    [InlineData("2026-01-05 24:00")]
    [InlineData("2026-01-05 08:60")]
    [InlineData("2026-01-05 08")]
    [InlineData("2026-01-05 08:30:00.")]
    [InlineData("2026-01-05 08:30 上午")]
    [InlineData("2026-01-0508:30")]
    [InlineData("20260105 0830")]
    [InlineData("2026-01-05+08:00")]
    [InlineData("无")]
    [InlineData("")]
    [InlineData("   ")]
    public void Unreadable_values_come_back_as_the_same_instance(string value)
    {
        Assert.Same(value, Clean.With(CleanserKind.Date, value));
        Assert.Same(value, Clean.With(CleanserKind.DateTime, value));
    }

    [Fact]
    public void Iso_values_come_back_as_the_same_instance()
    {
        const string date = "2026-01-05", dateTime = "2026-01-05 08:30:00";
        Assert.Same(date, Clean.With(CleanserKind.Date, date));
        Assert.Same(dateTime, Clean.With(CleanserKind.DateTime, dateTime));
    }

    [Fact]
    public void The_parser_reports_whether_a_time_was_given()
    {
        Assert.True(FlexibleDate.TryParse("2026年1月5日", out var date, out var dateHasTime));
        Assert.Equal(new DateTime(2026, 1, 5), date);
        Assert.False(dateHasTime);
        Assert.True(FlexibleDate.TryParse("46027.25", out var serial, out var serialHasTime));
        Assert.Equal(new DateTime(2026, 1, 5, 6, 0, 0), serial);
        Assert.True(serialHasTime);
    }
}
