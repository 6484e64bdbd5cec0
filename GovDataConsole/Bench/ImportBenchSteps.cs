using System.Text.Json;
using GovDataConsole.Data;
using GovDataConsole.Features.Collection;
using GovDataConsole.Features.Shared;
using GovDataConsole.Hosting;
using GovDataConsole.Ingest;
using Microsoft.EntityFrameworkCore;

namespace GovDataConsole.Bench;

/// <summary>
/// The measured steps of <c>bench import</c>, each run inside its own child process: a bare SAX read of the xlsx (the
/// baseline), or a full import through <see cref="BatchImportJob.RunAsync"/> on a fresh SQLite database in its own folder.
/// A small warm-up file goes through the same path first so JIT and EF query compilation (paid once per process in a
/// long-running job server) stay out of the figure.
/// </summary>
internal static class ImportBenchSteps
{
    public const string SaxOpenXml = "sax-openxml", SaxXmlReader = "sax-xmlreader", Xlsx = "xlsx", Csv = "csv";

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [SaxOpenXml] = "xlsx 裸SAX读 (OpenXmlReader，基线)",
        [SaxXmlReader] = "xlsx 裸SAX读 (XmlReader，参考)",
        [Xlsx] = "xlsx 完整导入",
        [Csv] = "csv 完整导入",
    };

    public static async Task<StepResult> RunAsync(string step, string file, string? warmup, string dataDirectory)
    {
        var label = Labels[step];
        switch (step)
        {
            case SaxOpenXml or SaxXmlReader:
                var parser = step == SaxOpenXml ? SaxParser.OpenXmlReader : SaxParser.XmlReader;
                if (warmup is not null) BareSaxRead.Count(warmup, parser);
                return await StepResult.MeasureAsync(step, label, () =>
                {
                    var (rows, _) = BareSaxRead.Count(file, parser);
                    return Task.FromResult((rows, 0L, 0L));
                });
            case Xlsx or Csv:
                return await ImportAsync(step, label, file, warmup, dataDirectory, step == Xlsx ? BatchFormat.Xlsx : BatchFormat.Csv);
            default:
                throw new ArgumentException($"Unknown bench step '{step}'.", nameof(step));
        }
    }

    private static async Task<StepResult> ImportAsync(string step, string label, string file, string? warmup, string dataDirectory, BatchFormat format)
    {
        await using var app = ConsoleHost.Build([
            $"--Database:DataDirectory={dataDirectory}", "--Database:SeedDemo=false", "--Jobs:Server=false",
            "--Logging:LogLevel:Default=Warning"]);
        await app.InitializeDatabaseAsync();
        var services = app.Services;
        var ct = CancellationToken.None;

        int departmentId;
        await using (var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(ct))
            departmentId = await ImportBenchResource.CreateDepartmentAsync(db, ct);
        if (warmup is not null) await ImportOnceAsync(services, departmentId, 1, warmup, format, ct);

        var batchId = await QueueAsync(services, departmentId, 2, file, format, ct);
        return await StepResult.MeasureAsync(step, label, async () =>
        {
            // The real thing: the job Hangfire runs for an uploaded batch.
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<BatchImportJob>().RunAsync(batchId, ct);
            return await ImportedCountsAsync(services, batchId, ct);
        });
    }

    private static async Task ImportOnceAsync(IServiceProvider services, int departmentId, int number, string file, BatchFormat format, CancellationToken ct)
    {
        var batchId = await QueueAsync(services, departmentId, number, file, format, ct);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<BatchImportJob>().RunAsync(batchId, ct);
        await ImportedCountsAsync(services, batchId, ct);
    }

    /// <summary>Creates a resource, stores the file through the FileStore as an upload would, and queues a batch with its mapping.</summary>
    private static async Task<int> QueueAsync(IServiceProvider services, int departmentId, int number, string file, BatchFormat format, CancellationToken ct)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(ct);
        var resource = await ImportBenchResource.CreateAsync(db, departmentId, number, ct);
        StoredFile stored;
        await using (var content = File.OpenRead(file))
            stored = await services.GetRequiredService<FileStore>().SaveAsync(content, "batches", Path.GetExtension(file), long.MaxValue, ct);
        // Bench xlsx: hidden code row 1, label row 2, data from row 3 on sheet 数据. Bench CSV: one header row.
        var mapping = new ColumnMapping(format == BatchFormat.Xlsx ? BenchFiles.SheetName : null, format == BatchFormat.Xlsx ? 2 : 1,
            BenchData.Columns.Select((c, i) => (c.Code, i)).ToDictionary(x => x.Code, x => x.i));
        var batch = new DataBatch(resource, null, "2026-01", Path.GetFileName(file), stored.RelativePath, stored.Sha256, stored.Size, format,
            JsonSerializer.Serialize(mapping), "bench", DateTime.UtcNow);
        db.DataBatches.Add(batch);
        await db.SaveChangesAsync(ct);
        return batch.Id;
    }

    private static async Task<(long, long, long)> ImportedCountsAsync(IServiceProvider services, int batchId, CancellationToken ct)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(ct);
        var batch = await db.DataBatches.AsNoTracking().SingleAsync(b => b.Id == batchId, ct);
        if (batch.Status != BatchStatus.Imported)
            throw new InvalidOperationException($"Bench batch ended {batch.Status}: {batch.FailureReason}");
        return (batch.RowsRead, batch.RowsAccepted, batch.RowsRejected);
    }
}
