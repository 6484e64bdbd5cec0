using Microsoft.AspNetCore.Mvc;

namespace GovDataConsole.Features.Account;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account");
        account.MapPost("/logout", async ([FromForm] string? reason, SignInService signIn, CancellationToken ct) =>
        {
            var idle = reason == "idle";
            await signIn.SignOutAsync(idle, ct);
            return Results.LocalRedirect(idle ? "/account/login?reason=idle" : "/account/login");
        });
        // Pinged by the idle watcher while the user is active, so the sliding cookie follows real activity.
        account.MapGet("/keepalive", () => Results.NoContent()).RequireAuthorization();
        return app;
    }
}
