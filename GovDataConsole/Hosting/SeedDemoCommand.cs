using System.Diagnostics;
using GovDataConsole.Data;
using GovDataConsole.Features.Shared;
using Microsoft.EntityFrameworkCore;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Hosting;

/// <summary>
/// <c>seed-demo [--scale [--departments N] [--resources N] [--months N]]</c>: migrates the configured database and seeds
/// the demo when it is empty; with <c>--scale</c> adds the scaled demo on top (<see cref="DemoScaleSeed"/>). Exit 0 when
/// done, 2 on bad options or when the database is not the demo or is already scaled.
/// </summary>
public static class SeedDemoCommand
{
    public const string Verb = "seed-demo";
    public const string ScaleFlag = "--scale";

    private static readonly string[] ScaleOptions = ["departments", "resources", "months"];

    /// <summary><paramref name="args"/> are the words after <c>seed-demo</c>.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var scaled = args.Contains(ScaleFlag);
        var (options, configuration) = ConsoleCommands.ParseOptions([.. args.Where(a => a != ScaleFlag)]);
        if (options.Keys.Except(ScaleOptions).Any() || (!scaled && options.Count > 0)) return Refuse(T.Cli_SeedUsage);
        DemoScale? scale = null;
        if (scaled)
        {
            (scale, var error) = DemoScale.Parse(options);
            if (error is not null) return Refuse(error);
        }

        var watch = Stopwatch.StartNew();
        await using var app = ConsoleHost.Build([.. configuration, "--Database:SeedDemo=true", "--Jobs:Server=false", "--Logging:LogLevel:Default=Warning"]);
        await app.InitializeDatabaseAsync();
        await using var scope = app.Services.CreateAsyncScope();
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
            Console.WriteLine(string.Format(T.Cli_SeedDemoReady, await db.Departments.CountAsync(), await db.Users.CountAsync(), await db.DataResources.CountAsync()));
        if (scale is null) return 0;

        Console.WriteLine(string.Format(T.Cli_SeedScaling, scale.Departments, scale.Resources, scale.Months));
        DemoScaleCounts counts;
        try
        {
            counts = await scope.ServiceProvider.GetRequiredService<DemoScaleSeed>().SeedAsync(scale,
                message => Console.WriteLine($"[seed-demo] {DateTime.Now:HH:mm:ss} {message}"), CancellationToken.None);
        }
        catch (BusinessRuleException ex)
        {
            return Refuse(ex.Message);
        }
        Print(counts, watch.Elapsed);
        return 0;
    }

    private static int Refuse(string message)
    {
        Console.Error.WriteLine(message);
        return 2;
    }

    private static void Print(DemoScaleCounts c, TimeSpan elapsed)
    {
        static string Breakdown(IReadOnlyDictionary<string, int> counts) => string.Join("、", counts.OrderByDescending(x => x.Value).Select(x => $"{x.Key} {x.Value}"));
        Console.WriteLine(string.Format(T.Cli_SeedScaled, elapsed.TotalSeconds.ToString("F0")));
        Console.WriteLine(string.Format(T.Cli_SeedCountDepartments, c.Departments, c.Accounts, DemoSeed.Password));
        Console.WriteLine(string.Format(T.Cli_SeedCountResources, c.Resources, c.Items));
        Console.WriteLine(string.Format(T.Cli_SeedCountTasks, c.Tasks, Breakdown(c.TasksByStatus)));
        Console.WriteLine(string.Format(T.Cli_SeedCountRuns, c.Batches, c.Runs, c.RuleResults));
        Console.WriteLine(string.Format(T.Cli_SeedCountProblems, c.Problems, c.HandedOver));
        Console.WriteLine(string.Format(T.Cli_SeedCountOrders, c.Orders, Breakdown(c.OrdersByStatus), c.OrderItems, c.Events));
        Console.WriteLine(string.Format(T.Cli_SeedCountScores, string.Join("、", c.RescoredPeriods)));
    }
}
