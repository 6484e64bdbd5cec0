using GovDataConsole.Features.Collection;
using GovDataConsole.Features.Quality;
using GovDataConsole.Features.Rectification;
using GovDataConsole.Features.Scoring;
using GovDataConsole.Hosting;

if (ConsoleCommands.IsCommand(args))
    return await ConsoleCommands.RunAsync(args);

var app = ConsoleHost.Build(args);
await app.InitializeDatabaseAsync();
app.UseConsolePipeline();
await app.StartCollectionAsync();
await app.StartQualityAsync();
app.StartRectification();
app.StartScoring();
app.Lifetime.ApplicationStarted.Register(() =>
    Console.WriteLine(string.Format(GovDataConsole.Resources.UiText.Cli_Started, string.Join(" ", app.Urls))));
await app.RunAsync();
return 0;

public partial class Program;
