namespace GovDataConsole.Features.Collection;

/// <summary>A batch's live counters, pushed from the import job to the pages that show that batch.</summary>
public sealed record BatchProgressUpdate(int BatchId, BatchStatus Status, int RowsRead, int RowsAccepted, int RowsRejected, int Percent);

/// <summary>
/// In-process notifier (eShop style): pages subscribe and call InvokeAsync(StateHasChanged); the job publishes.
/// Pages also read the batch row on load, so a page opened mid-import on another node still shows the stored progress.
/// </summary>
public sealed class BatchProgress
{
    public event Func<BatchProgressUpdate, Task>? Changed;

    public async Task PublishAsync(BatchProgressUpdate update)
    {
        if (Changed is not { } handlers) return;
        foreach (var handler in handlers.GetInvocationList().Cast<Func<BatchProgressUpdate, Task>>())
        {
            try
            {
                await handler(update);
            }
            catch (ObjectDisposedException)
            {
                // A page closed while we were notifying it.
            }
        }
    }
}
