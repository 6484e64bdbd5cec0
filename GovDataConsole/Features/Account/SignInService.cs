using System.Security.Claims;
using GovDataConsole.Features.Audit;
using GovDataConsole.Features.Organization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Features.Account;

public sealed record SignInOutcome(bool Succeeded, string? Error);

/// <summary>Password sign-in with lockout, and sign-out; every outcome is audited with the client address.</summary>
public sealed class SignInService(SignInManager<AppUser> signIn, AuditLog audit, IHttpContextAccessor http)
{
    public async Task<SignInOutcome> SignInAsync(string userName, string password, CancellationToken ct)
    {
        var ip = http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        userName = userName.Trim();
        var user = await signIn.UserManager.Users.Include(u => u.Department).FirstOrDefaultAsync(u => u.UserName == userName, ct);
        if (user is null)
        {
            await audit.WriteSignInAsync(AuditActions.SignInFailed, false, null, userName, ip, T.Audit_UnknownUser, ct);
            return new(false, T.SignIn_Failed);
        }
        if (user.Department is { Enabled: false })
        {
            await audit.WriteSignInAsync(AuditActions.SignInFailed, false, user.Id, userName, ip, T.SignIn_DepartmentDisabled, ct);
            return new(false, T.SignIn_DepartmentDisabled);
        }

        var wasLocked = await signIn.UserManager.IsLockedOutAsync(user);
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(ConsoleClaims.SignInIp, ip ?? "")]);
            await audit.WriteSignInAsync(AuditActions.SignIn, true, user.Id, userName, ip, null, ct);
            return new(true, null);
        }
        if (result.IsLockedOut)
        {
            var minutes = signIn.Options.Lockout.DefaultLockoutTimeSpan.TotalMinutes;
            await audit.WriteSignInAsync(AuditActions.LockedOut, false, user.Id, userName, ip,
                wasLocked ? T.Audit_AttemptWhileLocked : T.Audit_LockedNow, ct);
            return new(false, string.Format(T.SignIn_LockedOut, minutes));
        }
        await audit.WriteSignInAsync(AuditActions.SignInFailed, false, user.Id, userName, ip, T.Audit_WrongPassword, ct);
        var left = signIn.Options.Lockout.MaxFailedAccessAttempts - await signIn.UserManager.GetAccessFailedCountAsync(user);
        return new(false, string.Format(T.SignIn_FailedWithAttemptsLeft, left));
    }

    public async Task SignOutAsync(bool idle, CancellationToken ct)
    {
        var principal = http.HttpContext?.User;
        if (principal?.Identity?.IsAuthenticated == true)
        {
            var user = CurrentUser.FromPrincipal(principal);
            await audit.WriteSignInAsync(idle ? AuditActions.IdleSignOut : AuditActions.SignOut, true, user.UserId, user.UserName,
                http.HttpContext?.Connection.RemoteIpAddress?.ToString(), null, ct);
        }
        await signIn.SignOutAsync();
    }
}
