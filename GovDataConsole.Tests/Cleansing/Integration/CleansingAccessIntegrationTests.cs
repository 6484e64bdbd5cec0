using GovDataConsole.Cleansing;
using GovDataConsole.Features.Cleansing;
using GovDataConsole.Features.Shared;
using GovDataConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GovDataConsole.Tests.Cleansing.CleansingKit;

namespace GovDataConsole.Tests.Cleansing;

/// <summary>Who may do what with cleansing rules and results, and which rule sets are refused, in Chinese and with nothing saved.</summary>
[Collection(CleansingAppCollection.Name)]
public sealed class CleansingAccessIntegrationTests(DemoAppFixture app)
{
    private const string OtherDepartment = "无权访问其他部门的数据";

    private static async Task<T> AsAsync<T>(IServiceProvider services, string user, Func<CleansingService, Task<T>> action)
    {
        await using var scope = await ActAs.UserAsync(services, user);
        return await action(scope.ServiceProvider.GetRequiredService<CleansingService>());
    }

    private static Task AsAsync(IServiceProvider services, string user, Func<CleansingService, Task> action) =>
        AsAsync(services, user, async s => { await action(s); return 0; });

    [Fact]
    public async Task Department_staff_cannot_save_rules_even_for_their_own_resource()
    {
        var resource = await PublishResourceAsync(app.Services, "330100GAJ");
        var items = await ItemRulesAsync(app.Services, resource, MessyRules());

        var error = await Assert.ThrowsAsync<AccessDeniedException>(() =>
            AsAsync(app.Services, "gongan", s => s.SaveAsync(resource, items, DedupMode.KeepFirst, Ct)));

        Assert.Equal("当前角色无权执行此操作", error.Message);
        Assert.Equal(0, await RuleSetCountAsync(app.Services, resource));
        // Reading their own resource's rules is fine.
        Assert.Equal(resource, (await AsAsync(app.Services, "gongan", s => s.GetAsync(resource, Ct))).ResourceId);
    }

    [Fact]
    public async Task Department_staff_cannot_read_preview_or_see_results_of_another_departments_resource_and_batch()
    {
        var resource = await PublishResourceAsync(app.Services, "330100SCJ");
        var batchId = await ImportAsync(app.Services, resource);
        await SaveAsync(app.Services, resource, MessyRules(), DedupMode.KeepFirst);
        await CleanseAsync(app.Services, batchId);
        var items = await ItemRulesAsync(app.Services, resource, MessyRules());

        Assert.Equal(OtherDepartment, (await Assert.ThrowsAsync<AccessDeniedException>(() =>
            AsAsync(app.Services, "gongan", s => s.GetAsync(resource, Ct)))).Message);
        Assert.Equal(OtherDepartment, (await Assert.ThrowsAsync<AccessDeniedException>(() =>
            AsAsync(app.Services, "gongan", s => s.PreviewAsync(resource, batchId, items, DedupMode.None, Ct)))).Message);
        Assert.Equal(OtherDepartment, (await Assert.ThrowsAsync<AccessDeniedException>(() =>
            AsAsync(app.Services, "gongan", s => s.BatchResultAsync(batchId, Ct)))).Message);
        Assert.Equal(OtherDepartment, (await Assert.ThrowsAsync<AccessDeniedException>(() =>
            AsAsync(app.Services, "gongan", s => s.RecleanseAsync(batchId, Ct)))).Message);
        Assert.DoesNotContain(await AsAsync(app.Services, "gongan", s => s.ResourcesAsync(Ct)), r => r.ResourceId == resource);

        // The owning department does see them.
        Assert.Equal(2, (await AsAsync(app.Services, "shichang", s => s.BatchResultAsync(batchId, Ct))).Duplicates);
    }

    public static TheoryData<string, string, string> BadRules => new()
    {
        { "SFZH", $"{CleanserParameterNames.Pattern}=([0-9", "正则表达式第" },
        { "XB", $"{CleanserParameterNames.Mapping}=男", "映射表第 1 行应写成“原值=代码”：男" },
        { "XB", $"{CleanserParameterNames.Mapping}=男=1\n女=X", "映射目标“X”不是代码表中的代码。" },
        { "XB", $"{CleanserParameterNames.Mapping}=男=1\n男=2", "原值“男”同时映射到“1”和“2”。" },
    };

    [Theory]
    [MemberData(nameof(BadRules))]
    public async Task An_invalid_rule_is_refused_in_Chinese_and_no_version_is_saved(string item, string parameter, string message)
    {
        var resource = await PublishResourceAsync(app.Services);
        var batchId = await ImportAsync(app.Services, resource);
        Assert.Equal(1, await SaveAsync(app.Services, resource, MessyRules(), DedupMode.None));
        var split = parameter.IndexOf('=');
        var kind = item == "SFZH" ? CleanserKind.RegexReplace : CleanserKind.DictionaryMapping;
        var rules = MessyRules();
        rules[item] = [.. rules[item], Rule(kind, (parameter[..split], parameter[(split + 1)..]))];
        var items = await ItemRulesAsync(app.Services, resource, rules);

        var save = await Assert.ThrowsAsync<BusinessRuleException>(() => AsAsync(app.Services, "steward", s => s.SaveAsync(resource, items, DedupMode.None, Ct)));
        var preview = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            AsAsync(app.Services, "steward", s => s.PreviewAsync(resource, batchId, items, DedupMode.None, Ct)));

        Assert.StartsWith(message, Assert.Single(save.Errors));
        Assert.Equal(save.Errors, preview.Errors);
        Assert.Equal(1, await RuleSetCountAsync(app.Services, resource));
        Assert.Equal(1, (await AsAsync(app.Services, "steward", s => s.GetAsync(resource, Ct))).Version);
    }

    [Fact]
    public async Task Re_cleansing_a_batch_that_is_not_imported_is_refused()
    {
        var resource = await PublishResourceAsync(app.Services);
        var queued = await QueueAsync(app.Services, resource, MessyCsv());

        var error = await Assert.ThrowsAsync<BusinessRuleException>(() => AsAsync(app.Services, "steward", s => s.RecleanseAsync(queued, Ct)));

        Assert.Equal("只有已入库或已清洗的批次可以重新清洗", error.Message);
        // Nor does the job touch it.
        await CleanseAsync(app.Services, queued);
        Assert.Equal(Features.Collection.BatchStatus.Queued, (await BatchAsync(app.Services, queued)).Status);
    }

    [Fact]
    public async Task The_rules_page_shows_a_steward_the_rules_and_refuses_other_departments_in_Chinese()
    {
        int gaj, scj;
        await using (var db = ActAs.Db(app.Services))
        {
            gaj = await db.DataResources.Where(r => r.Code == "330100GAJ/00001").Select(r => r.Id).SingleAsync(Ct);
            scj = await db.DataResources.Where(r => r.Code == "330100SCJ/00001").Select(r => r.Id).SingleAsync(Ct);
        }

        var steward = await app.ClientAsAsync("steward");
        var page = await steward.GetStringAsync($"/cleansing/{gaj}", Ct);
        Assert.Contains("常住人口基本信息", page);
        Assert.Contains("公民身份号码", page);
        Assert.Contains(CleanserCatalog.NameOf(CleanserKind.ResidentIdUpgrade), page);
        Assert.Contains(CleanserCatalog.NameOf(CleanserKind.DictionaryMapping), page);
        Assert.Contains("v1", page);
        Assert.Contains("data-testid=\"rules-save\"", page);

        var gongan = await app.ClientAsAsync("gongan");
        var own = await gongan.GetStringAsync($"/cleansing/{gaj}", Ct);
        Assert.Contains(CleanserCatalog.NameOf(CleanserKind.ResidentIdUpgrade), own);
        Assert.DoesNotContain("data-testid=\"rules-save\"", own);
        var refused = await gongan.GetStringAsync($"/cleansing/{scj}", Ct);
        Assert.Contains(OtherDepartment, refused);
        Assert.Contains("data-testid=\"cleansing-error\"", refused);
        Assert.DoesNotContain("市场主体登记信息", refused);
        Assert.DoesNotContain("统一社会信用代码", refused);
    }
}
