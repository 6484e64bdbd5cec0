namespace GovDataConsole.Features.Rectification;

/// <summary>What a notification is about (催办, 督办, a new order, a state change).</summary>
public enum NotificationKind { OrderDispatched, OrderChanged, Reminder, Escalation }

/// <summary>An in-app message to one user (站内通知), read or unread.</summary>
public class Notification
{
    public long Id { get; private set; }
    public string UserName { get; private set; } = "";
    public NotificationKind Kind { get; private set; }
    public string Title { get; private set; } = "";
    public string Body { get; private set; } = "";
    public string? Link { get; private set; }
    public DateTime CreatedUtc { get; private set; }
    public DateTime? ReadUtc { get; private set; }

    private Notification() { }

    public Notification(string userName, NotificationKind kind, string title, string body, string? link, DateTime utc) =>
        (UserName, Kind, Title, Body, Link, CreatedUtc) = (userName, kind, title, body, link, utc);

    public void MarkRead(DateTime utc) => ReadUtc ??= utc;
}
