using GovDataConsole.Features.Collection;
using GovDataConsole.Hosting;

// Temporary until the bench dispatcher (branch bench) is merged: then register CleanseBench.RunAsync there.
if (args is ["bench", GovDataConsole.Bench.CleanseBench.Name, ..])
    return await GovDataConsole.Bench.CleanseBench.RunAsync(args[2..]);
if (ConsoleCommands.IsCommand(args))
    return await ConsoleCommands.RunAsync(args);

var app = ConsoleHost.Build(args);
await app.InitializeDatabaseAsync();
app.UseConsolePipeline();
await app.StartCollectionAsync();
app.Lifetime.ApplicationStarted.Register(() =>
    Console.WriteLine(string.Format(GovDataConsole.Resources.UiText.Cli_Started, string.Join(" ", app.Urls))));
await app.RunAsync();
return 0;

public partial class Program;
