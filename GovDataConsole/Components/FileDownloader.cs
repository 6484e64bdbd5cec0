using Microsoft.JSInterop;

namespace GovDataConsole.Components;

/// <summary>Sends a generated file to the browser as a download.</summary>
public sealed class FileDownloader(IJSRuntime js)
{
    public async Task SaveAsync(string fileName, byte[] content)
    {
        using var streamRef = new DotNetStreamReference(new MemoryStream(content));
        await js.InvokeVoidAsync("govDownload", fileName, streamRef);
    }
}
