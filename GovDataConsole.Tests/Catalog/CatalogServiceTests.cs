using GovDataConsole.Features.Audit;
using GovDataConsole.Features.Catalog;
using GovDataConsole.Features.Shared;
using GovDataConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovDataConsole.Tests.Catalog;

/// <summary>The catalog services against the demo database: scope, roles, validation, versions and audit.</summary>
public sealed class CatalogServiceTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<int> ResourceIdAsync(string code)
    {
        await using var db = ActAs.Db(app.Services);
        return await db.DataResources.Where(r => r.Code == code).Select(r => r.Id).SingleAsync(Ct);
    }

    private async Task<int> DepartmentIdAsync(string code)
    {
        await using var db = ActAs.Db(app.Services);
        return await db.Departments.Where(d => d.Code == code).Select(d => d.Id).SingleAsync(Ct);
    }

    private static ResourceForm NewForm(int departmentId, string code, string name = "测试资源") => new()
    {
        DepartmentId = departmentId, Code = code, Name = name, ShareType = ShareType.Unconditional, OpenType = OpenType.NotOpen,
        UpdateCycle = UpdateCycle.Monthly, SensitivityGrade = SensitivityGrade.General,
        Items = [new InfoItemForm { Code = "MC", Name = "名称", DataType = ItemDataType.String, Length = 50, Required = true }],
    };

    [Fact]
    public async Task Department_staff_list_only_their_own_resources()
    {
        await using var scope = await ActAs.UserAsync(app.Services, "gongan");
        var page = await scope.ServiceProvider.GetRequiredService<CatalogService>().ListAsync(new ResourceQuery { PageSize = 200 }, Ct);
        Assert.NotEmpty(page.Items);
        Assert.All(page.Items, r => Assert.Equal("杭州市公安局", r.DepartmentName));

        await using var steward = await ActAs.UserAsync(app.Services, "steward");
        var all = await steward.ServiceProvider.GetRequiredService<CatalogService>().ListAsync(new ResourceQuery { PageSize = 200 }, Ct);
        Assert.Contains(all.Items, r => r.DepartmentName == "杭州市市场监督管理局");
    }

    [Fact]
    public async Task Department_staff_are_refused_another_departments_resource_and_nothing_changes()
    {
        var id = await ResourceIdAsync("330100SCJ/00001");
        await using var scope = await ActAs.UserAsync(app.Services, "gongan");
        var catalog = scope.ServiceProvider.GetRequiredService<CatalogService>();

        var read = await Assert.ThrowsAsync<AccessDeniedException>(() => catalog.GetAsync(id, Ct));
        Assert.Equal("无权访问其他部门的数据", read.Message);
        await Assert.ThrowsAsync<AccessDeniedException>(() => catalog.GetFormAsync(id, Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => catalog.CompareVersionsAsync(id, 1, 1, Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => catalog.UpdateAsync(id, NewForm(0, "330100SCJ/00001", "篡改"), Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => catalog.SubmitAsync(id, Ct));
        var scj = await DepartmentIdAsync("330100SCJ");
        await Assert.ThrowsAsync<AccessDeniedException>(() => catalog.CreateAsync(NewForm(scj, "330100SCJ/09999"), Ct));

        await using var db = ActAs.Db(app.Services);
        var resource = await db.DataResources.SingleAsync(r => r.Id == id, Ct);
        Assert.Equal("市场主体登记信息", resource.Name);
        Assert.False(await db.DataResources.AnyAsync(r => r.Code == "330100SCJ/09999", Ct));
    }

    [Fact]
    public async Task Only_stewards_publish_and_managers_cannot_edit()
    {
        var gaj = await DepartmentIdAsync("330100GAJ");
        int id;
        await using (var staff = await ActAs.UserAsync(app.Services, "gongan"))
        {
            var catalog = staff.ServiceProvider.GetRequiredService<CatalogService>();
            id = await catalog.CreateAsync(NewForm(gaj, "330100GAJ/00101"), Ct);
            await catalog.SubmitAsync(id, Ct);
            await Assert.ThrowsAsync<AccessDeniedException>(() => catalog.PublishAsync(id, Ct));
        }
        await using (var manager = await ActAs.UserAsync(app.Services, "manager"))
        {
            var catalog = manager.ServiceProvider.GetRequiredService<CatalogService>();
            await Assert.ThrowsAsync<AccessDeniedException>(() => catalog.CreateAsync(NewForm(gaj, "330100GAJ/00102"), Ct));
            await Assert.ThrowsAsync<AccessDeniedException>(() => catalog.PublishAsync(id, Ct));
        }
        await using (var steward = await ActAs.UserAsync(app.Services, "steward"))
            await steward.ServiceProvider.GetRequiredService<CatalogService>().PublishAsync(id, Ct);

        await using var db = ActAs.Db(app.Services);
        Assert.Equal(ResourceStatus.Published, (await db.DataResources.SingleAsync(r => r.Id == id, Ct)).Status);
        Assert.Equal(3, await db.AuditEntries.CountAsync(e => e.Target == "330100GAJ/00101"
            && (e.Action == AuditActions.ResourceCreated || e.Action == AuditActions.ResourceSubmitted || e.Action == AuditActions.ResourcePublished), Ct));
    }

    [Fact]
    public async Task Editing_a_published_resource_makes_a_new_version_with_a_readable_diff()
    {
        var gaj = await DepartmentIdAsync("330100GAJ");
        await using var scope = await ActAs.UserAsync(app.Services, "steward");
        var catalog = scope.ServiceProvider.GetRequiredService<CatalogService>();
        var id = await catalog.CreateAsync(NewForm(gaj, "330100GAJ/00201", "机动车登记信息"), Ct);

        var form = await catalog.GetFormAsync(id, Ct);
        form.Summary = "草稿阶段补充摘要";
        Assert.Equal(SaveOutcome.Updated, await catalog.UpdateAsync(id, form, Ct));
        Assert.Equal(SaveOutcome.Unchanged, await catalog.UpdateAsync(id, await catalog.GetFormAsync(id, Ct), Ct));
        await catalog.PublishAsync(id, Ct);

        form = await catalog.GetFormAsync(id, Ct);
        form.Items[0].Length = 100;
        form.Items.Add(new InfoItemForm { Code = "HPHM", Name = "号牌号码", DataType = ItemDataType.String, Length = 20 });
        Assert.Equal(SaveOutcome.VersionBumped, await catalog.UpdateAsync(id, form, Ct));

        var detail = await catalog.GetAsync(id, Ct);
        Assert.Equal(2, detail.Resource.Version);
        Assert.Equal([2, 1], detail.Versions.Select(v => v.Version));
        var changes = await catalog.CompareVersionsAsync(id, 1, 2, Ct);
        Assert.Contains(changes, c => c.Field == "信息项 MC · 长度" && c.Before == "50" && c.After == "100");
        Assert.Contains(changes, c => c.Field == "新增信息项 HPHM" && c.Before == null);

        await using var db = ActAs.Db(app.Services);
        var audit = await db.AuditEntries.Where(e => e.Target == "330100GAJ/00201" && e.Action == AuditActions.ResourceUpdated)
            .OrderByDescending(e => e.Id).FirstAsync(Ct);
        Assert.Contains("信息项 MC · 长度: 50 → 100", audit.Detail);
    }

    [Fact]
    public async Task Invalid_resources_are_refused_with_Chinese_reasons_and_not_saved()
    {
        var gaj = await DepartmentIdAsync("330100GAJ");
        await using var scope = await ActAs.UserAsync(app.Services, "gongan");
        var catalog = scope.ServiceProvider.GetRequiredService<CatalogService>();

        var form = NewForm(gaj, "330100SCJ/00301");
        form.ShareType = ShareType.Conditional;
        form.Items.Add(new InfoItemForm { Code = "MC", Name = "重复", DataType = ItemDataType.Decimal, Length = 10, Precision = 12 });
        var error = await Assert.ThrowsAsync<BusinessRuleException>(() => catalog.CreateAsync(form, Ct));
        Assert.Contains("资源代码须以本部门代码 330100GAJ 开头", error.Errors);
        Assert.Contains("有条件共享必须填写共享条件", error.Errors);
        Assert.Contains("信息项编码 MC 重复", error.Errors);
        Assert.Contains(error.Errors, e => e.Contains("小数位数须在 0 到总位数之间"));

        var taken = await Assert.ThrowsAsync<BusinessRuleException>(() => catalog.CreateAsync(NewForm(gaj, "330100GAJ/00001"), Ct));
        Assert.Contains("资源代码 330100GAJ/00001 已被使用", taken.Errors);

        await using var db = ActAs.Db(app.Services);
        Assert.False(await db.DataResources.AnyAsync(r => r.Code == "330100SCJ/00301", Ct));
    }
}
