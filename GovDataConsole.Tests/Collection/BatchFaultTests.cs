using System.Text;
using GovDataConsole.Features.Catalog;
using GovDataConsole.Features.Collection;
using GovDataConsole.Features.Shared;
using GovDataConsole.Tests.Excel;
using GovDataConsole.Tests.Infrastructure;
using GovDataConsole.Tests.Ingest;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GovDataConsole.Tests.Collection.CollectionKit;

namespace GovDataConsole.Tests.Collection;

/// <summary>All-or-nothing after a crash, duplicate job runs, unreadable and hostile files, retry.</summary>
public sealed class BatchFaultTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    /// <summary>A header and <paramref name="rows"/> valid rows.</summary>
    private static byte[] Csv(int rows)
    {
        var text = new StringBuilder("公民身份号码,姓名,出生日期,联系电话\n");
        for (var i = 0; i < rows; i++) text.Append($"3301021980010{i:D5},测试{i},1980-01-01,138{i:D8}\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private async Task<int> QueuedBatchAsync(int rows, string period = "2026-11")
    {
        var resource = await PublishResourceAsync(app.Services, "330100GAJ", UpdateCycle.Monthly);
        return await QueueAsync(app.Services, "gongan", resource, period, "批次.csv", Csv(rows));
    }

    private async Task<int> RecordCountAsync(int batchId)
    {
        await using var db = ActAs.Db(app.Services);
        return await db.BatchRecords.CountAsync(r => r.BatchId == batchId, Ct);
    }

    private async Task<GridPage<RecordRow>> RecordsAsUserAsync(int batchId, string user = "gongan")
    {
        await using var scope = await ActAs.UserAsync(app.Services, user);
        return await scope.ServiceProvider.GetRequiredService<BatchService>().RecordsAsync(batchId, new GridRequest { PageSize = 200 }, false, Ct);
    }

    /// <summary>What a process that died mid-import leaves: the batch 解析中 with an old heartbeat, and some of its rows.</summary>
    private async Task SimulateCrashAsync(int batchId, int leftoverRows, TimeSpan heartbeatAge)
    {
        await using var db = ActAs.Db(app.Services);
        var beat = DateTime.UtcNow - heartbeatAge;
        await db.DataBatches.Where(b => b.Id == batchId).ExecuteUpdateAsync(s => s
            .SetProperty(b => b.Status, BatchStatus.Parsing).SetProperty(b => b.Attempts, 1)
            .SetProperty(b => b.StartedUtc, beat).SetProperty(b => b.HeartbeatUtc, beat).SetProperty(b => b.RowsRead, leftoverRows), Ct);
        for (var i = 0; i < leftoverRows; i++)
            await db.Database.ExecuteSqlAsync($"INSERT INTO BatchRecords (BatchId, RowNumber, ValuesJson) VALUES ({batchId}, {i + 2}, {"[\"半截\"]"})", Ct);
        await db.Database.ExecuteSqlAsync($"INSERT INTO BatchRowErrors (BatchId, RowNumber, ColumnNumber, ItemCode, Value, Message) VALUES ({batchId}, 2, 1, 'SFZH', 'x', '残留')", Ct);
    }

    [Fact]
    public async Task A_batch_left_half_parsed_by_a_dead_process_is_re_run_whole()
    {
        var id = await QueuedBatchAsync(30);
        await SimulateCrashAsync(id, leftoverRows: 12, heartbeatAge: TimeSpan.FromHours(1));

        // While parsing, nothing of the batch is visible, not even the leftovers.
        Assert.Equal(12, await RecordCountAsync(id));
        var hidden = await RecordsAsUserAsync(id);
        Assert.Equal(0, hidden.TotalCount);
        Assert.Empty(hidden.Items);

        await RunJobAsync(app.Services, id);

        var batch = await BatchAsync(app.Services, id);
        Assert.Equal((BatchStatus.Imported, 30, 30, 0, 2), (batch.Status, batch.RowsRead, batch.RowsAccepted, batch.RowsRejected, batch.Attempts));
        var records = await StoredRecordsAsync(app.Services, id);
        Assert.Equal(Enumerable.Range(2, 30), records.Select(r => r.Row));
        Assert.DoesNotContain(records, r => r.Values.Contains("半截"));
        Assert.Empty(await StoredErrorsAsync(app.Services, id));
        Assert.Equal(30, (await RecordsAsUserAsync(id)).TotalCount);
    }

    [Fact]
    public async Task A_batch_still_beating_is_not_taken_over_by_a_second_run()
    {
        var id = await QueuedBatchAsync(5);
        await SimulateCrashAsync(id, leftoverRows: 2, heartbeatAge: TimeSpan.FromSeconds(5));

        await RunJobAsync(app.Services, id);

        var batch = await BatchAsync(app.Services, id);
        Assert.Equal((BatchStatus.Parsing, 1), (batch.Status, batch.Attempts));
        Assert.Equal(2, await RecordCountAsync(id)); // the live run's rows are left alone
        Assert.Equal(0, (await RecordsAsUserAsync(id)).TotalCount);
    }

    [Fact]
    public async Task Running_the_job_twice_in_a_row_stores_the_rows_once()
    {
        var id = await QueuedBatchAsync(25);
        await RunJobAsync(app.Services, id);
        var first = await BatchAsync(app.Services, id);
        await RunJobAsync(app.Services, id);

        var batch = await BatchAsync(app.Services, id);
        Assert.Equal((BatchStatus.Imported, 25, 1), (batch.Status, batch.RowsAccepted, batch.Attempts));
        Assert.Equal(first.FinishedUtc, batch.FinishedUtc);
        Assert.Equal(25, await RecordCountAsync(id));
    }

    [Fact]
    public async Task Running_the_job_twice_at_once_stores_the_rows_once_and_one_run_does_the_work()
    {
        var id = await QueuedBatchAsync(2_000);

        await Task.WhenAll(RunJobAsync(app.Services, id), RunJobAsync(app.Services, id), RunJobAsync(app.Services, id));

        var batch = await BatchAsync(app.Services, id);
        Assert.Equal((BatchStatus.Imported, 2_000, 2_000, 0, 1), (batch.Status, batch.RowsRead, batch.RowsAccepted, batch.RowsRejected, batch.Attempts));
        var records = await StoredRecordsAsync(app.Services, id);
        Assert.Equal(Enumerable.Range(2, 2_000), records.Select(r => r.Row));
    }

    [Fact]
    public async Task A_file_gone_after_confirming_fails_the_batch_in_Chinese_and_retry_is_only_for_failed_batches()
    {
        var id = await QueuedBatchAsync(3);
        var stored = FullPath(app.Services, (await BatchAsync(app.Services, id)).StoredFile);
        var content = await File.ReadAllBytesAsync(stored, Ct);
        File.Delete(stored);

        await RunJobAsync(app.Services, id);

        var failed = await BatchAsync(app.Services, id);
        Assert.Equal((BatchStatus.Failed, 0), (failed.Status, await RecordCountAsync(id)));
        Assert.Equal("已上传的文件不存在或已被清理，请重新上传", failed.FailureReason);
        Assert.Equal(0, (await RecordsAsUserAsync(id)).TotalCount);

        await using var scope = await ActAs.UserAsync(app.Services, "gongan");
        var batches = scope.ServiceProvider.GetRequiredService<BatchService>();
        await File.WriteAllBytesAsync(stored, content, Ct);
        await batches.RetryAsync(id, Ct);
        var requeued = await BatchAsync(app.Services, id);
        Assert.Equal((BatchStatus.Queued, (string?)null), (requeued.Status, requeued.FailureReason));
        await RunJobAsync(app.Services, id);
        Assert.Equal((BatchStatus.Imported, 3, 2), ((await BatchAsync(app.Services, id)).Status, await RecordCountAsync(id), (await BatchAsync(app.Services, id)).Attempts));

        var refused = await Assert.ThrowsAsync<BusinessRuleException>(() => batches.RetryAsync(id, Ct));
        Assert.Equal("只有失败的批次可以重试", refused.Message);
        var queued = await QueuedBatchAsync(1);
        Assert.Equal("只有失败的批次可以重试", (await Assert.ThrowsAsync<BusinessRuleException>(() => batches.RetryAsync(queued, Ct))).Message);
        Assert.Equal(BatchStatus.Imported, (await BatchAsync(app.Services, id)).Status);
    }

    public static TheoryData<string, byte[], string> RefusedFiles()
    {
        var workbook = BatchWorkbooks.OneSheet(["公民身份号码", "姓名", "出生日期"], ["110105199003071234", "张三", "1990-03-07"]);
        return new()
        {
            { "宏.xlsm", workbook, "不接受含宏的工作簿（.xlsm），请另存为 .xlsx 后再上传" },
            { "带宏.xlsx", TestWorkbooks.EditZip(workbook, zip => TestWorkbooks.WriteEntry(zip, "xl/vbaProject.bin", "VBA")),
                "工作簿包含宏（VBA）或为启用宏的格式（.xlsm/.xltm），出于安全原因不予接收，请另存为 .xlsx 后重新上传。" },
            { "损坏.xlsx", workbook[..(workbook.Length / 2)], "文件已损坏，无法读取，请在 Excel 中重新保存为 .xlsx 后再上传。" },
            { "改名.xlsx", TestWorkbooks.RenamedPdf(), "该文件不是 Excel 工作簿（.xlsx），请确认文件类型后重新上传。" },
            { "旧版.xlsx", TestWorkbooks.OleCompoundFile(), "该文件是旧版 .xls 格式或设置了打开密码，请在 Excel 中另存为不设密码的 .xlsx 文件后重新上传。" },
            { "炸弹.xlsx", TestWorkbooks.ZipWithZeros(50L * 1024 * 1024), "工作簿解压后的内容异常庞大（解压上限 4000 MB，单个部件压缩比上限 200:1），已拒绝处理。" },
            { "二进制.csv", workbook, "文件含有二进制内容，不是文本格式的 CSV 文件；Excel 工作簿请以 .xlsx 格式上传。" },
            { "乱码.csv", [.. "公民身份号码,姓名\n"u8, 0xFF, 0xFE, 0xFD, 0x80, 0x81, .. "\n"u8], "无法识别文件编码：内容既不是有效的 UTF-8，也不是有效的 GB18030/GBK，文件可能已损坏。请用 Excel 或 WPS 另存为“CSV UTF-8（逗号分隔）”后重新上传。" },
            { "资料.pdf", TestWorkbooks.RenamedPdf(), "只接受 .xlsx 或 .csv 文件" },
            { "无表头.csv", "甲,乙,丙\n1,2,3\n"u8.ToArray(), "在文件前 20 行中找不到与信息项对应的表头，请使用批次模板或检查列名" },
        };
    }

    [Theory]
    [MemberData(nameof(RefusedFiles))]
    public async Task Hostile_and_unreadable_files_are_refused_in_Chinese_and_leave_nothing_behind(string fileName, byte[] content, string message)
    {
        var resource = await PublishResourceAsync(app.Services, "330100GAJ", UpdateCycle.Monthly);
        var before = StoredFiles(app);

        var refused = await Assert.ThrowsAsync<BusinessRuleException>(() => PrepareAsync(app.Services, "gongan", resource, "2026-11", fileName, content));

        Assert.Equal(message, refused.Message);
        Assert.Equal(before, StoredFiles(app));
        await using var db = ActAs.Db(app.Services);
        Assert.False(await db.DataBatches.AnyAsync(b => b.DataResourceId == resource, Ct));
    }

    [Fact]
    public async Task Files_over_the_configured_size_limit_are_refused_and_not_kept()
    {
        await using var small = new CollectionAppFactory(new Dictionary<string, string> { ["Collection:MaxUploadBytes"] = (1024 * 1024).ToString() });
        var resource = await PublishResourceAsync(small.Services, "330100GAJ", UpdateCycle.Monthly);
        var before = StoredFiles(small);
        var big = Csv(20_000);
        Assert.True(big.Length > 1024 * 1024);

        var refused = await Assert.ThrowsAsync<BusinessRuleException>(() => PrepareAsync(small.Services, "gongan", resource, "2026-11", "过大.csv", big));
        Assert.Equal("文件超过 1 MB 的大小上限，请精简或拆分后重新上传。", refused.Message);
        Assert.Equal(before, StoredFiles(small));

        var fits = await PrepareAsync(small.Services, "gongan", resource, "2026-11", "刚好.csv", Csv(100));
        Assert.Contains(StoredFiles(small), f => f.EndsWith(Path.GetFileName(fits.StoredFile), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Batch_workbooks_follow_the_collection_size_limit_not_the_inventory_one()
    {
        await using var tight = new CollectionAppFactory(new Dictionary<string, string> { ["Uploads:MaxUploadBytes"] = (32 * 1024).ToString() });
        var resource = await PublishResourceAsync(tight.Services, "330100GAJ", UpdateCycle.Monthly);
        using var workbook = new ClosedXML.Excel.XLWorkbook();
        var sheet = workbook.AddWorksheet("数据");
        string[] header = ["公民身份号码", "姓名", "出生日期", "联系电话"];
        for (var c = 0; c < header.Length; c++) sheet.Cell(1, c + 1).SetValue(header[c]);
        for (var r = 0; r < 3000; r++)
        {
            sheet.Cell(r + 2, 1).SetValue($"3301021980010{r:D5}");
            sheet.Cell(r + 2, 2).SetValue($"测试{r}");
            sheet.Cell(r + 2, 3).SetValue("1980-01-01");
            sheet.Cell(r + 2, 4).SetValue($"138{r:D8}");
        }
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        Assert.True(stream.Length > 32 * 1024, "the workbook must exceed the inventory limit for this test to mean anything");

        var draft = await PrepareAsync(tight.Services, "gongan", resource, "2026-11", "大于清单上限.xlsx", stream.ToArray());
        Assert.True(draft.Detection.Found);
        Assert.Equal(1, draft.Detection.Mapping.HeaderRow);
    }
}
