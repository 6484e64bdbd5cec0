namespace GovDataConsole.Tests.Infrastructure;

/// <summary>A clock tests set to any moment, forwards or back (services take a <see cref="TimeProvider"/>).</summary>
public sealed class SettableClock(DateTimeOffset now = default) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
