using GovDataConsole.Features.Audit;
using GovDataConsole.Features.Shared;
using GovDataConsole.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GovDataConsole.Tests.Audit;

/// <summary>The audit log page's service: admins only, filters and sorts in the database.</summary>
public sealed class AuditServiceTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("gongan")]
    [InlineData("steward")]
    [InlineData("manager")]
    public async Task Only_admins_read_the_audit_trail(string userName)
    {
        await using var scope = await ActAs.UserAsync(app.Services, userName);
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            scope.ServiceProvider.GetRequiredService<AuditService>().ListAsync(new AuditQuery(), Ct));
    }

    [Fact]
    public async Task Admin_reads_sign_ins_newest_first_and_filters_by_user_and_outcome()
    {
        await SignIn.AsAsync(app, "steward");
        await SignIn.PostLoginAsync(app.CreateClient(new() { AllowAutoRedirect = false }), "steward", "wrong");
        await using var scope = await ActAs.UserAsync(app.Services, "admin");
        var service = scope.ServiceProvider.GetRequiredService<AuditService>();

        var newest = await service.ListAsync(new AuditQuery { UserName = "steward", PageSize = 200 }, Ct);
        Assert.Equal(newest.Items.Select(r => r.TimeUtc).OrderDescending(), newest.Items.Select(r => r.TimeUtc));
        Assert.Equal(AuditActions.SignInFailed, newest.Items[0].Action);
        Assert.Contains(newest.Items, r => r.Action == AuditActions.SignIn && r.Succeeded);

        var failed = await service.ListAsync(new AuditQuery { UserName = "steward", Succeeded = false }, Ct);
        Assert.All(failed.Items, r => Assert.False(r.Succeeded));
        Assert.NotEmpty(failed.Items);
    }

    [Theory]
    [InlineData(nameof(AuditRow.UserName), false)]
    [InlineData(nameof(AuditRow.Action), true)]
    [InlineData(nameof(AuditRow.IpAddress), false)]
    public async Task Audit_list_sorts_by_every_grid_column(string sortBy, bool descending)
    {
        await SignIn.AsAsync(app, "manager");
        await using var scope = await ActAs.UserAsync(app.Services, "admin");
        var service = scope.ServiceProvider.GetRequiredService<AuditService>();

        var page = await service.ListAsync(new AuditQuery { SortBy = sortBy, Descending = descending, PageSize = 200 }, Ct);
        var keys = page.Items.Select(r => (string?)typeof(AuditRow).GetProperty(sortBy)!.GetValue(r)).ToList();
        Assert.NotEmpty(keys);
        Assert.Equal(descending ? keys.OrderDescending(StringComparer.Ordinal) : keys.Order(StringComparer.Ordinal), keys);
    }
}
