using GovDataConsole.Data;
using GovDataConsole.Features.Organization;
using GovDataConsole.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace GovDataConsole.Features.Rectification;

/// <summary>A row of the inbox.</summary>
public sealed record NotificationRow(long Id, NotificationKind Kind, string Title, string Body, string? Link, DateTime CreatedUtc, bool Read);

/// <summary>Who just got notifications, pushed so open pages refresh their unread badge.</summary>
public sealed class NotificationUpdates : LiveUpdates<IReadOnlyList<string>>;

/// <summary>The signed-in user's own inbox: nobody reads or marks anyone else's notifications.</summary>
public sealed class NotificationService(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, TimeProvider clock)
{
    public async Task<int> UnreadCountAsync(CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Notifications.CountAsync(n => n.UserName == user.UserName && n.ReadUtc == null, ct);
    }

    public async Task<GridPage<NotificationRow>> ListAsync(GridRequest page, bool unreadOnly, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Notifications.AsNoTracking().Where(n => n.UserName == user.UserName && (!unreadOnly || n.ReadUtc == null));
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(n => n.Id).Skip(page.Skip).Take(page.Take)
            .Select(n => new NotificationRow(n.Id, n.Kind, n.Title, n.Body, n.Link, n.CreatedUtc, n.ReadUtc != null)).ToListAsync(ct);
        return new GridPage<NotificationRow>(rows, total);
    }

    /// <summary>Marks one (or, with null, every) unread notification of the user read.</summary>
    public async Task MarkReadAsync(long? id, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Notifications.Where(n => n.UserName == user.UserName && n.ReadUtc == null && (id == null || n.Id == id))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadUtc, now), ct);
    }
}
