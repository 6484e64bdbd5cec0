using GovDataConsole.Data;
using GovDataConsole.Features.Organization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovDataConsole.Tests.Infrastructure;

/// <summary>
/// Drives the app's services outside a request, as a Blazor circuit would: a DI scope whose
/// AuthenticationStateProvider holds the real principal Identity builds for the user (role and department claims).
/// </summary>
public static class ActAs
{
    public static async Task<AsyncServiceScope> UserAsync(IServiceProvider services, string userName)
    {
        var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var user = await sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(userName)
            ?? throw new InvalidOperationException($"No user {userName}.");
        var principal = await sp.GetRequiredService<SignInManager<AppUser>>().CreateUserPrincipalAsync(user);
        var provider = (IHostEnvironmentAuthenticationStateProvider)sp.GetRequiredService<AuthenticationStateProvider>();
        provider.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return scope;
    }

    /// <summary>A fresh context on the app's database, for asserting what was (not) written.</summary>
    public static AppDbContext Db(IServiceProvider services) =>
        services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
}
