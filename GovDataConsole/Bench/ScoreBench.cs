using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using GovDataConsole.Data;
using GovDataConsole.Features.Organization;
using GovDataConsole.Features.Rectification;
using GovDataConsole.Features.Scoring;
using GovDataConsole.Features.Shared;
using GovDataConsole.Hosting;
using GovDataConsole.Scoring;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;

namespace GovDataConsole.Bench;

/// <summary>
/// <c>bench score [--json] [--out FILE] [--data DIR] [--departments N] [--resources N] [--months N] [--repeat N] [--keep]</c>: builds the
/// scaled demo (<see cref="DemoScaleSeed"/>, 200 departments × 2,000 resources × 24 months unless told otherwise) in a temp
/// folder, or reuses the one in <c>--data</c> (seeding it first when it is not scaled yet); then starts the real app on a
/// loopback port, signs in through the sign-in form and times GET of the prerendered pages — the manager's, the steward's,
/// the admin's and a scaled department's home dashboards, the ranking and a department's drill-down — so each figure covers
/// authentication, the layout, loading the data and rendering the components to HTML. Each page is fetched twice to warm
/// up, then <c>--repeat</c> times (10). Last, it times computing a month's scores for every department through
/// <see cref="ScoreJob.ComputeAsync"/> (a warm-up and three timed runs, each replacing the same draft). Exit code 1 when a
/// target fails. <c>--out</c> also writes the table or JSON to a file.
/// </summary>
public static partial class ScoreBench
{
    public const string Name = "score";
    public const double MaxPageMs = 500;
    public const double MaxComputeSeconds = 10;
    public const int ComputeRuns = 3;

    /// <summary>Warnings and errors only, on stderr with the progress: stdout carries only the table or the JSON.</summary>
    private static readonly string[] Quiet = ["--Logging:LogLevel:Default=Warning", "--Logging:Console:LogToStandardErrorThreshold=Trace"];

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public static async Task<int> RunAsync(BenchArgs args)
    {
        var (scale, error) = DemoScale.Parse(new[] { "departments", "resources", "months" }
            .Where(n => args.Value(n) is not null).ToDictionary(n => n, n => args.Value(n)!));
        if (scale is null)
        {
            Console.Error.WriteLine(error);
            return 2;
        }
        var given = args.Value("data");
        var data = given ?? Path.Combine(Path.GetTempPath(), $"govdata-bench-score-{Guid.NewGuid():N}");
        Directory.CreateDirectory(data);
        try
        {
            var loadStart = ImportBenchReport.LoadAverage();
            var seeding = await SeedAsync(data, scale);
            var (pages, volume) = await MeasurePagesAsync(data, args.Int("repeat", 10));
            var compute = await MeasureComputeAsync(data);
            var report = new ScoreBenchReport(Environment.ProcessorCount, loadStart, ImportBenchReport.LoadAverage(), seeding, volume, pages, compute);
            var output = args.Has("json") ? report.ToJson() : report.ToTable();
            Console.WriteLine(output);
            if (args.Value("out") is { } file) await File.WriteAllTextAsync(file, output);
            return report.Pass ? 0 : 1;
        }
        finally
        {
            if (given is not null || args.Has("keep")) Progress($"kept {data}");
            else Directory.Delete(data, true);
        }
    }

    /// <summary>Seeds the demo and its scaled data unless the folder's database already holds them; the seconds it took, or null.</summary>
    private static async Task<double?> SeedAsync(string data, DemoScale scale)
    {
        await using var app = ConsoleHost.Build([$"--Database:DataDirectory={data}", "--Database:SeedDemo=true", "--Jobs:Server=false", .. Quiet]);
        var watch = Stopwatch.StartNew();
        await app.InitializeDatabaseAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var seed = scope.ServiceProvider.GetRequiredService<DemoScaleSeed>();
        if (await seed.IsScaledAsync(CancellationToken.None))
        {
            Progress($"reusing the scaled demo in {data}");
            return null;
        }
        Progress($"seeding the scaled demo ({scale.Departments} departments, {scale.Resources} resources, {scale.Months} months) in {data}");
        await seed.SeedAsync(scale, Progress, CancellationToken.None);
        return watch.Elapsed.TotalSeconds;
    }

    private sealed record PageSpec(string Name, string User, string Path, string Marker);

    /// <summary>The real app on a loopback port: each page as its user, warmed up, then timed; and what the database holds.</summary>
    private static async Task<(IReadOnlyList<PageResult> Pages, ScaleVolume Volume)> MeasurePagesAsync(string data, int repeat)
    {
        await using var app = ConsoleHost.Build(["--urls=http://127.0.0.1:0", $"--Database:DataDirectory={data}", "--Database:SeedDemo=false",
            "--Jobs:Server=false", .. Quiet]);
        await app.InitializeDatabaseAsync();
        app.UseConsolePipeline();
        await app.StartAsync();
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var (volume, staff, department, period) = await VolumeAsync(app.Services);
            PageSpec[] specs =
            [
                new("领导驾驶舱", "manager", "/", "data-testid=\"manager-dashboard\""),
                new("数据管理员驾驶舱", "steward", "/", "data-testid=\"steward-dashboard\""),
                new("系统管理员首页", "admin", "/", "data-testid=\"admin-summary\""),
                new("部门驾驶舱", staff, "/", "data-testid=\"staff-dashboard\""),
                new("考核排名", "manager", $"/scoring?period={period}", "data-testid=\"ranking\""),
                new("部门得分明细", "manager", $"/scoring/{period}/{department}", "data-testid=\"breakdown-total\""),
            ];
            var clients = new Dictionary<string, HttpClient>();
            var results = new List<PageResult>();
            try
            {
                foreach (var spec in specs)
                {
                    if (!clients.TryGetValue(spec.User, out var client)) clients[spec.User] = client = await SignInAsync(address, spec.User);
                    Progress($"timing {spec.Path} as {spec.User}");
                    results.Add(await TimeAsync(client, spec, repeat));
                }
            }
            finally
            {
                foreach (var client in clients.Values) client.Dispose();
            }
            return (results, volume);
        }
        finally
        {
            await app.StopAsync();
        }
    }

    /// <summary>Row counts behind the pages, the busiest scaled department's staff account and department, and the newest published month.</summary>
    private static async Task<(ScaleVolume Volume, string Staff, int DepartmentId, string Period)> VolumeAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var busiest = await db.WorkOrders.Where(o => o.Status != WorkOrderStatus.Closed && o.Status != WorkOrderStatus.ClosedAsException)
            .GroupBy(o => o.DepartmentId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).FirstAsync();
        var staff = await (from u in db.Users
                           join ur in db.UserRoles on u.Id equals ur.UserId
                           join r in db.Roles on ur.RoleId equals r.Id
                           where u.DepartmentId == busiest && r.Name == Roles.DepartmentStaff
                           orderby u.UserName
                           select u.UserName).FirstAsync();
        var period = await db.ScoreSheets.Where(s => s.Status == ScoreSheetStatus.Published && s.PeriodType == ScorePeriodType.Month)
            .OrderByDescending(s => s.PeriodKey).Select(s => s.PeriodKey).FirstAsync();
        var volume = new ScaleVolume(await db.Departments.CountAsync(), await db.DataResources.CountAsync(), await db.CollectionTasks.CountAsync(),
            await db.DataBatches.CountAsync(), await db.CheckRuns.CountAsync(), await db.Problems.LongCountAsync(), await db.WorkOrders.CountAsync(),
            await db.WorkOrderItems.LongCountAsync());
        return (volume, staff!, busiest, period);
    }

    /// <summary>A client that keeps cookies and does not follow redirects, signed in through the sign-in form.</summary>
    private static async Task<HttpClient> SignInAsync(string address, string userName)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };
        var page = await client.GetStringAsync("/account/login");
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["__RequestVerificationToken"] = TokenPattern().Match(page).Groups[1].Value,
            ["Input.UserName"] = userName, ["Input.Password"] = DemoSeed.Password,
        });
        var response = await client.PostAsync("/account/login", form);
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign-in as {userName} failed: {response.StatusCode}");
        return client;
    }

    private static async Task<PageResult> TimeAsync(HttpClient client, PageSpec spec, int repeat)
    {
        var times = new List<double>();
        var bytes = 0;
        for (var i = -2; i < repeat; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.GetAsync(spec.Path);
            var html = await response.Content.ReadAsStringAsync();
            watch.Stop();
            if (response.StatusCode != HttpStatusCode.OK || !html.Contains(spec.Marker, StringComparison.Ordinal))
                throw new InvalidOperationException($"GET {spec.Path} as {spec.User} did not render the page ({(int)response.StatusCode}).");
            if (i < 0) continue;
            times.Add(watch.Elapsed.TotalMilliseconds);
            bytes = html.Length;
        }
        return new PageResult(spec.Name, spec.User, spec.Path, times, bytes);
    }

    /// <summary>
    /// The newest complete month without a published sheet (three months before the newest published ones in the demo),
    /// computed for every department as the job does: a warm-up, then <see cref="ComputeRuns"/> timed runs, each replacing the draft.
    /// </summary>
    private static async Task<ComputeResult> MeasureComputeAsync(string data)
    {
        await using var app = ConsoleHost.Build([$"--Database:DataDirectory={data}", "--Database:SeedDemo=false", "--Jobs:Server=false", .. Quiet]);
        await app.InitializeDatabaseAsync();
        var clock = app.Services.GetRequiredService<TimeProvider>();
        var today = DateOnly.FromDateTime(ChinaTime.FromUtc(clock.GetUtcNow().UtcDateTime));
        var dbFactory = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        string period;
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            var published = await db.ScoreSheets.Where(s => s.Status == ScoreSheetStatus.Published).Select(s => s.PeriodKey).Distinct().ToListAsync();
            period = ScorePeriod.Recent(ScorePeriodType.Month, today, 60).Skip(1).Select(p => p.Key).First(k => !published.Contains(k));
        }
        Progress($"timing the score computation of {period}");
        var times = new List<double>();
        for (var i = -1; i < ComputeRuns; i++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var job = scope.ServiceProvider.GetRequiredService<ScoreJob>();
            var watch = Stopwatch.StartNew();
            await job.ComputeAsync(period, null, "bench", CancellationToken.None);
            if (i >= 0) times.Add(watch.Elapsed.TotalSeconds);
        }
        await using var read = await dbFactory.CreateDbContextAsync();
        var departments = await read.DepartmentScores.CountAsync(s => read.ScoreSheets.Any(x => x.Id == s.SheetId && x.PeriodKey == period && x.Status == ScoreSheetStatus.Draft));
        return new ComputeResult(period, departments, times);
    }

    /// <summary>Progress goes to stderr so stdout carries only the table or the JSON.</summary>
    private static void Progress(string message) => Console.Error.WriteLine($"[bench score] {DateTime.Now:HH:mm:ss} {message}");
}

/// <summary>How much the scaled database holds.</summary>
public sealed record ScaleVolume(int Departments, int Resources, int Tasks, int Batches, int Runs, long Problems, int Orders, long OrderItems);

/// <summary>One page's timed GETs (milliseconds, warm-up excluded) and the size of its HTML.</summary>
public sealed record PageResult(string Name, string User, string Path, IReadOnlyList<double> Milliseconds, int HtmlChars)
{
    public double Median => Percentile.Median(Milliseconds);

    public double Max => Milliseconds.Max();
}

/// <summary>One month's score computation, timed (seconds).</summary>
public sealed record ComputeResult(string Period, int Departments, IReadOnlyList<double> Seconds)
{
    public double Median => Percentile.Median(Seconds);

    public double Max => Seconds.Max();
}

internal static class Percentile
{
    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
