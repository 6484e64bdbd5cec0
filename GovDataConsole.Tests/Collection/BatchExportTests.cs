using GovDataConsole.Excel;
using GovDataConsole.Features.Audit;
using GovDataConsole.Features.Cleansing;
using GovDataConsole.Features.Collection;
using GovDataConsole.Features.Shared;
using GovDataConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovDataConsole.Tests.Collection;

/// <summary>The batch export on a demo batch: raw and cleansed side by side, masked, counts and errors, audited and scoped.</summary>
public sealed class BatchExportTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<int> CleansedDemoBatchAsync(string resourceCode)
    {
        await using var db = ActAs.Db(app.Services);
        var batchId = await db.DataBatches.Where(b => b.DataResource!.Code == resourceCode && b.RowsRejected > 0)
            .OrderBy(b => b.Id).Select(b => b.Id).FirstAsync(Ct);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<BatchCleansingJob>().RunAsync(batchId, Ct);
        return batchId;
    }

    [Fact]
    public async Task Steward_export_has_masked_raw_and_cleansed_values_counts_and_errors_and_is_audited()
    {
        var batchId = await CleansedDemoBatchAsync("330100GAJ/00001");
        await using var scope = await ActAs.UserAsync(app.Services, "steward");
        var file = await scope.ServiceProvider.GetRequiredService<BatchExport>().BuildAsync(batchId, reveal: false, Ct);

        using var reader = SheetReader.Open(new MemoryStream(file.Content));
        Assert.Equal(["数据记录", "清洗结果", "行错误"], reader.Sheets.Select(s => s.Name));
        var rows = reader.ReadRows("数据记录").ToList();
        Assert.Equal(["行号", "已去重", "公民身份号码", "公民身份号码（清洗后）"], rows[0].Cells.Take(4).Select(c => c.Text));
        await using var db = ActAs.Db(app.Services);
        var batch = await db.DataBatches.SingleAsync(b => b.Id == batchId, Ct);
        Assert.Equal(BatchStatus.Cleansed, batch.Status);
        Assert.Equal(batch.RowsAccepted + 1, rows.Count);
        Assert.All(rows.Skip(1), r => Assert.Contains("*", r.TextAt(3)));
        Assert.DoesNotContain(rows.Skip(1), r => r.Cells.Any(c => c.IsFormula));
        Assert.Equal(await db.BatchCleansingCounts.CountAsync(c => c.BatchId == batchId, Ct) + 1, reader.ReadRows("清洗结果").Count());
        Assert.Equal(await db.BatchRowErrors.CountAsync(e => e.BatchId == batchId, Ct) + 1, reader.ReadRows("行错误").Count());
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.BatchExported && e.UserName == "steward" && e.Detail!.Contains("脱敏"), Ct));
    }

    [Fact]
    public async Task Staff_cannot_export_another_departments_batch_and_managers_cannot_reveal()
    {
        await using var db = ActAs.Db(app.Services);
        var scjBatch = await db.DataBatches.Where(b => b.DataResource!.Code == "330100SCJ/00001").Select(b => b.Id).FirstAsync(Ct);
        await using (var staff = await ActAs.UserAsync(app.Services, "gongan"))
        {
            var error = await Assert.ThrowsAsync<AccessDeniedException>(() =>
                staff.ServiceProvider.GetRequiredService<BatchExport>().BuildAsync(scjBatch, reveal: false, Ct));
            Assert.Equal("无权访问其他部门的数据", error.Message);
        }
        await using var manager = await ActAs.UserAsync(app.Services, "manager");
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            manager.ServiceProvider.GetRequiredService<BatchExport>().BuildAsync(scjBatch, reveal: true, Ct));
        Assert.False(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.BatchExported && (e.UserName == "gongan" || e.UserName == "manager"), Ct));
    }
}
