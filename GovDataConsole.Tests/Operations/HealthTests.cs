using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovDataConsole.Tests.Infrastructure;

namespace GovDataConsole.Tests.Operations;

public sealed class HealthTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    [Fact]
    public async Task Healthz_is_anonymous_and_reports_database_and_job_storage_healthy()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.GetAsync("/healthz", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        var checks = body.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("jobs").GetProperty("status").GetString());
        Assert.StartsWith("servers=0;", checks.GetProperty("jobs").GetProperty("description").GetString()); // this host runs no job server
    }
}
