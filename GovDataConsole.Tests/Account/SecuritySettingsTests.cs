using GovDataConsole.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GovDataConsole.Tests.Account;

/// <summary>The 等保 level-3 settings as the running app resolved them.</summary>
public sealed class SecuritySettingsTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    [Fact]
    public void Application_cookie_expires_after_30_idle_minutes_with_sliding_expiration()
    {
        var cookie = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);

        Assert.Equal(TimeSpan.FromMinutes(30), cookie.ExpireTimeSpan);
        Assert.True(cookie.SlidingExpiration);
        Assert.True(cookie.Cookie.HttpOnly);
        Assert.Equal("/account/login", cookie.LoginPath);
        Assert.Equal("/account/access-denied", cookie.AccessDeniedPath);
    }

    [Fact]
    public void Password_policy_requires_8_characters_with_upper_lower_digit_and_symbol()
    {
        var password = app.Services.GetRequiredService<IOptions<IdentityOptions>>().Value.Password;

        Assert.True(password.RequiredLength >= 8, $"RequiredLength is {password.RequiredLength}");
        Assert.True(password.RequireUppercase);
        Assert.True(password.RequireLowercase);
        Assert.True(password.RequireDigit);
        Assert.True(password.RequireNonAlphanumeric);
    }

    [Fact]
    public void Lockout_is_15_minutes_after_5_failures_and_applies_to_new_users()
    {
        var lockout = app.Services.GetRequiredService<IOptions<IdentityOptions>>().Value.Lockout;

        Assert.Equal(5, lockout.MaxFailedAccessAttempts);
        Assert.Equal(TimeSpan.FromMinutes(15), lockout.DefaultLockoutTimeSpan);
        Assert.True(lockout.AllowedForNewUsers);
    }
}
