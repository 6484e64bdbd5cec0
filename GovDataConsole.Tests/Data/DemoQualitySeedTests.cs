using GovDataConsole.Data;
using GovDataConsole.Features.Collection;
using GovDataConsole.Features.Quality;
using GovDataConsole.Features.Rectification;
using GovDataConsole.Quality;
using GovDataConsole.Tests.Infrastructure;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovDataConsole.Tests.Data;

/// <summary>The demo seed leaves real check results: runs per batch and per resource, current problems, exceptions.</summary>
public sealed class DemoQualitySeedTests(QualityDemoApp app) : IClassFixture<QualityDemoApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_demo_batch_is_cleansed_and_checked_with_scores()
    {
        _ = app.Services;
        await using var db = ActAs.Db(app.Services);
        var batches = await db.DataBatches.AsNoTracking().ToListAsync(Ct);
        Assert.NotEmpty(batches);
        Assert.All(batches, b => Assert.Equal(BatchStatus.Cleansed, b.Status));
        Assert.All(batches, b => Assert.NotNull(b.CheckRunId));

        var runs = await db.CheckRuns.AsNoTracking().ToListAsync(Ct);
        Assert.All(runs, r => Assert.Equal(CheckRunStatus.Completed, r.Status));
        Assert.All(runs, r => Assert.NotNull(r.Score));
        Assert.All(runs, r => Assert.Contains("Completeness", r.DimensionScoresJson));
        Assert.Equal(batches.Count, runs.Count(r => r.BatchId != null));
        Assert.Equal(2, runs.Count(r => r.BatchId == null));
        // Several runs of one resource, with a score that moves.
        Assert.Contains(runs.GroupBy(r => r.DataResourceId), g => g.Count() > 5 && g.Select(r => r.Score).Distinct().Count() > 1);
    }

    [Fact]
    public async Task Current_problems_come_from_several_rules_and_two_are_exceptions()
    {
        await using var db = ActAs.Db(app.Services);
        var current = await db.Problems.AsNoTracking().Where(p => db.DataBatches.Any(b => b.Id == p.BatchId && b.CheckRunId == p.RunId)).ToListAsync(Ct);
        Assert.True(current.Select(p => p.RuleKey).Distinct().Count() >= 3);
        Assert.Contains(current, p => p.RecordId is null); // a late batch

        var exceptions = await db.QualityExceptions.AsNoTracking().ToListAsync(Ct);
        Assert.Equal(2, exceptions.Count);
        Assert.All(exceptions, e => Assert.Equal("steward", e.CreatedBy));
        Assert.All(exceptions, e => Assert.Contains(current, p => p.RecordId == e.RecordId && p.RuleKey == e.RuleKey && p.Status == ProblemStatus.Exception));
    }

    [Fact]
    public async Task Rules_bindings_and_the_nightly_schedule_are_seeded_once()
    {
        await using (var db = ActAs.Db(app.Services))
        {
            Assert.Equal(3, await db.QualityRuleSets.CountAsync(Ct));
            Assert.Equal(2, await db.QualityBindings.CountAsync(Ct));
            var settings = await db.QualitySettings.AsNoTracking().OrderBy(s => s.DataResourceId).ToListAsync(Ct);
            Assert.Equal([("0 2 * * *", AutoOrderMode.CriticalOnly), (null, AutoOrderMode.CriticalOnly)], settings.Select(s => (s.Cron, s.AutoOrders)));
            // The two resource-wide runs dispatched their 严重 problems to the owning departments as work orders.
            var orders = await db.WorkOrders.AsNoTracking().ToListAsync(Ct);
            Assert.Equal(2, orders.Count);
            Assert.All(orders, o => Assert.Equal((WorkOrderStatus.Dispatched, RuleSeverity.Critical, "system"), (o.Status, o.Severity, o.CreatedBy)));
            Assert.All(orders, o => Assert.NotNull(o.DueDate));
        }

        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoQualitySeed>().SeedAsync(Ct);
        await using var after = ActAs.Db(app.Services);
        Assert.Equal(3, await after.QualityRuleSets.CountAsync(Ct));
        Assert.Equal(2, await after.QualityExceptions.CountAsync(Ct));
    }

    [Fact]
    public void The_cleansing_and_check_jobs_queued_while_seeding_are_deleted()
    {
        var monitoring = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var queued = monitoring.Queues().SelectMany(q => monitoring.EnqueuedJobs(q.Name, 0, int.MaxValue))
            .Where(j => j.Value.Job?.Type == typeof(GovDataConsole.Features.Cleansing.BatchCleansingJob) || j.Value.Job?.Type == typeof(QualityCheckJob)).ToList();
        Assert.NotEmpty(queued);
        // The queue keeps the entries; a worker skips a job whose current state is Deleted.
        Assert.All(queued, j => Assert.Equal("Deleted", monitoring.JobDetails(j.Key).History[0].StateName));
    }
}

/// <summary>The demo with its quality part seeded (rules, bindings, runs), as a newcomer's console starts.</summary>
public sealed class QualityDemoApp() : ConsoleAppFactory(demoQuality: true);
