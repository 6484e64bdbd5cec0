using System.Text;
using GovDataConsole.Data;
using GovDataConsole.Features.Catalog;
using GovDataConsole.Features.Collection;
using GovDataConsole.Features.Organization;
using GovDataConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GovDataConsole.Tests.Collection;

/// <summary>The SQLite bulk path of <see cref="BatchRowWriter"/>: exact values across chunk boundaries, and the connection left as found.</summary>
public sealed class BatchRowWriterSqliteTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(SqliteAppDbContext Db, int BatchId)> FreshBatchAsync()
    {
        var path = Path.Combine(TempFolder.Create("row-writer"), "govdata.db");
        var db = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={path}").Options);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", Ct);
        await db.Database.MigrateAsync(Ct);
        var department = new Department(new DepartmentForm { Code = TestData.DepartmentCode(), Name = "写入测试局", CreditCode = TestData.CreditCode() });
        db.Departments.Add(department);
        await db.SaveChangesAsync(Ct);
        var resource = new DataResource(new ResourceForm
        {
            Code = $"{department.Code}/00001", Name = "写入测试", DepartmentId = department.Id,
            Items = [new InfoItemForm { Code = "XM", Name = "姓名", DataType = ItemDataType.String, Length = 50 }],
        });
        db.DataResources.Add(resource);
        await db.SaveChangesAsync(Ct);
        var batch = new DataBatch(resource, null, "2026-01", "a.csv", "a.csv", "0", 1, BatchFormat.Csv, null, "test", DateTime.UtcNow);
        db.DataBatches.Add(batch);
        await db.SaveChangesAsync(Ct);
        return (db, batch.Id);
    }

    [Fact]
    public async Task Stores_every_record_and_error_exactly_across_chunks_and_restores_the_sync_level()
    {
        var (db, batchId) = await FreshBatchAsync();
        await using var _ = db;
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(Ct); // kept open, so the writer's PRAGMA changes would still show afterwards
        string Json(int i) => i % 1_000 == 3 ? "" : $"[\"张三{i}\",\"\\u5F20\\\"{i}\",\"{new string('x', i % 700)}\"]";

        await using (var writer = await BatchRowWriter.OpenAsync(db, batchId, Ct))
        {
            for (var i = 0; i < 45_001; i++)
            {
                if (i % 2 == 0) await writer.AddRecordAsync(i + 2, Json(i), Ct);
                else await writer.AddRecordUtf8Async(i + 2, Encoding.UTF8.GetBytes(Json(i)), Ct);
            }
            await writer.AddErrorAsync(7, 2, "XM", null, "必填", Ct);
            await writer.AddErrorAsync(8, 3, "XM", new string('长', 5_000), "超长", Ct);
            await writer.FlushAsync(Ct);
            await writer.AddRecordAsync(99_999, "[\"never flushed\"]", Ct);
        }

        var records = await db.BatchRecords.AsNoTracking().Where(r => r.BatchId == batchId).OrderBy(r => r.RowNumber).Select(r => new { r.RowNumber, r.ValuesJson }).ToListAsync(Ct);
        Assert.Equal(45_001, records.Count);
        Assert.All(records, r => Assert.Equal(Json(r.RowNumber - 2), r.ValuesJson));
        var types = await db.Database.SqlQueryRaw<string>("SELECT DISTINCT typeof(ValuesJson) AS Value FROM BatchRecords").ToListAsync(Ct);
        Assert.Equal(["text"], types);
        var errors = await db.BatchRowErrors.AsNoTracking().Where(e => e.BatchId == batchId).OrderBy(e => e.RowNumber).ToListAsync(Ct);
        Assert.Equal([(7, 2, "XM", null, "必填"), (8, 3, "XM", new string('长', 4_000), "超长")],
            errors.Select(e => (e.RowNumber, e.ColumnNumber, e.ItemCode, e.Value, e.Message)));
        Assert.Equal(2L, await db.Database.SqlQueryRaw<long>("SELECT synchronous AS Value FROM pragma_synchronous").SingleAsync(Ct));
    }
}
