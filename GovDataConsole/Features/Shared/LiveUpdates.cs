namespace GovDataConsole.Features.Shared;

/// <summary>
/// In-process notifier (eShop style): pages subscribe and call InvokeAsync(StateHasChanged); jobs publish.
/// Pages also read the stored state on load, so a page opened on another node still shows progress, just not pushed.
/// </summary>
public class LiveUpdates<TUpdate>
{
    public event Func<TUpdate, Task>? Changed;

    public async Task PublishAsync(TUpdate update)
    {
        if (Changed is not { } handlers) return;
        foreach (var handler in handlers.GetInvocationList().Cast<Func<TUpdate, Task>>())
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
