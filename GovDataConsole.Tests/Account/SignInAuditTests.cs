using System.Net;
using System.Text.RegularExpressions;
using GovDataConsole.Features.Audit;
using GovDataConsole.Features.Organization;
using GovDataConsole.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovDataConsole.Tests.Account;

/// <summary>
/// Lockout after 5 failures and the sign-in audit trail (who, outcome, client IP). Uses users created here,
/// so locking them never disturbs the demo accounts other tests sign in with.
/// </summary>
public sealed partial class SignInAuditTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    private const string Password = "Lock@2026!";
    private const string ClientIp = "203.0.113.7";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("<div class=\"login-error\" role=\"alert\">([^<]*)</div>")]
    private static partial Regex LoginError();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    private async Task<string> CreateUserAsync()
    {
        var userName = TestData.UserName("lock");
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = userName, DisplayName = "锁定测试" };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Steward)).Succeeded);
        return userName;
    }

    /// <summary>A browser-like client behind a proxy that reports the client address (the app honours X-Forwarded-For).</summary>
    private HttpClient Client()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("X-Forwarded-For", ClientIp);
        return client;
    }

    private async Task<List<AuditEntry>> AuditOfAsync(string userName)
    {
        await using var db = ActAs.Db(app.Services);
        return await db.AuditEntries.AsNoTracking().Where(e => e.UserName == userName).OrderBy(e => e.Id).ToListAsync(Ct);
    }

    private static async Task<string?> ErrorOfAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // the form again, not a redirect
        var match = LoginError().Match(await response.Content.ReadAsStringAsync(Ct));
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_then_even_the_right_password_is_refused()
    {
        var userName = await CreateUserAsync();
        var client = Client();

        for (var attempt = 1; attempt <= 4; attempt++)
            Assert.Equal($"用户名或密码错误，再失败 {5 - attempt} 次账户将被锁定",
                await ErrorOfAsync(await SignIn.PostLoginAsync(client, userName, "Wrong@2026!")));
        Assert.Equal("连续登录失败次数过多，账户已锁定，请 15 分钟后再试",
            await ErrorOfAsync(await SignIn.PostLoginAsync(client, userName, "Wrong@2026!")));

        var sixth = await SignIn.PostLoginAsync(client, userName, Password);
        Assert.False(sixth.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("GovDataConsole.Auth=")));
        Assert.Equal("连续登录失败次数过多，账户已锁定，请 15 分钟后再试", await ErrorOfAsync(sixth));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/", Ct)).StatusCode);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var lockoutEnd = (await users.GetLockoutEndDateAsync((await users.FindByNameAsync(userName))!))!.Value;
            Assert.InRange(lockoutEnd - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
        }

        var audit = await AuditOfAsync(userName);
        Assert.Equal(
            [AuditActions.SignInFailed, AuditActions.SignInFailed, AuditActions.SignInFailed, AuditActions.SignInFailed,
             AuditActions.LockedOut, AuditActions.LockedOut],
            audit.Select(e => e.Action));
        Assert.All(audit, e =>
        {
            Assert.False(e.Succeeded);
            Assert.Equal(ClientIp, e.IpAddress);
            Assert.Equal(AuditActions.SignInCategory, e.Category);
            Assert.NotNull(e.UserId);
        });
        Assert.Equal(["密码错误", "密码错误", "密码错误", "密码错误", "连续登录失败，账户已锁定", "账户锁定期间尝试登录"], audit.Select(e => e.Detail));
    }

    [Fact]
    public async Task A_successful_sign_in_resets_the_failure_count()
    {
        var userName = await CreateUserAsync();
        var client = Client();
        for (var i = 0; i < 4; i++) await SignIn.PostLoginAsync(client, userName, "Wrong@2026!");
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostLoginAsync(client, userName, Password)).StatusCode);

        var fresh = Client();
        Assert.Equal("用户名或密码错误，再失败 4 次账户将被锁定", await ErrorOfAsync(await SignIn.PostLoginAsync(fresh, userName, "Wrong@2026!")));
    }

    [Fact]
    public async Task Unknown_user_names_are_refused_with_the_same_message_and_audited()
    {
        var userName = TestData.UserName("ghost");
        Assert.Equal("用户名或密码错误", await ErrorOfAsync(await SignIn.PostLoginAsync(Client(), userName, Password)));

        var entry = Assert.Single(await AuditOfAsync(userName));
        Assert.Equal((AuditActions.SignInFailed, false, ClientIp, "用户名不存在"), (entry.Action, entry.Succeeded, entry.IpAddress, entry.Detail));
        Assert.Null(entry.UserId);
    }

    [Fact]
    public async Task Sign_in_and_sign_out_are_audited_with_the_client_address_and_the_session_ends()
    {
        var userName = await CreateUserAsync();
        var client = Client();
        var signIn = await SignIn.PostLoginAsync(client, userName, Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("GovDataConsole.Auth="));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expires=", cookie, StringComparison.OrdinalIgnoreCase); // a session cookie; the server enforces the idle timeout
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/", Ct)).StatusCode);

        var logout = await PostLogoutAsync(client, reason: "");
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal("/account/login", logout.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/", Ct)).StatusCode);

        var audit = await AuditOfAsync(userName);
        Assert.Equal([AuditActions.SignIn, AuditActions.SignOut], audit.Select(e => e.Action));
        Assert.All(audit, e => Assert.True(e.Succeeded));
        Assert.All(audit, e => Assert.Equal(ClientIp, e.IpAddress));
    }

    [Fact]
    public async Task Idle_sign_out_is_audited_as_such_and_the_sign_in_page_says_why()
    {
        var userName = await CreateUserAsync();
        var client = Client();
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostLoginAsync(client, userName, Password)).StatusCode);

        var logout = await PostLogoutAsync(client, reason: "idle");

        Assert.Equal("/account/login?reason=idle", logout.Headers.Location!.OriginalString);
        Assert.Contains("您已长时间未操作", await client.GetStringAsync("/account/login?reason=idle", Ct));
        Assert.Equal(AuditActions.IdleSignOut, (await AuditOfAsync(userName)).Last().Action);
    }

    [Fact]
    public async Task Sign_out_without_the_antiforgery_token_is_rejected()
    {
        var userName = await CreateUserAsync();
        var client = Client();
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostLoginAsync(client, userName, Password)).StatusCode);

        var forged = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["reason"] = "" }), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/", Ct)).StatusCode);
        Assert.DoesNotContain(await AuditOfAsync(userName), e => e.Action == AuditActions.SignOut);
    }

    [Fact]
    public async Task Sign_in_with_a_forged_antiforgery_token_is_rejected_and_nobody_signs_in()
    {
        var userName = await CreateUserAsync();
        var client = Client();
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["__RequestVerificationToken"] = "forged",
            ["Input.UserName"] = userName, ["Input.Password"] = Password,
        });

        var response = await client.PostAsync("/account/login", form, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/", Ct)).StatusCode);
        Assert.Empty(await AuditOfAsync(userName));
    }

    /// <summary>Posts the sign-out form with an antiforgery token issued to the signed-in user.</summary>
    private static async Task<HttpResponseMessage> PostLogoutAsync(HttpClient client, string reason)
    {
        var page = await client.GetStringAsync("/account/login", Ct);
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token().Match(page).Groups[1].Value,
            ["reason"] = reason,
        });
        return await client.PostAsync("/account/logout", form, Ct);
    }
}
