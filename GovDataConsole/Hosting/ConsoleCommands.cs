using GovDataConsole.Data;
using GovDataConsole.Features.Organization;
using Microsoft.AspNetCore.Identity;

namespace GovDataConsole.Hosting;

/// <summary>Command-line verbs of the app: <c>create-admin</c> makes the first administrator of a fresh deployment.</summary>
public static class ConsoleCommands
{
    public const string CreateAdmin = "create-admin";

    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] == CreateAdmin;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = ParseOptions(args.Skip(1).ToArray());
        if (!options.TryGetValue("user", out var userName) || !options.TryGetValue("password", out var password))
        {
            Console.Error.WriteLine(Resources.UiText.Cli_CreateAdminUsage);
            return 2;
        }
        // No demo seed when provisioning a real deployment.
        var app = ConsoleHost.Build(["--Database:SeedDemo=false", "--Jobs:Server=false"]);
        await app.InitializeDatabaseAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = userName, DisplayName = options.GetValueOrDefault("name", userName) };
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded) result = await users.AddToRoleAsync(user, Roles.Admin);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) Console.Error.WriteLine(error.Description);
            return 1;
        }
        Console.WriteLine(string.Format(Resources.UiText.Cli_AdminCreated, userName));
        return 0;
    }

    private static Dictionary<string, string> ParseOptions(string[] args)
    {
        var options = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2)
            if (args[i].StartsWith("--")) options[args[i][2..]] = args[i + 1];
        return options;
    }
}
