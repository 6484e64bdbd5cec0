using System.Security.Cryptography;
using GovDataConsole.Data;

namespace GovDataConsole.Features.Shared;

public sealed record StoredFile(string RelativePath, string Sha256, long Size);

/// <summary>Uploaded files under the data folder (a shared volume when several nodes run), addressed by relative path.</summary>
public sealed class FileStore(DatabaseOptions options, IWebHostEnvironment environment)
{
    private string Root => Path.Combine(options.ResolveDataDirectory(environment.ContentRootPath), "files");

    /// <summary>Copies <paramref name="content"/> to a new file, hashing it on the way; refuses past <paramref name="maxBytes"/>.</summary>
    public async Task<StoredFile> SaveAsync(Stream content, string folder, string extension, long maxBytes, CancellationToken ct)
    {
        var relative = Path.Combine(folder, ChinaTime.Today.ToString("yyyyMM"), $"{Guid.NewGuid():N}{extension}");
        var path = FullPath(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long size = 0;
        await using (var file = File.Create(path))
        {
            int read;
            while ((read = await content.ReadAsync(buffer, ct)) > 0)
            {
                size += read;
                if (size > maxBytes)
                {
                    file.Close();
                    File.Delete(path);
                    throw new BusinessRuleException(string.Format(Resources.UiText.Excel_UploadTooLarge, maxBytes / (1024 * 1024)));
                }
                sha.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }
        return new StoredFile(relative, Convert.ToHexStringLower(sha.GetHashAndReset()), size);
    }

    public string FullPath(string relativePath)
    {
        var path = Path.GetFullPath(Path.Combine(Root, relativePath));
        if (!path.StartsWith(Path.GetFullPath(Root), StringComparison.Ordinal)) throw new ArgumentException("Path escapes the file store.", nameof(relativePath));
        return path;
    }

    public void Delete(string relativePath)
    {
        var path = FullPath(relativePath);
        if (File.Exists(path)) File.Delete(path);
    }
}
