namespace GovDataConsole.Features.Account;

/// <summary>等保2.0 level-3 session settings (section "Security").</summary>
public sealed class SecurityOptions
{
    public int IdleTimeoutMinutes { get; set; } = 30;
    public int LockoutMinutes { get; set; } = 15;
    public int MaxFailedAttempts { get; set; } = 5;

    public TimeSpan IdleTimeout => TimeSpan.FromMinutes(IdleTimeoutMinutes);
    public TimeSpan KeepAliveInterval => TimeSpan.FromMinutes(Math.Max(1, IdleTimeoutMinutes / 6.0));
}
