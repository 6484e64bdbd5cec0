using GovDataConsole.Data;
using GovDataConsole.Features.Organization;
using Microsoft.AspNetCore.Identity;

namespace GovDataConsole.Hosting;

/// <summary>
/// Command-line verbs of the app: <c>create-admin</c> makes the first administrator of a fresh deployment; <c>bench</c> runs
/// a named benchmark (<see cref="Bench.BenchCommand"/>); <c>check</c> pre-checks a file against a resource (<see cref="CheckCommand"/>);
/// <c>seed-demo</c> seeds the demo, scaled up with <c>--scale</c> (<see cref="SeedDemoCommand"/>).
/// </summary>
public static class ConsoleCommands
{
    public const string CreateAdmin = "create-admin";

    public static bool IsCommand(string[] args) =>
        args.Length > 0 && args[0] is CreateAdmin or Bench.BenchCommand.Verb or CheckCommand.Verb or SeedDemoCommand.Verb;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args[0] == Bench.BenchCommand.Verb) return await Bench.BenchCommand.RunAsync(args[1..]);
        if (args[0] == CheckCommand.Verb) return await CheckCommand.RunAsync(args[1..]);
        if (args[0] == SeedDemoCommand.Verb) return await SeedDemoCommand.RunAsync(args[1..]);
        var (options, configuration) = ParseOptions(args.Skip(1).ToArray());
        if (!options.TryGetValue("user", out var userName) || !options.TryGetValue("password", out var password))
        {
            Console.Error.WriteLine(Resources.UiText.Cli_CreateAdminUsage);
            return 2;
        }
        // Configuration arguments (--Database:DataDirectory=/srv/govdata) pass through; never a demo seed when provisioning.
        await using var app = ConsoleHost.Build([.. configuration, "--Database:SeedDemo=false", "--Jobs:Server=false"]);
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

    /// <summary>Splits <c>--name value</c> options from configuration keys (<c>--Section:Key=value</c> or <c>--Section:Key value</c>).</summary>
    internal static (Dictionary<string, string> Options, List<string> Configuration) ParseOptions(string[] args)
    {
        var options = new Dictionary<string, string>();
        var configuration = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--")) continue;
            var name = args[i][2..];
            if (name.Split('=')[0].Contains(':'))
                configuration.Add(name.Contains('=') || i + 1 >= args.Length ? args[i] : $"{args[i]}={args[++i]}");
            else if (i + 1 < args.Length)
                options[name] = args[++i];
        }
        return (options, configuration);
    }
}
