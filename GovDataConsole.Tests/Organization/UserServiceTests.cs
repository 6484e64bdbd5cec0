using GovDataConsole.Features.Organization;
using GovDataConsole.Features.Shared;
using GovDataConsole.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovDataConsole.Tests.Organization;

/// <summary>UserService: admins only, Chinese validation and password-policy messages, nothing written on refusal.</summary>
public sealed class UserServiceTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<int> IdOfAsync(string code)
    {
        await using var db = ActAs.Db(app.Services);
        return await db.Departments.Where(d => d.Code == code).Select(d => d.Id).SingleAsync(Ct);
    }

    private async Task<bool> UserExistsAsync(string userName)
    {
        await using var db = ActAs.Db(app.Services);
        return await db.Users.AnyAsync(u => u.UserName == userName, Ct);
    }

    private async Task<UserForm> StaffFormAsync(string? password = "Valid@2026!") => new()
    {
        UserName = TestData.UserName("u"), DisplayName = "测试用户", Role = Roles.DepartmentStaff,
        DepartmentId = await IdOfAsync("330100GAJ"), Password = password,
    };

    [Theory]
    [InlineData("gongan")]
    [InlineData("steward")]
    [InlineData("manager")]
    public async Task Non_admins_cannot_create_users_and_nothing_is_written(string userName)
    {
        var form = await StaffFormAsync();
        form.Role = Roles.Admin;
        await using var scope = await ActAs.UserAsync(app.Services, userName);
        var service = scope.ServiceProvider.GetRequiredService<UserService>();

        var ex = await Assert.ThrowsAsync<AccessDeniedException>(() => service.CreateAsync(form, Ct));

        Assert.Equal("当前角色无权执行此操作", ex.Message);
        Assert.False(await UserExistsAsync(form.UserName));
    }

    [Theory]
    [InlineData("gongan")]
    [InlineData("steward")]
    [InlineData("manager")]
    public async Task Non_admins_cannot_list_lock_or_reset_users(string userName)
    {
        string shichangId;
        await using (var db = ActAs.Db(app.Services))
            shichangId = await db.Users.Where(u => u.UserName == "shichang").Select(u => u.Id).SingleAsync(Ct);
        await using var scope = await ActAs.UserAsync(app.Services, userName);
        var service = scope.ServiceProvider.GetRequiredService<UserService>();

        await Assert.ThrowsAsync<AccessDeniedException>(() => service.ListAsync(new UserQuery(), Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.SetLockedAsync(shichangId, true, Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.ResetPasswordAsync(shichangId, "Other@2026!", Ct));

        await using var check = app.Services.CreateAsyncScope();
        var users = check.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var shichang = (await users.FindByIdAsync(shichangId))!;
        Assert.False(await users.IsLockedOutAsync(shichang));
        Assert.True(await users.CheckPasswordAsync(shichang, SignIn.DemoPassword));
    }

    [Fact]
    public async Task Weak_password_is_refused_with_every_Chinese_policy_message_and_no_user_is_created()
    {
        var form = await StaffFormAsync(password: "abc");
        await using var scope = await ActAs.UserAsync(app.Services, "admin");
        var service = scope.ServiceProvider.GetRequiredService<UserService>();

        var ex = await Assert.ThrowsAsync<BusinessRuleException>(() => service.CreateAsync(form, Ct));

        Assert.Equal(
            new[] { "密码长度不能少于 8 位", "密码必须包含大写字母", "密码必须包含数字", "密码必须包含特殊符号" }.Order(),
            ex.Errors.Order());
        Assert.False(await UserExistsAsync(form.UserName));
    }

    [Theory]
    [InlineData("abcdefgh1!", "密码必须包含大写字母")]
    [InlineData("ABCDEFGH1!", "密码必须包含小写字母")]
    [InlineData("Abcdefghi!", "密码必须包含数字")]
    [InlineData("Abcdefgh12", "密码必须包含特殊符号")]
    [InlineData("Ab1!efg", "密码长度不能少于 8 位")]
    public async Task Each_password_rule_is_enforced(string password, string message)
    {
        var form = await StaffFormAsync(password);
        await using var scope = await ActAs.UserAsync(app.Services, "admin");
        var service = scope.ServiceProvider.GetRequiredService<UserService>();

        var ex = await Assert.ThrowsAsync<BusinessRuleException>(() => service.CreateAsync(form, Ct));

        Assert.Equal([message], ex.Errors);
        Assert.False(await UserExistsAsync(form.UserName));
    }

    [Fact]
    public async Task Department_staff_without_a_department_are_refused()
    {
        var form = await StaffFormAsync();
        form.DepartmentId = null;
        await using var scope = await ActAs.UserAsync(app.Services, "admin");
        var service = scope.ServiceProvider.GetRequiredService<UserService>();

        var ex = await Assert.ThrowsAsync<BusinessRuleException>(() => service.CreateAsync(form, Ct));

        Assert.Equal(["部门填报员必须选择所属部门"], ex.Errors);
        Assert.False(await UserExistsAsync(form.UserName));
    }

    [Fact]
    public async Task Admin_creates_a_department_user_who_then_signs_in_within_that_department()
    {
        var form = await StaffFormAsync();
        await using (var scope = await ActAs.UserAsync(app.Services, "admin"))
        {
            var id = await scope.ServiceProvider.GetRequiredService<UserService>().CreateAsync(form, Ct);
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByIdAsync(id))!;
            Assert.Equal([Roles.DepartmentStaff], await users.GetRolesAsync(user));
            Assert.Equal(form.DepartmentId, user.DepartmentId);
        }

        await using var asNewUser = await ActAs.UserAsync(app.Services, form.UserName);
        var departments = await asNewUser.ServiceProvider.GetRequiredService<DepartmentService>().ListAsync(new DepartmentQuery(), Ct);
        Assert.Equal("330100GAJ", Assert.Single(departments.Items).Code);
        var client = await SignIn.AsAsync(app, form.UserName, form.Password!);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/", Ct)).StatusCode);
    }

    [Fact]
    public async Task Admin_lists_users_with_search_role_and_department_filters()
    {
        await using var scope = await ActAs.UserAsync(app.Services, "admin");
        var service = scope.ServiceProvider.GetRequiredService<UserService>();

        var gongan = Assert.Single((await service.ListAsync(new UserQuery { Search = "陈静" }, Ct)).Items);
        Assert.Equal(("gongan", Roles.DepartmentStaff, "杭州市公安局", false), (gongan.UserName, gongan.Role, gongan.DepartmentName, gongan.LockedOut));

        var staff = await service.ListAsync(new UserQuery { Role = Roles.DepartmentStaff, PageSize = 200 }, Ct);
        Assert.All(staff.Items, u => Assert.Equal(Roles.DepartmentStaff, u.Role));
        Assert.Contains(staff.Items, u => u.UserName == "shichang");

        var scj = await service.ListAsync(new UserQuery { DepartmentId = await IdOfAsync("330100SCJ") }, Ct);
        Assert.Equal("shichang", Assert.Single(scj.Items).UserName);
    }

    [Theory]
    [InlineData(nameof(UserRow.UserName), false)]
    [InlineData(nameof(UserRow.DisplayName), true)]
    [InlineData(nameof(UserRow.Role), false)]
    [InlineData(nameof(UserRow.DepartmentName), true)]
    public async Task User_list_sorts_by_every_grid_column(string sortBy, bool descending)
    {
        await using var scope = await ActAs.UserAsync(app.Services, "admin");
        var service = scope.ServiceProvider.GetRequiredService<UserService>();

        var page = await service.ListAsync(new UserQuery { SortBy = sortBy, Descending = descending, PageSize = 200 }, Ct);
        var keys = page.Items.Select(u => (string?)typeof(UserRow).GetProperty(sortBy)!.GetValue(u)).ToList();
        Assert.True(keys.Count >= 5);
        Assert.Equal(descending ? keys.OrderDescending(StringComparer.Ordinal) : keys.Order(StringComparer.Ordinal), keys);
    }
}
