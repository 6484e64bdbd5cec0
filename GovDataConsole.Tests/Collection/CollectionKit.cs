using System.Text.Json;
using GovDataConsole.Data;
using GovDataConsole.Features.Catalog;
using GovDataConsole.Features.Collection;
using GovDataConsole.Features.Shared;
using GovDataConsole.Ingest;
using GovDataConsole.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovDataConsole.Tests.Collection;

/// <summary>The demo app with extra settings (e.g. Collection:MaxUploadBytes), without touching <see cref="ConsoleAppFactory"/>.</summary>
public sealed class CollectionAppFactory(IReadOnlyDictionary<string, string> settings) : ConsoleAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }
}

/// <summary>Resources, uploads and import runs through the real services, for the collection tests.</summary>
internal static class CollectionKit
{
    private static int sequence = Random.Shared.Next(20_000, 60_000);

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>SFZH 公民身份号码 String(18)* · XM 姓名 String(10)* · CSRQ 出生日期 Date* · LXDH 联系电话 String(11).</summary>
    public static List<InfoItemForm> PersonItems() =>
    [
        new() { Code = "SFZH", Name = "公民身份号码", DataType = ItemDataType.String, Length = 18, Required = true, IsKey = true, Sensitivity = SensitivityKind.ResidentId },
        new() { Code = "XM", Name = "姓名", DataType = ItemDataType.String, Length = 10, Required = true, Sensitivity = SensitivityKind.PersonName },
        new() { Code = "CSRQ", Name = "出生日期", DataType = ItemDataType.Date, Required = true },
        new() { Code = "LXDH", Name = "联系电话", DataType = ItemDataType.String, Length = 11, Sensitivity = SensitivityKind.Mobile },
    ];

    public static string[] PersonCodes { get; } = ["SFZH", "XM", "CSRQ", "LXDH"];

    /// <summary>Creates and publishes a resource of <paramref name="departmentCode"/> as the steward; optionally back-dates its publication.</summary>
    public static async Task<int> PublishResourceAsync(IServiceProvider services, string departmentCode, UpdateCycle cycle,
        List<InfoItemForm>? items = null, DateTime? publishedUtc = null, string name = "测试归集资源")
    {
        int departmentId;
        await using (var db = ActAs.Db(services))
            departmentId = await db.Departments.Where(d => d.Code == departmentCode).Select(d => d.Id).SingleAsync(Ct);
        await using var scope = await ActAs.UserAsync(services, "steward");
        var catalog = scope.ServiceProvider.GetRequiredService<CatalogService>();
        var id = await catalog.CreateAsync(new ResourceForm
        {
            DepartmentId = departmentId, Code = $"{departmentCode}/{Interlocked.Increment(ref sequence):D5}", Name = name,
            ShareType = ShareType.Unconditional, OpenType = OpenType.NotOpen, UpdateCycle = cycle, SensitivityGrade = SensitivityGrade.General,
            Items = items ?? PersonItems(),
        }, Ct);
        await catalog.PublishAsync(id, Ct);
        if (publishedUtc is { } when)
        {
            await using var db = ActAs.Db(services);
            await db.DataResources.Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.PublishedUtc, when), Ct);
        }
        return id;
    }

    public static async Task<BatchDraft> PrepareAsync(IServiceProvider services, string user, int resourceId, string period, string fileName, byte[] content)
    {
        await using var scope = await ActAs.UserAsync(services, user);
        return await scope.ServiceProvider.GetRequiredService<BatchService>().PrepareAsync(resourceId, period, fileName, new MemoryStream(content), Ct);
    }

    public static async Task<int> ConfirmAsync(IServiceProvider services, string user, BatchDraft draft, ColumnMapping? mapping = null)
    {
        await using var scope = await ActAs.UserAsync(services, user);
        return await scope.ServiceProvider.GetRequiredService<BatchService>().ConfirmAsync(draft, mapping ?? draft.Detection.Mapping, Ct);
    }

    /// <summary>Prepare and confirm with the detected mapping; the import job is queued but not run.</summary>
    public static async Task<int> QueueAsync(IServiceProvider services, string user, int resourceId, string period, string fileName, byte[] content) =>
        await ConfirmAsync(services, user, await PrepareAsync(services, user, resourceId, period, fileName, content));

    /// <summary>Upload, confirm and run the import job in-process.</summary>
    public static async Task<int> ImportAsync(IServiceProvider services, string user, int resourceId, string period, string fileName, byte[] content)
    {
        var id = await QueueAsync(services, user, resourceId, period, fileName, content);
        await RunJobAsync(services, id);
        return id;
    }

    public static async Task RunJobAsync(IServiceProvider services, int batchId)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<BatchImportJob>().RunAsync(batchId, Ct);
    }

    public static async Task<DataBatch> BatchAsync(IServiceProvider services, int batchId)
    {
        await using var db = ActAs.Db(services);
        return await db.DataBatches.AsNoTracking().SingleAsync(b => b.Id == batchId, Ct);
    }

    /// <summary>The stored records (row number, values as received), in row order.</summary>
    public static async Task<List<(int Row, string[] Values)>> StoredRecordsAsync(IServiceProvider services, int batchId)
    {
        await using var db = ActAs.Db(services);
        var rows = await db.BatchRecords.AsNoTracking().Where(r => r.BatchId == batchId).OrderBy(r => r.RowNumber)
            .Select(r => new { r.RowNumber, r.ValuesJson }).ToListAsync(Ct);
        return rows.Select(r => (r.RowNumber, JsonSerializer.Deserialize<string[]>(r.ValuesJson)!)).ToList();
    }

    /// <summary>The stored row errors as (row, column, item, value, message), in row then insertion order.</summary>
    public static async Task<List<(int Row, int Column, string Item, string? Value, string Message)>> StoredErrorsAsync(IServiceProvider services, int batchId)
    {
        await using var db = ActAs.Db(services);
        var rows = await db.BatchRowErrors.AsNoTracking().Where(e => e.BatchId == batchId).OrderBy(e => e.RowNumber).ThenBy(e => e.Id)
            .Select(e => new { e.RowNumber, e.ColumnNumber, e.ItemCode, e.Value, e.Message }).ToListAsync(Ct);
        return rows.Select(e => (e.RowNumber, e.ColumnNumber, e.ItemCode, e.Value, e.Message)).ToList();
    }

    /// <summary>Every file in the app's file store.</summary>
    public static string[] StoredFiles(ConsoleAppFactory app)
    {
        var root = Path.Combine(app.DataDirectory, "files");
        return Directory.Exists(root) ? Directory.GetFiles(root, "*", SearchOption.AllDirectories).Order().ToArray() : [];
    }

    public static string FullPath(IServiceProvider services, string relative) => services.GetRequiredService<FileStore>().FullPath(relative);

    public static async Task<int> DepartmentIdAsync(IServiceProvider services, string code)
    {
        await using var db = ActAs.Db(services);
        return await db.Departments.Where(d => d.Code == code).Select(d => d.Id).SingleAsync(Ct);
    }

    public static async Task<int> ResourceIdAsync(IServiceProvider services, string code)
    {
        await using var db = ActAs.Db(services);
        return await db.DataResources.Where(r => r.Code == code).Select(r => r.Id).SingleAsync(Ct);
    }

    public static AppDbContext Db(IServiceProvider services) => ActAs.Db(services);
}
