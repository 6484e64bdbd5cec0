using System.Net;

namespace GovDataConsole.Tests.Infrastructure;

public sealed class SmokeTests
{
    [Fact]
    public async Task Demo_admin_signs_in_and_reaches_the_home_page()
    {
        await using var factory = new ConsoleAppFactory();
        var client = await SignIn.AsAsync(factory, "admin");
        var response = await client.GetAsync("/", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("王建国", html);
        Assert.True(File.Exists(Path.Combine(factory.DataDirectory, "govdata.db")));
    }
}
