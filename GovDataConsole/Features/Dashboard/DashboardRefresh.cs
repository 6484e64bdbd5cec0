using GovDataConsole.Features.Collection;
using GovDataConsole.Features.Quality;
using GovDataConsole.Features.Rectification;

namespace GovDataConsole.Features.Dashboard;

/// <summary>
/// Tells an open dashboard to reload when a job that changes its numbers finishes: a batch imported, cleansed or failed, a
/// check run ended, or an order changed (every order action notifies someone). Bursts collapse into one reload after
/// <see cref="Delay"/>.
/// </summary>
public sealed class DashboardRefresh : IDisposable
{
    public static readonly TimeSpan DefaultDelay = TimeSpan.FromSeconds(1);

    private readonly BatchProgress batches;
    private readonly CheckProgress checks;
    private readonly NotificationUpdates notifications;
    private readonly Func<Task> reload;
    private readonly Lock gate = new();
    private CancellationTokenSource? pending;

    public DashboardRefresh(BatchProgress batches, CheckProgress checks, NotificationUpdates notifications, Func<Task> reload, TimeSpan? delay = null)
    {
        (this.batches, this.checks, this.notifications, this.reload, Delay) = (batches, checks, notifications, reload, delay ?? DefaultDelay);
        batches.Changed += OnBatch;
        checks.Changed += OnCheck;
        notifications.Changed += OnNotification;
    }

    public TimeSpan Delay { get; }

    public static bool Finishes(BatchProgressUpdate update) => update.Status is BatchStatus.Imported or BatchStatus.Cleansed or BatchStatus.Failed;

    public static bool Finishes(CheckProgressUpdate update) => update.Status is CheckRunStatus.Completed or CheckRunStatus.Failed or CheckRunStatus.Cancelled;

    private Task OnBatch(BatchProgressUpdate update) => Finishes(update) ? Schedule() : Task.CompletedTask;

    private Task OnCheck(CheckProgressUpdate update) => Finishes(update) ? Schedule() : Task.CompletedTask;

    private Task OnNotification(IReadOnlyList<string> _) => Schedule();

    private Task Schedule()
    {
        CancellationTokenSource next;
        lock (gate)
        {
            pending?.Cancel();
            pending = next = new CancellationTokenSource();
        }
        _ = RunAsync(next.Token);
        return Task.CompletedTask;
    }

    private async Task RunAsync(CancellationToken ct)
    {
        try
        {
            await Task.Delay(Delay, ct);
            await reload();
        }
        catch (OperationCanceledException)
        {
            // A later update restarted the wait.
        }
        catch (ObjectDisposedException)
        {
            // The page closed meanwhile.
        }
    }

    public void Dispose()
    {
        batches.Changed -= OnBatch;
        checks.Changed -= OnCheck;
        notifications.Changed -= OnNotification;
        lock (gate) pending?.Cancel();
    }
}
