using GovDataConsole.Data;
using GovDataConsole.Features.Organization;
using Microsoft.EntityFrameworkCore;

namespace GovDataConsole.Features.Audit;

/// <summary>Appends audit records for the acting user, with the client address of the request or of the sign-in.</summary>
public sealed class AuditLog(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, IHttpContextAccessor http)
{
    public async Task WriteAsync(string category, string action, string? target, string? detail, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        var ip = http.HttpContext?.Connection.RemoteIpAddress?.ToString()
            ?? http.HttpContext?.User.FindFirst(ConsoleClaims.SignInIp)?.Value;
        await AppendAsync(new AuditEntry(category, action, true, user.UserId, user.UserName, ip, target, Truncate(detail)), ct);
    }

    /// <summary>Records a sign-in event for a user name that may not (yet) be authenticated.</summary>
    public Task WriteSignInAsync(string action, bool succeeded, string? userId, string userName, string? ip, string? detail, CancellationToken ct) =>
        AppendAsync(new AuditEntry(AuditActions.SignInCategory, action, succeeded, userId, Truncate(userName, 256)!, ip, null, detail), ct);

    private async Task AppendAsync(AuditEntry entry, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync(ct);
    }

    private static string? Truncate(string? value, int max = 4000) => value is null || value.Length <= max ? value : value[..max];
}
