using GovDataConsole.Data;
using GovDataConsole.Features.Organization;
using Microsoft.EntityFrameworkCore;

namespace GovDataConsole.Features.Rectification;

/// <summary>A message to a set of users; every registered <see cref="INotificationSender"/> delivers it its own way.</summary>
public sealed record NotificationMessage(IReadOnlyList<string> UserNames, NotificationKind Kind, string Title, string Body, string? Link);

/// <summary>A delivery channel. The in-app inbox is always registered; a deployment adds e-mail or SMS by registering another.</summary>
public interface INotificationSender
{
    Task SendAsync(NotificationMessage message, CancellationToken ct);
}

/// <summary>Writes one inbox row per recipient and tells open pages.</summary>
public sealed class InAppNotificationSender(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, NotificationUpdates updates) : INotificationSender
{
    public async Task SendAsync(NotificationMessage message, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        db.Notifications.AddRange(message.UserNames.Distinct().Select(u => new Notification(u, message.Kind, message.Title, message.Body, message.Link, now)));
        await db.SaveChangesAsync(ct);
        await updates.PublishAsync(message.UserNames);
    }
}

/// <summary>Resolves recipients (a department's staff, everyone in a role) and hands the message to every sender.</summary>
public sealed class Notifier(IDbContextFactory<AppDbContext> dbFactory, IEnumerable<INotificationSender> senders)
{
    public async Task SendAsync(NotificationMessage message, CancellationToken ct)
    {
        if (message.UserNames.Count == 0) return;
        foreach (var sender in senders) await sender.SendAsync(message, ct);
    }

    /// <summary>User names of a department's staff accounts.</summary>
    public async Task<IReadOnlyList<string>> DepartmentStaffAsync(int departmentId, CancellationToken ct) =>
        await UsersAsync(Roles.DepartmentStaff, departmentId, ct);

    /// <summary>User names of everyone in a role.</summary>
    public async Task<IReadOnlyList<string>> InRoleAsync(string role, CancellationToken ct) => await UsersAsync(role, null, ct);

    private async Task<List<string>> UsersAsync(string role, int? departmentId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await (from u in db.Users
                      join ur in db.UserRoles on u.Id equals ur.UserId
                      join r in db.Roles on ur.RoleId equals r.Id
                      where r.Name == role && (departmentId == null || u.DepartmentId == departmentId)
                      select u.UserName!).ToListAsync(ct);
    }
}
