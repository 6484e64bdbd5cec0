using GovDataConsole.Features.Catalog;
using GovDataConsole.Features.Cleansing;
using GovDataConsole.Features.Collection;
using GovDataConsole.Standards;
using GovDataConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GovDataConsole.Tests.Cleansing.CleansingKit;

namespace GovDataConsole.Tests.Cleansing;

/// <summary>The preview runs unsaved rules over a real batch, writes nothing, and equals what the job then applies.</summary>
[Collection(CleansingAppCollection.Name)]
public sealed class CleansingPreviewIntegrationTests(DemoAppFixture app)
{
    private static readonly SensitivityKind[] Kinds =
        [SensitivityKind.ResidentId, SensitivityKind.PersonName, SensitivityKind.None, SensitivityKind.None, SensitivityKind.Address, SensitivityKind.Mobile];

    private static string[] Masked(string[] values) => values.Select((v, i) => Masking.Mask(Kinds[i], v)).ToArray();

    [Fact]
    public async Task A_preview_of_unsaved_rules_gives_counts_and_before_after_rows_writes_nothing_and_equals_the_applied_result()
    {
        var resource = await PublishResourceAsync(app.Services);
        var batchId = await ImportAsync(app.Services, resource);
        var before = await RecordsAsync(app.Services, batchId);
        var items = await ItemRulesAsync(app.Services, resource, MessyRules());

        PreviewResult preview;
        await using (var scope = await ActAs.UserAsync(app.Services, "steward"))
            preview = await scope.ServiceProvider.GetRequiredService<CleansingService>().PreviewAsync(resource, batchId, items, DedupMode.KeepFirst, Ct);

        Assert.Equal((6, 2), (preview.Records, preview.Duplicates));
        Assert.Equal(MessyCounts, preview.Counts.Select(c => (c.ItemCode, c.Position, c.Kind.ToString(), c.Changed)));
        Assert.Equal("性别", preview.Counts.Single(c => c.ItemCode == "XB" && c.Position == 1).ItemName);
        // Every row is in the sample: five changed, row 5 unchanged but a duplicate of row 2.
        Assert.Equal(RowNumbers, preview.Rows.Select(r => r.RowNumber));
        // Personal values are masked in the preview as on the records page.
        Assert.Equal(Raw.Select(Masked), preview.Rows.Select(r => r.Before.ToArray()));
        Assert.Equal(Cleansed.Select(Masked), preview.Rows.Select(r => r.After.ToArray()));
        Assert.Equal([null, null, null, 2, 4, null], preview.Rows.Select(r => r.DuplicateOf));

        // Nothing written: no rule set, records, counts and status as imported.
        Assert.Equal(0, await RuleSetCountAsync(app.Services, resource));
        Assert.Equal(before, await RecordsAsync(app.Services, batchId), new StoredRecordComparer());
        Assert.All(before, r => Assert.Equal((null, null), (r.Cleansed, r.DuplicateOfRow)));
        Assert.Empty(await CountsAsync(app.Services, batchId));
        var batch = await BatchAsync(app.Services, batchId);
        Assert.Equal((BatchStatus.Imported, (int?)null), (batch.Status, batch.CleansedVersion));

        await SaveAsync(app.Services, resource, MessyRules(), DedupMode.KeepFirst);
        await CleanseAsync(app.Services, batchId);
        var applied = await RecordsAsync(app.Services, batchId);
        Assert.Equal(preview.Rows.Select(r => r.After.ToArray()), applied.Select(r => Masked(r.Effective)));
        Assert.Equal(preview.Rows.Select(r => r.DuplicateOf), applied.Select(r => r.DuplicateOfRow));
        Assert.Equal(preview.Counts.Select(c => (c.ItemCode, c.Position, c.Kind.ToString(), c.Changed)), await CountsAsync(app.Services, batchId));
    }

    [Fact]
    public async Task A_preview_of_a_batch_of_another_resource_is_not_found()
    {
        var resource = await PublishResourceAsync(app.Services);
        var other = await PublishResourceAsync(app.Services);
        var batchId = await ImportAsync(app.Services, other);
        var items = await ItemRulesAsync(app.Services, resource, MessyRules());

        await using var scope = await ActAs.UserAsync(app.Services, "steward");
        var error = await Assert.ThrowsAsync<GovDataConsole.Features.Shared.NotFoundException>(() =>
            scope.ServiceProvider.GetRequiredService<CleansingService>().PreviewAsync(resource, batchId, items, DedupMode.None, Ct));
        Assert.Equal("批次不存在", error.Message);
        await using var db = ActAs.Db(app.Services);
        Assert.False(await db.BatchRecords.AnyAsync(r => r.BatchId == batchId && r.CleansedJson != null, Ct));
    }
}
