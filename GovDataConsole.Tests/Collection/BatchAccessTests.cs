using System.Net;
using System.Text;
using GovDataConsole.Features.Audit;
using GovDataConsole.Features.Collection;
using GovDataConsole.Features.Shared;
using GovDataConsole.Ingest;
using GovDataConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GovDataConsole.Tests.Collection.CollectionKit;

namespace GovDataConsole.Tests.Collection;

/// <summary>
/// Department scope and roles on collection: 公安局 staff against a 市场监管局 batch through the services and over HTTP,
/// managers read-only, sensitive values masked unless revealed, and every reveal audited.
/// </summary>
public sealed class BatchAccessTests(BatchAccessTests.Fixture app) : IClassFixture<BatchAccessTests.Fixture>
{
    public const string SecretFile = "市场主体_机密批次.csv";

    /// <summary>The demo app plus one imported 市场监管局 batch of 330100SCJ/00001 (period 2025-12, no demo history there).</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public DemoAppFixture App { get; } = new();

        public int ScjResource { get; private set; }

        public int ScjBatch { get; private set; }

        public BatchDraft ScjDraft { get; private set; } = null!;

        public static byte[] ScjCsv { get; } = Encoding.UTF8.GetBytes(
            "统一社会信用代码,企业名称,法定代表人,注册资本（万元）,成立日期,住所所在行政区划,住所\n" +
            "91330106MA2B3C4D5E,机密企业甲有限公司,王小明,100.5,2020-05-01,330106,杭州市西湖区文三路100号\n" +
            "91330106MA2B3C4D6F,,李大,50,2021-01-01,330106,\n");

        public async ValueTask InitializeAsync()
        {
            ScjResource = await ResourceIdAsync(App.Services, "330100SCJ/00001");
            ScjDraft = await PrepareAsync(App.Services, "shichang", ScjResource, "2025-12", SecretFile, ScjCsv);
            ScjBatch = await ConfirmAsync(App.Services, "shichang", ScjDraft);
            await RunJobAsync(App.Services, ScjBatch);
            ScjDraft = await PrepareAsync(App.Services, "shichang", ScjResource, "2025-11", SecretFile, ScjCsv);
        }

        public async ValueTask DisposeAsync() => await App.DisposeAsync();
    }

    private IServiceProvider Services => app.App.Services;

    private async Task<AuditEntrySnapshot[]> RevealAuditsAsync()
    {
        await using var db = ActAs.Db(Services);
        return await db.AuditEntries.AsNoTracking().Where(e => e.Action == AuditActions.RecordsRevealed)
            .OrderBy(e => e.Id).Select(e => new AuditEntrySnapshot(e.UserName, e.Target, e.Detail)).ToArrayAsync(Ct);
    }

    public sealed record AuditEntrySnapshot(string? UserName, string? Target, string? Detail);

    [Fact]
    public async Task The_fixture_batch_and_the_demo_history_belong_to_the_department()
    {
        var batch = await BatchAsync(Services, app.ScjBatch);
        Assert.Equal((BatchStatus.Imported, 2, 1, 1, "shichang"), (batch.Status, batch.RowsRead, batch.RowsAccepted, batch.RowsRejected, batch.UploadedBy));

        // The demo history of 市场监管局 was handed in by its own staff, not by another department's account.
        await using var db = ActAs.Db(Services);
        var uploaders = await db.DataBatches.Where(b => b.DataResourceId == app.ScjResource).Select(b => b.UploadedBy).Distinct().ToListAsync(Ct);
        Assert.Equal(["shichang"], uploaders);
    }

    [Fact]
    public async Task Department_staff_cannot_upload_to_another_departments_resource()
    {
        var before = StoredFiles(app.App);
        await using var scope = await ActAs.UserAsync(Services, "gongan");
        var batches = scope.ServiceProvider.GetRequiredService<BatchService>();

        var prepare = await Assert.ThrowsAsync<AccessDeniedException>(() =>
            batches.PrepareAsync(app.ScjResource, "2025-10", "越权.csv", new MemoryStream(Fixture.ScjCsv), Ct));
        Assert.Equal("无权访问其他部门的数据", prepare.Message);
        var confirm = await Assert.ThrowsAsync<AccessDeniedException>(() => batches.ConfirmAsync(app.ScjDraft, app.ScjDraft.Detection.Mapping, Ct));
        Assert.Equal("无权访问其他部门的数据", confirm.Message);
        Assert.Equal("无权访问其他部门的数据", (await Assert.ThrowsAsync<AccessDeniedException>(() =>
            scope.ServiceProvider.GetRequiredService<BatchTemplate>().BuildAsync(app.ScjResource, Ct))).Message);
        await Assert.ThrowsAsync<AccessDeniedException>(() => batches.ColumnsAsync(app.ScjResource, Ct));

        Assert.Equal(before, StoredFiles(app.App));
        await using var db = ActAs.Db(Services);
        Assert.False(await db.DataBatches.AnyAsync(b => b.DataResourceId == app.ScjResource && (b.PeriodKey == "2025-10" || b.PeriodKey == "2025-11"), Ct));
        Assert.All(await batches.TargetsAsync(Ct), t => Assert.StartsWith("330100GAJ/", t.Code));
    }

    [Fact]
    public async Task Department_staff_cannot_read_retry_or_download_another_departments_batch()
    {
        await using var scope = await ActAs.UserAsync(Services, "gongan");
        var batches = scope.ServiceProvider.GetRequiredService<BatchService>();
        var id = app.ScjBatch;

        var refusals = new Func<Task>[]
        {
            () => batches.GetAsync(id, Ct),
            () => batches.ErrorsAsync(id, new GridRequest(), Ct),
            () => batches.RecordsAsync(id, new GridRequest(), false, Ct),
            () => batches.RecordsAsync(id, new GridRequest(), true, Ct),
            () => batches.ErrorWorkbookAsync(id, Ct),
            () => batches.RetryAsync(id, Ct),
        };
        foreach (var call in refusals) Assert.Equal("无权访问其他部门的数据", (await Assert.ThrowsAsync<AccessDeniedException>(call)).Message);

        var list = await batches.ListAsync(new BatchQuery { PageSize = 200 }, Ct);
        Assert.NotEmpty(list.Items);
        Assert.All(list.Items, b => Assert.Equal("杭州市公安局", b.DepartmentName));
        Assert.Empty((await batches.ListAsync(new BatchQuery { ResourceId = app.ScjResource, PageSize = 200 }, Ct)).Items);
        Assert.Equal(BatchStatus.Imported, (await BatchAsync(Services, id)).Status);
    }

    [Fact]
    public async Task Department_staff_see_only_their_own_tasks_and_rates()
    {
        var scj = await DepartmentIdAsync(Services, "330100SCJ");
        await using (var scope = await ActAs.UserAsync(Services, "gongan"))
        {
            var collection = scope.ServiceProvider.GetRequiredService<CollectionService>();
            var overview = await collection.OverviewAsync(null, 6, Ct);
            Assert.NotEmpty(overview.Matrix);
            Assert.All(overview.Matrix, r => Assert.Equal("杭州市公安局", r.DepartmentName));
            Assert.Equal(["杭州市公安局"], overview.Rates.Select(r => r.DepartmentName));
            var asked = await collection.OverviewAsync(scj, 6, Ct);
            Assert.Empty(asked.Matrix);
            Assert.Empty(asked.Rates);
            var open = await collection.OpenTasksAsync(200, Ct);
            Assert.NotEmpty(open);
            Assert.All(open, t => Assert.Equal("杭州市公安局", t.DepartmentName));
        }
        await using (var steward = await ActAs.UserAsync(Services, "steward"))
        {
            var overview = await steward.ServiceProvider.GetRequiredService<CollectionService>().OverviewAsync(null, 6, Ct);
            Assert.Contains(overview.Matrix, r => r.DepartmentName == "杭州市市场监督管理局");
            Assert.Contains(overview.Rates, r => r.DepartmentName == "杭州市市场监督管理局");
        }
    }

    [Fact]
    public async Task Managers_read_but_cannot_upload_retry_or_reveal()
    {
        var gaj = await ResourceIdAsync(Services, "330100GAJ/00001");
        await using var scope = await ActAs.UserAsync(Services, "manager");
        var batches = scope.ServiceProvider.GetRequiredService<BatchService>();
        var auditsBefore = await RevealAuditsAsync();

        Assert.Equal("当前角色无权执行此操作", (await Assert.ThrowsAsync<AccessDeniedException>(() =>
            batches.PrepareAsync(gaj, "2025-W01", "领导.csv", new MemoryStream(Fixture.ScjCsv), Ct))).Message);
        await Assert.ThrowsAsync<AccessDeniedException>(() => batches.ConfirmAsync(app.ScjDraft, app.ScjDraft.Detection.Mapping, Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => batches.RetryAsync(app.ScjBatch, Ct));
        Assert.Equal("当前角色无权执行此操作", (await Assert.ThrowsAsync<AccessDeniedException>(() =>
            batches.RecordsAsync(app.ScjBatch, new GridRequest(), true, Ct))).Message);

        var masked = await batches.RecordsAsync(app.ScjBatch, new GridRequest(), false, Ct);
        Assert.Equal(["91330106********5E", "机密企业甲有限公司", "王*明", "100.5", "2020-05-01", "330106", "杭州市西湖区****"], masked.Items.Single().Values);
        Assert.Equal(auditsBefore, await RevealAuditsAsync());
        await using var db = ActAs.Db(Services);
        Assert.False(await db.DataBatches.AnyAsync(b => b.UploadedBy == "manager", Ct));
    }

    [Fact]
    public async Task Records_are_masked_for_the_steward_unless_revealed_and_every_reveal_is_audited()
    {
        await using var scope = await ActAs.UserAsync(Services, "steward");
        var batches = scope.ServiceProvider.GetRequiredService<BatchService>();
        var before = (await RevealAuditsAsync()).Length;

        var masked = await batches.RecordsAsync(app.ScjBatch, new GridRequest(), false, Ct);
        Assert.Equal(1, masked.TotalCount);
        Assert.Equal(2, masked.Items.Single().RowNumber);
        Assert.Equal(["91330106********5E", "机密企业甲有限公司", "王*明", "100.5", "2020-05-01", "330106", "杭州市西湖区****"], masked.Items.Single().Values);
        Assert.Equal(before, (await RevealAuditsAsync()).Length);

        var revealed = await batches.RecordsAsync(app.ScjBatch, new GridRequest(), true, Ct);
        Assert.Equal(["91330106MA2B3C4D5E", "机密企业甲有限公司", "王小明", "100.5", "2020-05-01", "330106", "杭州市西湖区文三路100号"], revealed.Items.Single().Values);
        var audits = await RevealAuditsAsync();
        Assert.Equal(before + 1, audits.Length);
        Assert.Equal(new AuditEntrySnapshot("steward", SecretFile, $"批次 {app.ScjBatch} 第 1 页显示原文"), audits[^1]);

        // The owning department may reveal its own data too, audited under its name.
        await using var owner = await ActAs.UserAsync(Services, "shichang");
        await owner.ServiceProvider.GetRequiredService<BatchService>().RecordsAsync(app.ScjBatch, new GridRequest(), true, Ct);
        Assert.Equal("shichang", (await RevealAuditsAsync())[^1].UserName);
    }

    [Fact]
    public async Task Records_stay_masked_after_the_resource_gains_an_item_before_the_sensitive_ones()
    {
        var resource = await PublishResourceAsync(Services, "330100GAJ", Features.Catalog.UpdateCycle.Monthly);
        var id = await ImportAsync(Services, "gongan", resource, "2026-11", "人口.csv",
            Encoding.UTF8.GetBytes("公民身份号码,姓名,出生日期,联系电话\n110105199003071234,张三,1990-03-07,13800138000\n"));

        // A new version inserts a plain item first: the stored values keep the order of the version they were imported under.
        await using var scope = await ActAs.UserAsync(Services, "steward");
        var catalog = scope.ServiceProvider.GetRequiredService<Features.Catalog.CatalogService>();
        var form = await catalog.GetFormAsync(resource, Ct);
        form.Items.Insert(0, new Features.Catalog.InfoItemForm { Code = "XH", Name = "序号", DataType = Features.Catalog.ItemDataType.String, Length = 10 });
        Assert.Equal(Features.Catalog.SaveOutcome.VersionBumped, await catalog.UpdateAsync(resource, form, Ct));

        var batches = scope.ServiceProvider.GetRequiredService<BatchService>();
        var masked = await batches.RecordsAsync(id, new GridRequest(), false, Ct);
        Assert.Equal(["110105********1234", "张*", "1990-03-07", "138****8000"], masked.Items.Single().Values);
        Assert.Equal(["公民身份号码", "姓名", "出生日期", "联系电话"], (await batches.BatchColumnsAsync(id, Ct)).Select(c => c.Name));
    }

    [Fact]
    public async Task Over_http_another_departments_batch_page_shows_the_refusal_and_none_of_the_data()
    {
        var gongan = await app.App.ClientAsAsync("gongan");
        var response = await gongan.GetAsync($"/collection/batches/{app.ScjBatch}", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("无权访问其他部门的数据", html);
        Assert.DoesNotContain(SecretFile, html);
        Assert.DoesNotContain("市场主体登记信息", html);
        Assert.DoesNotContain("机密企业甲", html);

        // The owner gets the page itself, so the refusal above is about scope and not a broken page.
        var shichang = await app.App.ClientAsAsync("shichang");
        var own = await (await shichang.GetAsync($"/collection/batches/{app.ScjBatch}", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains(SecretFile, own);
        Assert.DoesNotContain("无权访问其他部门的数据", own);
    }
}
