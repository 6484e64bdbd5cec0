using GovDataConsole.Features.Cleansing;
using GovDataConsole.Features.Collection;
using GovDataConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static GovDataConsole.Tests.Cleansing.CleansingKit;

namespace GovDataConsole.Tests.Cleansing;

/// <summary>A cleansing run that died half-way is finished by the next run; one still beating is left alone.</summary>
[Collection(CleansingAppCollection.Name)]
public sealed class CleansingCrashIntegrationTests(DemoAppFixture app)
{
    /// <summary>What a process that died mid-cleansing leaves: 清洗中 with the given heartbeat, half-written rows, a stray count.</summary>
    private async Task SimulateCrashAsync(int batchId, TimeSpan heartbeatAge)
    {
        await using var db = ActAs.Db(app.Services);
        await db.DataBatches.Where(b => b.Id == batchId).ExecuteUpdateAsync(s => s
            .SetProperty(b => b.Status, BatchStatus.Cleansing).SetProperty(b => b.HeartbeatUtc, DateTime.UtcNow - heartbeatAge), Ct);
        await db.BatchRecords.Where(r => r.BatchId == batchId && r.RowNumber <= 3)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.CleansedJson, "[\"半截\"]").SetProperty(r => r.DuplicateOfRow, 99), Ct);
        await db.Database.ExecuteSqlAsync($"INSERT INTO BatchCleansingCounts (BatchId, ItemCode, Position, Kind, Changed) VALUES ({batchId}, 'SFZH', 0, 'Trim', 12345)", Ct);
    }

    private async Task<int> PreparedBatchAsync()
    {
        var resource = await PublishResourceAsync(app.Services);
        var batchId = await ImportAsync(app.Services, resource);
        await SaveAsync(app.Services, resource, MessyRules(), DedupMode.KeepFirst);
        return batchId;
    }

    [Fact]
    public async Task A_batch_left_cleansing_by_a_dead_process_is_claimed_and_finished_by_the_next_run()
    {
        var batchId = await PreparedBatchAsync();
        await SimulateCrashAsync(batchId, TimeSpan.FromHours(1));

        await CleanseAsync(app.Services, batchId);

        var batch = await BatchAsync(app.Services, batchId);
        Assert.Equal((BatchStatus.Cleansed, 1, (string?)null), (batch.Status, batch.CleansedVersion, batch.FailureReason));
        var records = await RecordsAsync(app.Services, batchId);
        Assert.Equal(Cleansed, records.Select(r => r.Effective));
        Assert.Equal(Raw, records.Select(r => r.Raw));
        Assert.Equal([null, null, null, 2, 4, null], records.Select(r => r.DuplicateOfRow));
        Assert.Equal(MessyCounts, await CountsAsync(app.Services, batchId));
    }

    [Fact]
    public async Task A_batch_cleansing_with_a_fresh_heartbeat_is_not_claimed_a_second_time()
    {
        var batchId = await PreparedBatchAsync();
        await SimulateCrashAsync(batchId, TimeSpan.FromSeconds(5));
        var before = await RecordsAsync(app.Services, batchId);
        var countsBefore = await CountsAsync(app.Services, batchId);

        await CleanseAsync(app.Services, batchId);

        var batch = await BatchAsync(app.Services, batchId);
        Assert.Equal((BatchStatus.Cleansing, (int?)null), (batch.Status, batch.CleansedVersion));
        Assert.Equal(before, await RecordsAsync(app.Services, batchId), new StoredRecordComparer());
        Assert.Equal(countsBefore, await CountsAsync(app.Services, batchId));
    }

    [Fact]
    public async Task Two_runs_at_once_leave_one_set_of_results()
    {
        var batchId = await PreparedBatchAsync();

        await Task.WhenAll(CleanseAsync(app.Services, batchId), CleanseAsync(app.Services, batchId));

        Assert.Equal(BatchStatus.Cleansed, (await BatchAsync(app.Services, batchId)).Status);
        Assert.Equal(Cleansed, (await RecordsAsync(app.Services, batchId)).Select(r => r.Effective));
        Assert.Equal(MessyCounts, await CountsAsync(app.Services, batchId));
    }
}
