using System.Net;
using GovDataConsole.Tests.Infrastructure;

namespace GovDataConsole.Tests.Account;

/// <summary>Who reaches what over HTTP: anonymous users go to sign-in, only admins reach the admin pages and the job dashboard.</summary>
public sealed class AccessControlTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> NonAdminsOnAdminPaths()
    {
        var data = new TheoryData<string, string>();
        foreach (var user in new[] { "gongan", "steward", "manager" })
            foreach (var path in new[] { "/admin/departments", "/admin/users", "/admin/audit", "/hangfire", "/hangfire/jobs/enqueued" })
                data.Add(user, path);
        return data;
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/admin/departments")]
    [InlineData("/admin/users")]
    [InlineData("/hangfire")]
    public async Task Anonymous_users_are_sent_to_sign_in(string path)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal("/account/login", location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0]);
        Assert.Contains("ReturnUrl=" + Uri.EscapeDataString(path), location.OriginalString);
    }

    [Fact]
    public async Task The_sign_in_page_is_Chinese_and_open_to_anonymous_users()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.GetAsync("/account/login", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("<html lang=\"zh-CN\">", html);
        Assert.Contains("政务数据治理运营台", html);
        Assert.Contains("用户名", html);
    }

    [Theory]
    [MemberData(nameof(NonAdminsOnAdminPaths))]
    public async Task Non_admins_are_refused_admin_pages_and_the_job_dashboard(string userName, string path)
    {
        var client = await app.ClientAsAsync(userName);
        var response = await client.GetAsync(path, Ct);

        // Browsers are sent to the access-denied page; nothing of the page itself is served.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", PathOf(response.Headers.Location!));
    }

    [Fact]
    public async Task The_access_denied_page_explains_in_Chinese()
    {
        var client = await app.ClientAsAsync("gongan");
        var response = await client.GetAsync("/account/access-denied", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("无权访问", await response.Content.ReadAsStringAsync(Ct));
    }

    [Theory]
    [InlineData("/admin/departments", "部门管理")]
    [InlineData("/admin/users", "用户管理")]
    [InlineData("/admin/audit", "审计日志")]
    [InlineData("/hangfire", "后台任务")]
    public async Task Admin_reaches_admin_pages_and_the_job_dashboard(string path, string title)
    {
        var client = await app.ClientAsAsync("admin");
        var response = await client.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(title, await response.Content.ReadAsStringAsync(Ct));
    }

    [Theory]
    [InlineData("gongan", "陈静", "杭州市公安局")]
    [InlineData("steward", "李晓梅", "杭州市数据资源管理局")]
    [InlineData("manager", "张志远", "杭州市数据资源管理局")]
    public async Task Every_role_reaches_its_home_page(string userName, string displayName, string department)
    {
        var client = await app.ClientAsAsync(userName);
        var response = await client.GetAsync("/", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains(displayName, html);
        Assert.Contains(department, html);
        Assert.DoesNotContain("href=\"admin/departments\"", html);
    }

    [Fact]
    public async Task Unknown_pages_show_the_Chinese_not_found_page()
    {
        var client = await app.ClientAsAsync("gongan");
        var response = await client.GetAsync("/no-such-page", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("页面不存在", await response.Content.ReadAsStringAsync(Ct));
    }

    private static string PathOf(Uri location) => location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
}
