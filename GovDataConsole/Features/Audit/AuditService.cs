using System.Linq.Expressions;
using GovDataConsole.Data;
using GovDataConsole.Features.Organization;
using GovDataConsole.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace GovDataConsole.Features.Audit;

public sealed record AuditRow(long Id, DateTime TimeUtc, string Category, string Action, bool Succeeded, string UserName,
    string? IpAddress, string? Target, string? Detail);

public sealed record AuditQuery : GridRequest
{
    public string? UserName { get; init; }
    public string? Category { get; init; }
    public string? Action { get; init; }
    public bool? Succeeded { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
}

/// <summary>Reads the audit trail (admins only). There is deliberately no method that changes it.</summary>
public sealed class AuditService(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser)
{
    private static readonly Dictionary<string, Expression<Func<AuditEntry, object?>>> Sortable = new()
    {
        [nameof(AuditRow.TimeUtc)] = x => x.TimeUtc,
        [nameof(AuditRow.UserName)] = x => x.UserName,
        [nameof(AuditRow.Action)] = x => x.Action,
        [nameof(AuditRow.IpAddress)] = x => x.IpAddress,
    };

    public async Task<GridPage<AuditRow>> ListAsync(AuditQuery query, CancellationToken ct)
    {
        (await currentUser.GetAsync()).EnsureRole(Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.UserName)) entries = entries.Where(e => e.UserName.Contains(query.UserName.Trim()));
        if (!string.IsNullOrWhiteSpace(query.Category)) entries = entries.Where(e => e.Category == query.Category);
        if (!string.IsNullOrWhiteSpace(query.Action)) entries = entries.Where(e => e.Action == query.Action);
        if (query.Succeeded is bool ok) entries = entries.Where(e => e.Succeeded == ok);
        if (query.From is DateOnly from) entries = entries.Where(e => e.TimeUtc >= ChinaTime.StartOfDayUtc(from));
        if (query.To is DateOnly to) entries = entries.Where(e => e.TimeUtc < ChinaTime.StartOfDayUtc(to.AddDays(1)));
        return await entries.ToGridPageAsync(query with { Descending = query.SortBy is null || query.Descending }, Sortable, nameof(AuditRow.TimeUtc),
            e => new AuditRow(e.Id, e.TimeUtc, e.Category, e.Action, e.Succeeded, e.UserName, e.IpAddress, e.Target, e.Detail), ct);
    }
}
