using GovDataConsole.Data;
using GovDataConsole.Features.Organization;
using Microsoft.EntityFrameworkCore;

namespace GovDataConsole.Features.Audit;

/// <summary>Appends audit records for the acting user, with the client address of the request or of the sign-in.</summary>
public sealed class AuditLog(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, IHttpContextAccessor http)
{
    /// <summary>Writes one record in its own transaction.</summary>
    public async Task WriteAsync(string category, string action, string? target, string? detail, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await StageAsync(db, category, action, target, detail);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Adds a record to <paramref name="db"/> so it commits (or not) with the change it describes.</summary>
    public async Task StageAsync(AppDbContext db, string category, string action, string? target, string? detail)
    {
        var user = await currentUser.GetAsync();
        var ip = http.HttpContext?.Connection.RemoteIpAddress?.ToString()
            ?? http.HttpContext?.User.FindFirst(ConsoleClaims.SignInIp)?.Value;
        db.AuditEntries.Add(new AuditEntry(category, action, true, user.UserId, user.UserName, ip, Truncate(target, 200), Truncate(detail)));
    }

    /// <summary>Records a sign-in event for a user name that may not (yet) be authenticated.</summary>
    public async Task WriteSignInAsync(string action, bool succeeded, string? userId, string userName, string? ip, string? detail, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditEntries.Add(new AuditEntry(AuditActions.SignInCategory, action, succeeded, userId, Truncate(userName, 256)!, ip, null, detail));
        await db.SaveChangesAsync(ct);
    }

    private static string? Truncate(string? value, int max = 4000) => value is null || value.Length <= max ? value : value[..max];
}
