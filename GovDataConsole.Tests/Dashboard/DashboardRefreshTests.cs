using GovDataConsole.Features.Collection;
using GovDataConsole.Features.Dashboard;
using GovDataConsole.Features.Quality;
using GovDataConsole.Features.Rectification;

namespace GovDataConsole.Tests.Dashboard;

/// <summary>Dashboards reload once after a burst of finishing jobs, and not for progress that changes none of their numbers.</summary>
public sealed class DashboardRefreshTests
{
    private readonly BatchProgress batches = new();
    private readonly CheckProgress checks = new();
    private readonly NotificationUpdates notifications = new();
    private int reloads;

    private DashboardRefresh Refresh() => new(batches, checks, notifications, () => { Interlocked.Increment(ref reloads); return Task.CompletedTask; },
        TimeSpan.FromMilliseconds(100));

    [Fact]
    public async Task Progress_of_running_jobs_does_not_reload()
    {
        using var refresh = Refresh();
        await batches.PublishAsync(new BatchProgressUpdate(1, BatchStatus.Parsing, 10, 10, 0, 50));
        await batches.PublishAsync(new BatchProgressUpdate(1, BatchStatus.Cleansing, 10, 10, 0, 50));
        await checks.PublishAsync(new CheckProgressUpdate(1, 1, CheckRunStatus.Running, 1, 2, 10));

        await Task.Delay(400, TestContext.Current.CancellationToken);

        Assert.Equal(0, reloads);
    }

    [Fact]
    public async Task A_burst_of_finished_jobs_and_order_changes_reloads_once()
    {
        using var refresh = Refresh();
        await batches.PublishAsync(new BatchProgressUpdate(1, BatchStatus.Cleansed, 10, 10, 0, 100));
        await checks.PublishAsync(new CheckProgressUpdate(2, 1, CheckRunStatus.Completed, 2, 2, 10));
        await checks.PublishAsync(new CheckProgressUpdate(3, 1, CheckRunStatus.Failed, 1, 2, 5));
        await notifications.PublishAsync(["gongan"]);

        await Task.Delay(600, TestContext.Current.CancellationToken);

        Assert.Equal(1, reloads);
    }

    [Fact]
    public async Task A_closed_dashboard_no_longer_listens()
    {
        Refresh().Dispose();

        await batches.PublishAsync(new BatchProgressUpdate(1, BatchStatus.Failed, 0, 0, 0, 0));
        await Task.Delay(300, TestContext.Current.CancellationToken);

        Assert.Equal(0, reloads);
    }
}
