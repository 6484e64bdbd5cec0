using GovDataConsole.Features.Audit;
using GovDataConsole.Features.Organization;
using GovDataConsole.Features.Shared;
using GovDataConsole.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovDataConsole.Tests.Organization;

/// <summary>DepartmentService driven directly (as a circuit would) with real principals: scope, role checks and validation.</summary>
public sealed class DepartmentServiceTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<int> IdOfAsync(string code)
    {
        await using var db = ActAs.Db(app.Services);
        return await db.Departments.Where(d => d.Code == code).Select(d => d.Id).SingleAsync(Ct);
    }

    private async Task<(int Departments, int Audits)> CountsAsync()
    {
        await using var db = ActAs.Db(app.Services);
        return (await db.Departments.CountAsync(Ct),
            await db.AuditEntries.CountAsync(e => e.Category == AuditActions.OrganizationCategory, Ct));
    }

    private static DepartmentForm ValidForm() => new()
    {
        Code = TestData.DepartmentCode(), Name = "测试部门" + Guid.NewGuid().ToString("N")[..6], CreditCode = TestData.CreditCode(),
        ContactPerson = "测试", ContactPhone = "0571-87001234",
    };

    [Fact]
    public async Task Staff_list_and_options_contain_only_their_department()
    {
        await using var scope = await ActAs.UserAsync(app.Services, "gongan");
        var service = scope.ServiceProvider.GetRequiredService<DepartmentService>();

        var page = await service.ListAsync(new DepartmentQuery { PageSize = 100 }, Ct);
        Assert.Equal("330100GAJ", Assert.Single(page.Items).Code);
        Assert.Equal(1, page.TotalCount);
        Assert.Empty((await service.ListAsync(new DepartmentQuery { Search = "330100SCJ" }, Ct)).Items);

        var option = Assert.Single(await service.OptionsAsync(Ct));
        Assert.Equal("杭州市公安局", option.Name);
    }

    [Fact]
    public async Task Staff_get_their_own_department_and_are_refused_any_other()
    {
        await using var scope = await ActAs.UserAsync(app.Services, "gongan");
        var service = scope.ServiceProvider.GetRequiredService<DepartmentService>();

        Assert.Equal("杭州市公安局", (await service.GetAsync(await IdOfAsync("330100GAJ"), Ct)).Name);
        var ex = await Assert.ThrowsAsync<AccessDeniedException>(async () => await service.GetAsync(await IdOfAsync("330100SCJ"), Ct));
        Assert.Equal("无权访问其他部门的数据", ex.Message);
        // Not-found is not revealed to staff either.
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.GetAsync(999_999, Ct));
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("steward")]
    [InlineData("manager")]
    public async Task Other_roles_see_every_department(string userName)
    {
        await using var scope = await ActAs.UserAsync(app.Services, userName);
        var service = scope.ServiceProvider.GetRequiredService<DepartmentService>();

        var codes = (await service.ListAsync(new DepartmentQuery { PageSize = 100 }, Ct)).Items.Select(d => d.Code).ToList();
        Assert.Contains("330100GAJ", codes);
        Assert.Contains("330100SCJ", codes);
        Assert.Contains("330000DSJ", codes);
        Assert.Equal("杭州市市场监督管理局", (await service.GetAsync(await IdOfAsync("330100SCJ"), Ct)).Name);
        Assert.True((await service.OptionsAsync(Ct)).Count >= 8);
    }

    [Fact]
    public async Task Without_a_signed_in_user_nothing_is_visible()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<DepartmentService>();

        Assert.Empty((await service.ListAsync(new DepartmentQuery(), Ct)).Items);
        Assert.Empty(await service.OptionsAsync(Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(async () => await service.GetAsync(await IdOfAsync("330100GAJ"), Ct));
    }

    [Fact]
    public async Task Staff_without_a_department_see_nothing()
    {
        var userName = TestData.UserName("nodept");
        await using (var setup = app.Services.CreateAsyncScope())
        {
            var users = setup.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = userName, DisplayName = "无部门" };
            Assert.True((await users.CreateAsync(user, "Valid@2026!")).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.DepartmentStaff)).Succeeded);
        }
        await using var scope = await ActAs.UserAsync(app.Services, userName);
        var service = scope.ServiceProvider.GetRequiredService<DepartmentService>();

        Assert.Empty((await service.ListAsync(new DepartmentQuery(), Ct)).Items);
        Assert.Empty(await service.OptionsAsync(Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(async () => await service.GetAsync(await IdOfAsync("330100GAJ"), Ct));
    }

    [Theory]
    [InlineData("gongan")]
    [InlineData("steward")]
    [InlineData("manager")]
    public async Task Non_admins_cannot_create_or_change_departments_and_nothing_is_written(string userName)
    {
        var before = await CountsAsync();
        var ownId = await IdOfAsync("330100GAJ");
        await using var scope = await ActAs.UserAsync(app.Services, userName);
        var service = scope.ServiceProvider.GetRequiredService<DepartmentService>();

        var create = await Assert.ThrowsAsync<AccessDeniedException>(() => service.CreateAsync(ValidForm(), Ct));
        Assert.Equal("当前角色无权执行此操作", create.Message);
        var renamed = (await service.GetAsync(ownId, Ct)).ToForm();
        renamed.Name = "被篡改的名称";
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.UpdateAsync(ownId, renamed, Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.SetEnabledAsync(ownId, false, Ct));

        Assert.Equal(before, await CountsAsync());
        await using var db = ActAs.Db(app.Services);
        var own = await db.Departments.AsNoTracking().SingleAsync(d => d.Id == ownId, Ct);
        Assert.Equal("杭州市公安局", own.Name);
        Assert.True(own.Enabled);
    }

    [Fact]
    public async Task Admin_creates_a_valid_department_and_the_change_is_audited()
    {
        await using var scope = await ActAs.UserAsync(app.Services, "admin");
        var service = scope.ServiceProvider.GetRequiredService<DepartmentService>();
        var form = ValidForm();
        form.ParentId = await IdOfAsync("330100SJJ");

        var id = await service.CreateAsync(form, Ct);

        var row = await service.GetAsync(id, Ct);
        Assert.Equal(form.Code, row.Code);
        Assert.Equal("杭州市数据资源管理局", row.ParentName);
        await using var db = ActAs.Db(app.Services);
        var audit = await db.AuditEntries.SingleAsync(e => e.Action == AuditActions.DepartmentCreated && e.Target == form.Name, Ct);
        Assert.Equal("admin", audit.UserName);
    }

    [Fact]
    public async Task Invalid_credit_code_is_refused_with_the_Chinese_message_and_nothing_is_saved()
    {
        var before = await CountsAsync();
        await using var scope = await ActAs.UserAsync(app.Services, "admin");
        var service = scope.ServiceProvider.GetRequiredService<DepartmentService>();
        var form = ValidForm();
        form.CreditCode = form.CreditCode[..17] + (form.CreditCode[17] == '0' ? '1' : '0'); // wrong check character

        var ex = await Assert.ThrowsAsync<BusinessRuleException>(() => service.CreateAsync(form, Ct));

        Assert.Equal(["统一社会信用代码不符合 GB 32100-2015（18 位，校验位错误或含 I、O、S、V、Z）"], ex.Errors);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Duplicate_code_and_credit_code_are_refused_and_nothing_is_saved()
    {
        var before = await CountsAsync();
        await using var scope = await ActAs.UserAsync(app.Services, "admin");
        var service = scope.ServiceProvider.GetRequiredService<DepartmentService>();
        var form = ValidForm();
        form.Code = "330100GAJ";
        form.CreditCode = "11330100002489351G"; // 杭州市公安局's

        var ex = await Assert.ThrowsAsync<BusinessRuleException>(() => service.CreateAsync(form, Ct));

        Assert.Contains("部门代码已被其他部门使用", ex.Errors);
        Assert.Contains("统一社会信用代码已被其他部门使用", ex.Errors);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_department_cannot_be_moved_under_its_own_descendant()
    {
        await using var scope = await ActAs.UserAsync(app.Services, "admin");
        var service = scope.ServiceProvider.GetRequiredService<DepartmentService>();
        var cityId = await IdOfAsync("330100SJJ");
        var form = (await service.GetAsync(cityId, Ct)).ToForm();
        form.ParentId = await IdOfAsync("330106SJJ"); // the district below the city

        var ex = await Assert.ThrowsAsync<BusinessRuleException>(() => service.UpdateAsync(cityId, form, Ct));

        Assert.Contains("上级部门不存在，或会形成循环（不能选择本部门或其下级部门）", ex.Errors);
        Assert.Equal(await IdOfAsync("330000DSJ"), (await service.GetAsync(cityId, Ct)).ParentId);
    }

    [Theory]
    [InlineData(nameof(DepartmentRow.Code), false)]
    [InlineData(nameof(DepartmentRow.Name), true)]
    [InlineData(nameof(DepartmentRow.ParentName), false)]
    [InlineData(nameof(DepartmentRow.ParentName), true)]
    [InlineData(nameof(DepartmentRow.Enabled), true)]
    [InlineData("NoSuchColumn", false)]
    public async Task List_pages_and_sorts_by_every_grid_column_in_the_database(string sortBy, bool descending)
    {
        await using var scope = await ActAs.UserAsync(app.Services, "steward");
        var service = scope.ServiceProvider.GetRequiredService<DepartmentService>();

        var all = await service.ListAsync(new DepartmentQuery { SortBy = sortBy, Descending = descending, PageSize = 200 }, Ct);
        Func<DepartmentRow, string?> key = sortBy switch
        {
            nameof(DepartmentRow.Name) => d => d.Name,
            nameof(DepartmentRow.ParentName) => d => d.ParentName,
            nameof(DepartmentRow.Enabled) => d => d.Enabled ? "1" : "0",
            _ => d => d.Code, // unknown columns fall back to the code
        };
        var keys = all.Items.Select(key).ToList();
        var expected = descending ? keys.OrderDescending(StringComparer.Ordinal) : keys.Order(StringComparer.Ordinal);
        Assert.Equal(expected, keys);
        Assert.Equal(all.TotalCount, all.Items.Count);

        var second = await service.ListAsync(new DepartmentQuery { SortBy = sortBy, Descending = descending, Page = 1, PageSize = 3 }, Ct);
        Assert.Equal(all.TotalCount, second.TotalCount);
        Assert.Equal(keys.Skip(3).Take(3), second.Items.Select(key));
    }
}
