using GovDataConsole.Features.Operations;
using GovDataConsole.Tests.Infrastructure;
using Hangfire;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovDataConsole.Tests.Operations;

/// <summary>Jobs live in the SQLite job storage: one enqueued before a restart runs after it.</summary>
public sealed class JobPersistenceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_job_enqueued_before_a_restart_runs_after_it()
    {
        var folder = TempFolder.Create("jobs");
        string jobId;
        await using (var before = new ConsoleAppFactory(folder, jobServer: false))
        {
            jobId = before.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<HeartbeatJob>(j => j.RunAsync(CancellationToken.None));
            using var connection = before.Services.GetRequiredService<JobStorage>().GetConnection();
            Assert.Equal(EnqueuedState.StateName, connection.GetStateData(jobId)?.Name);
            await using var db = ActAs.Db(before.Services);
            Assert.False(await db.Heartbeats.AnyAsync(Ct)); // nothing ran it: this host has no job server
        }

        await using var after = new ConsoleAppFactory(folder, jobServer: true);
        var storage = after.Services.GetRequiredService<JobStorage>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        string? state = null;
        while (DateTime.UtcNow < deadline)
        {
            using (var connection = storage.GetConnection())
                state = connection.GetStateData(jobId)?.Name;
            if (state == SucceededState.StateName || state == FailedState.StateName) break;
            await Task.Delay(250, Ct);
        }

        Assert.Equal(SucceededState.StateName, state);
        await using var check = ActAs.Db(after.Services);
        var beat = await check.Heartbeats.SingleAsync(b => b.Node == HeartbeatJob.NodeName, Ct);
        Assert.True(beat.LastBeatUtc > DateTime.UtcNow.AddMinutes(-2));
    }
}
