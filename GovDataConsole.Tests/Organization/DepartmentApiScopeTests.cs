using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovDataConsole.Features.Organization;
using GovDataConsole.Features.Shared;
using GovDataConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GovDataConsole.Tests.Organization;

/// <summary>The department API enforces department scope for department staff; other roles see every department.</summary>
public sealed class DepartmentApiScopeTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<int> IdOfAsync(string code)
    {
        await using var db = ActAs.Db(app.Services);
        return await db.Departments.Where(d => d.Code == code).Select(d => d.Id).SingleAsync(Ct);
    }

    private static async Task<GridPage<DepartmentRow>> ListAsync(HttpClient client, string query = "")
    {
        var response = await client.GetAsync("/api/departments" + query, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<GridPage<DepartmentRow>>(JsonSerializerOptions.Web, Ct))!;
    }

    [Fact]
    public async Task Department_staff_list_only_their_own_department()
    {
        var client = await app.ClientAsAsync("gongan");
        var page = await ListAsync(client);
        var only = Assert.Single(page.Items);
        Assert.Equal("杭州市公安局", only.Name);
        Assert.Equal("330100GAJ", only.Code);
        Assert.Equal(1, page.TotalCount);

        // A search cannot widen the scope.
        Assert.Empty((await ListAsync(client, "?search=" + Uri.EscapeDataString("市场监督"))).Items);
    }

    [Fact]
    public async Task Department_staff_get_403_with_the_Chinese_message_for_another_department()
    {
        var client = await app.ClientAsAsync("gongan");
        var response = await client.GetAsync($"/api/departments/{await IdOfAsync("330100SCJ")}", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("无权访问其他部门的数据", problem.GetProperty("title").GetString());
        Assert.DoesNotContain("市场监督管理局", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Department_staff_read_their_own_department_by_id()
    {
        var client = await app.ClientAsAsync("gongan");
        var row = await client.GetFromJsonAsync<DepartmentRow>($"/api/departments/{await IdOfAsync("330100GAJ")}", JsonSerializerOptions.Web, Ct);
        Assert.Equal("杭州市公安局", row!.Name);
        Assert.Equal("杭州市数据资源管理局", row.ParentName);
    }

    [Fact]
    public async Task Department_staff_probing_a_missing_id_are_refused_like_any_other_department()
    {
        var client = await app.ClientAsAsync("gongan");
        var response = await client.GetAsync("/api/departments/999999", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Admin_lists_and_reads_every_department()
    {
        var client = await app.ClientAsAsync("admin");
        var page = await ListAsync(client, "?pageSize=100");
        Assert.Contains(page.Items, d => d.Name == "杭州市公安局");
        Assert.Contains(page.Items, d => d.Name == "杭州市市场监督管理局");
        Assert.True(page.TotalCount >= 8);

        var row = await client.GetFromJsonAsync<DepartmentRow>($"/api/departments/{await IdOfAsync("330100SCJ")}", JsonSerializerOptions.Web, Ct);
        Assert.Equal("杭州市市场监督管理局", row!.Name);

        var missing = await client.GetAsync("/api/departments/999999", Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("部门不存在", (await missing.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Anonymous_API_callers_get_401_not_a_redirect()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.GetAsync("/api/departments", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
