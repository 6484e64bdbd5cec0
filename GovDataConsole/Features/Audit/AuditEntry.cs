namespace GovDataConsole.Features.Audit;

/// <summary>One append-only audit record. The database refuses updates and deletes (see the migrations' triggers).</summary>
public class AuditEntry
{
    public long Id { get; private set; }
    public DateTime TimeUtc { get; private set; }
    public string Category { get; private set; } = "";
    public string Action { get; private set; } = "";
    public bool Succeeded { get; private set; }
    public string? UserId { get; private set; }
    public string UserName { get; private set; } = "";
    public string? IpAddress { get; private set; }
    public string? Target { get; private set; }
    public string? Detail { get; private set; }

    private AuditEntry() { }

    public AuditEntry(string category, string action, bool succeeded, string? userId, string userName,
        string? ipAddress, string? target = null, string? detail = null)
    {
        TimeUtc = DateTime.UtcNow;
        Category = category;
        Action = action;
        Succeeded = succeeded;
        UserId = userId;
        UserName = userName;
        IpAddress = ipAddress;
        Target = target;
        Detail = detail;
    }
}
