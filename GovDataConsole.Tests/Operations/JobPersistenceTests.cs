using GovDataConsole.Features.Operations;
using GovDataConsole.Tests.Infrastructure;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovDataConsole.Tests.Operations;

/// <summary>Hangfire keeps some process-wide state (log provider); hosts running a job server are tested alone.</summary>
[CollectionDefinition(nameof(JobServerCollection), DisableParallelization = true)]
public sealed class JobServerCollection;

/// <summary>Jobs live in the SQLite job storage: one enqueued before a restart runs after it.</summary>
[Collection(nameof(JobServerCollection))]
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

        if (state != SucceededState.StateName)
        {
            var monitoring = storage.GetMonitoringApi();
            var history = monitoring.JobDetails(jobId)?.History.Select(h => $"{h.StateName}: {h.Reason} {string.Join(", ", h.Data.Select(d => $"{d.Key}={d.Value}"))}");
            Assert.Fail($"Job {jobId} is {state ?? "missing"} after 60 s; servers={monitoring.Servers().Count}; history:\n{string.Join("\n", history ?? [])}");
        }
        await using var check = ActAs.Db(after.Services);
        var beat = await check.Heartbeats.SingleAsync(b => b.Node == HeartbeatJob.NodeName, Ct);
        Assert.True(beat.LastBeatUtc > DateTime.UtcNow.AddMinutes(-2));
    }

    [Fact]
    public async Task Each_host_activates_jobs_from_its_own_services_even_when_another_host_was_configured_later()
    {
        await using var first = new ConsoleAppFactory();
        first.Services.GetRequiredService<IGlobalConfiguration>();
        await using var second = new ConsoleAppFactory();
        second.Services.GetRequiredService<IGlobalConfiguration>(); // Hangfire's JobActivator.Current now belongs to the second host

        var activator = first.Services.GetRequiredService<JobActivator>();
        var storage = first.Services.GetRequiredService<JobStorage>();
        using var connection = storage.GetConnection();
        var job = new BackgroundJob("probe", Job.FromExpression<HeartbeatJob>(j => j.RunAsync(CancellationToken.None)), DateTime.UtcNow);
        using var scope = activator.BeginScope(new JobActivatorContext(connection, job, new JobCancellationToken(false)));

        Assert.Same(first.Services.GetRequiredService<IDbContextFactory<GovDataConsole.Data.AppDbContext>>(),
            scope.Resolve(typeof(IDbContextFactory<GovDataConsole.Data.AppDbContext>)));
    }
}
