using System.Net;
using GovDataConsole.Data;
using GovDataConsole.Features.Organization;
using GovDataConsole.Hosting;
using GovDataConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GovDataConsole.Tests.Account;

/// <summary><c>create-admin</c> provisions the first administrator of a fresh deployment, without any demo data.</summary>
public sealed class CreateAdminCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static SqliteAppDbContext Open(string dataDirectory) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={Path.Combine(dataDirectory, "govdata.db")};Pooling=False").Options);

    [Fact]
    public async Task Creates_an_admin_who_signs_in_on_a_fresh_folder_without_demo_users()
    {
        var folder = TempFolder.Create("create-admin");

        var exit = await ConsoleCommands.RunAsync(
            ["create-admin", "--user", "root", "--password", "Root@2026!", "--name", "首位管理员", $"--Database:DataDirectory={folder}"]);

        Assert.Equal(0, exit);
        await using (var db = Open(folder))
        {
            var user = await db.Users.SingleAsync(Ct); // the admin and nobody else
            Assert.Equal(("root", "首位管理员"), (user.UserName, user.DisplayName));
            var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name).ToListAsync(Ct);
            Assert.Equal([Roles.Admin], roles);
            Assert.Empty(await db.Departments.ToListAsync(Ct));
            Assert.Equal(Roles.All.Order(), (await db.Roles.Select(r => r.Name!).ToListAsync(Ct)).Order());
        }

        await using var app = new ProvisionedAppFactory(folder);
        var client = await SignIn.AsAsync(app, "root", "Root@2026!");
        var users = await client.GetAsync("/admin/users", Ct);
        Assert.Equal(HttpStatusCode.OK, users.StatusCode);
        Assert.Contains("首位管理员", await users.Content.ReadAsStringAsync(Ct));

        var demo = await SignIn.PostLoginAsync(app.CreateClient(new() { AllowAutoRedirect = false }), "admin", SignIn.DemoPassword);
        Assert.Equal(HttpStatusCode.OK, demo.StatusCode);
        Assert.Contains("用户名或密码错误", await demo.Content.ReadAsStringAsync(Ct));
        await using var after = Open(folder);
        Assert.Equal(["root"], await after.Users.Select(u => u.UserName!).ToListAsync(Ct));
    }

    [Fact]
    public async Task A_weak_password_fails_with_the_policy_and_creates_nobody()
    {
        var folder = TempFolder.Create("create-admin");

        var exit = await ConsoleCommands.RunAsync(["create-admin", "--user", "root", "--password", "weak", $"--Database:DataDirectory={folder}"]);

        Assert.Equal(1, exit);
        await using var db = Open(folder);
        Assert.Empty(await db.Users.ToListAsync(Ct));
    }

    [Fact]
    public async Task Missing_arguments_print_usage_and_touch_nothing()
    {
        var folder = Path.Combine(TempFolder.Create("create-admin"), "data");

        var exit = await ConsoleCommands.RunAsync(["create-admin", "--user", "root", $"--Database:DataDirectory={folder}"]);

        Assert.Equal(2, exit);
        Assert.False(Directory.Exists(folder));
    }
}
