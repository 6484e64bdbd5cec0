using GovDataConsole.Data;
using Microsoft.EntityFrameworkCore;

namespace GovDataConsole.Features.Operations;

/// <summary>Records that this node's job server is alive. Idempotent: it only moves one timestamp forward.</summary>
public sealed class HeartbeatJob(IDbContextFactory<AppDbContext> dbFactory)
{
    public static string NodeName => Environment.MachineName;

    public async Task RunAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var beat = await db.Heartbeats.FindAsync([NodeName], ct);
        if (beat is null) db.Heartbeats.Add(beat = new Heartbeat(NodeName));
        beat.Beat(DateTime.UtcNow);
        await db.SaveChangesAsync(ct);
    }
}
