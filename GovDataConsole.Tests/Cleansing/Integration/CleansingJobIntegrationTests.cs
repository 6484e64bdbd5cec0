using GovDataConsole.Cleansing;
using GovDataConsole.Features.Cleansing;
using GovDataConsole.Features.Collection;
using GovDataConsole.Features.Shared;
using GovDataConsole.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static GovDataConsole.Tests.Cleansing.CleansingKit;

namespace GovDataConsole.Tests.Cleansing;

/// <summary>The real import then the real cleansing job on a batch of known messy values: every cell, every count, dedup, versions.</summary>
[Collection(CleansingAppCollection.Name)]
public sealed class CleansingJobIntegrationTests(DemoAppFixture app)
{
    [Fact]
    public async Task A_messy_batch_is_cleansed_cell_by_cell_with_raw_values_kept_exact_counts_and_the_first_of_each_key_kept()
    {
        var resource = await PublishResourceAsync(app.Services);
        var batchId = await ImportAsync(app.Services, resource);
        var imported = await BatchAsync(app.Services, batchId);
        Assert.Equal((BatchStatus.Imported, 6, 0), (imported.Status, imported.RowsAccepted, imported.RowsRejected));
        Assert.Equal(1, await SaveAsync(app.Services, resource, MessyRules(), DedupMode.KeepFirst));

        await CleanseAsync(app.Services, batchId);

        var batch = await BatchAsync(app.Services, batchId);
        Assert.Equal((BatchStatus.Cleansed, 1, (string?)null), (batch.Status, batch.CleansedVersion, batch.FailureReason));
        Assert.NotNull(batch.CleansedUtc);
        var records = await RecordsAsync(app.Services, batchId);
        Assert.Equal(RowNumbers, records.Select(r => r.RowNumber));
        for (var i = 0; i < records.Count; i++)
        {
            Assert.Equal(Raw[i], records[i].Raw);
            Assert.Equal(Cleansed[i], records[i].Effective);
        }
        // Only changed rows carry cleansed values; row 5 arrived clean.
        Assert.Equal([true, true, true, false, true, true], records.Select(r => r.Cleansed is not null));
        Assert.Equal(MessyCounts, await CountsAsync(app.Services, batchId));
        // Keep first: row 5 repeats row 2's ID, row 6's full-width 15-digit ID upgrades to row 4's.
        Assert.Equal([null, null, null, 2, 4, null], records.Select(r => r.DuplicateOfRow));

        // What the batch page shows: cleansed values (revealed by the steward), changed flags, duplicates, counts with names.
        await using var scope = await ActAs.UserAsync(app.Services, "steward");
        var shown = await scope.ServiceProvider.GetRequiredService<BatchService>()
            .RecordsAsync(batchId, new GridRequest { PageSize = 50 }, true, Ct, cleansed: true);
        Assert.Equal(Cleansed, shown.Items.Select(r => r.Values.ToArray()));
        Assert.Equal([true, true, true, false, true, true], shown.Items.Select(r => r.Changed));
        Assert.Equal([null, null, null, 2, 4, null], shown.Items.Select(r => r.DuplicateOfRow));
        var rawShown = await scope.ServiceProvider.GetRequiredService<BatchService>().RecordsAsync(batchId, new GridRequest { PageSize = 50 }, true, Ct);
        Assert.Equal(Raw, rawShown.Items.Select(r => r.Values.ToArray()));
        var result = await scope.ServiceProvider.GetRequiredService<CleansingService>().BatchResultAsync(batchId, Ct);
        Assert.Equal((1, 2), (result.Version, result.Duplicates));
        Assert.Equal(MessyCounts.Select(c => (c.Item, c.Position, c.Kind, c.Changed)), result.Counts.Select(c => (c.ItemCode, c.Position, c.Kind.ToString(), c.Changed)));
        Assert.Equal("公民身份号码", result.Counts[0].ItemName);
    }

    [Fact]
    public async Task Keep_last_drops_the_earlier_rows_instead()
    {
        var resource = await PublishResourceAsync(app.Services);
        var batchId = await ImportAsync(app.Services, resource);
        await SaveAsync(app.Services, resource, MessyRules(), DedupMode.KeepLast);

        await CleanseAsync(app.Services, batchId);

        var records = await RecordsAsync(app.Services, batchId);
        Assert.Equal([5, null, 6, null, null, null], records.Select(r => r.DuplicateOfRow));
        Assert.Equal(Cleansed, records.Select(r => r.Effective));
        Assert.Equal(MessyCounts, await CountsAsync(app.Services, batchId));
    }

    [Fact]
    public async Task Without_dedup_no_row_is_dropped()
    {
        var resource = await PublishResourceAsync(app.Services);
        var batchId = await ImportAsync(app.Services, resource);
        await SaveAsync(app.Services, resource, MessyRules(), DedupMode.None);

        await CleanseAsync(app.Services, batchId);

        Assert.All(await RecordsAsync(app.Services, batchId), r => Assert.Null(r.DuplicateOfRow));
        Assert.Equal(MessyCounts, await CountsAsync(app.Services, batchId));
    }

    [Fact]
    public async Task A_batch_keeps_its_version_until_re_cleansed_and_re_cleansing_replaces_the_results_idempotently()
    {
        var resource = await PublishResourceAsync(app.Services);
        var batchId = await ImportAsync(app.Services, resource);
        var v1Rules = new Dictionary<string, List<CleansingRule>> { ["SFZH"] = [Rule(CleanserKind.Trim)], ["HJDZ"] = [Rule(CleanserKind.NullTokens)] };
        Assert.Equal(1, await SaveAsync(app.Services, resource, v1Rules, DedupMode.None));
        await CleanseAsync(app.Services, batchId);
        var v1Records = await RecordsAsync(app.Services, batchId);
        Assert.Equal([("SFZH", 0, "Trim", 1L), ("HJDZ", 0, "NullTokens", 4L)], await CountsAsync(app.Services, batchId));
        Assert.Equal(["330102198001051237", "张\u3000三", "男", "2026/1/5", "", "+86 138-0013-8000"], v1Records[0].Effective);

        Assert.Equal(2, await SaveAsync(app.Services, resource, MessyRules(), DedupMode.KeepFirst));

        // Saving v2 rewrites nothing: the batch still says v1 and holds v1's values, and shows up as outdated.
        Assert.Equal(1, (await BatchAsync(app.Services, batchId)).CleansedVersion);
        Assert.Equal(v1Records, await RecordsAsync(app.Services, batchId), new StoredRecordComparer());
        await using (var scope = await ActAs.UserAsync(app.Services, "steward"))
        {
            var service = scope.ServiceProvider.GetRequiredService<CleansingService>();
            var view = await service.GetAsync(resource, Ct);
            Assert.Equal(2, view.Version);
            Assert.Equal([2, 1], view.History.Select(h => h.Version));
            Assert.Equal([11, 2], view.History.Select(h => h.RuleCount));
            Assert.Equal([DedupMode.KeepFirst, DedupMode.None], view.History.Select(h => h.Dedup));
            Assert.Equal(MessyRules()["XB"], view.Items.Single(i => i.Code == "XB").Rules);
            var row = (await service.ResourcesAsync(Ct)).Single(r => r.ResourceId == resource);
            Assert.Equal((2, 11, DedupMode.KeepFirst, 1, 1), (row.Version, row.RuleCount, row.Dedup, row.Batches, row.Outdated));
            await service.RecleanseAsync(batchId, Ct); // queued for the (absent) job server; run it here
        }
        await CleanseAsync(app.Services, batchId);

        var batch = await BatchAsync(app.Services, batchId);
        Assert.Equal((BatchStatus.Cleansed, 2), (batch.Status, batch.CleansedVersion));
        var v2Records = await RecordsAsync(app.Services, batchId);
        Assert.Equal(Cleansed, v2Records.Select(r => r.Effective));
        Assert.Equal([null, null, null, 2, 4, null], v2Records.Select(r => r.DuplicateOfRow));
        Assert.Equal(MessyCounts, await CountsAsync(app.Services, batchId));

        // Again, and again after switching dedup off and back: the same rows and counts, never doubled or left over.
        await CleanseAsync(app.Services, batchId);
        Assert.Equal(v2Records, await RecordsAsync(app.Services, batchId), new StoredRecordComparer());
        Assert.Equal(MessyCounts, await CountsAsync(app.Services, batchId));
        Assert.Equal(3, await SaveAsync(app.Services, resource, v1Rules, DedupMode.None));
        await CleanseAsync(app.Services, batchId);
        Assert.Equal(v1Records, await RecordsAsync(app.Services, batchId), new StoredRecordComparer());
        Assert.Equal(3, (await BatchAsync(app.Services, batchId)).CleansedVersion);
    }

    [Fact]
    public async Task A_batch_imported_before_any_rules_is_cleansed_as_version_0_with_nothing_changed()
    {
        var resource = await PublishResourceAsync(app.Services);
        var batchId = await ImportAsync(app.Services, resource);

        await CleanseAsync(app.Services, batchId);

        var batch = await BatchAsync(app.Services, batchId);
        Assert.Equal((BatchStatus.Cleansed, 0), (batch.Status, batch.CleansedVersion));
        Assert.All(await RecordsAsync(app.Services, batchId), r => Assert.Equal((null, null), (r.Cleansed, r.DuplicateOfRow)));
        Assert.Empty(await CountsAsync(app.Services, batchId));
    }
}

internal sealed class StoredRecordComparer : IEqualityComparer<StoredRecord>
{
    public bool Equals(StoredRecord? x, StoredRecord? y) => x is not null && y is not null && x.RowNumber == y.RowNumber
        && x.Raw.SequenceEqual(y.Raw) && (x.Cleansed ?? []).SequenceEqual(y.Cleansed ?? []) && (x.Cleansed is null) == (y.Cleansed is null)
        && x.DuplicateOfRow == y.DuplicateOfRow;

    public int GetHashCode(StoredRecord obj) => obj.RowNumber;
}
