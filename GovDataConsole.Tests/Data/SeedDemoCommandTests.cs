using System.Text.Json;
using GovDataConsole.Bench;
using GovDataConsole.Data;
using GovDataConsole.Features.Organization;
using GovDataConsole.Hosting;
using GovDataConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Tests.Data;

/// <summary>
/// <c>seed-demo</c> without <c>--scale</c> seeds the plain demo; bad options and a database that is not the demo exit 2 and
/// write nothing; <c>bench score</c> runs end to end at a tiny size and reports every figure.
/// </summary>
public sealed class SeedDemoCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static SqliteAppDbContext Open(string folder) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={Path.Combine(folder, "govdata.db")};Pooling=False").Options);

    [Fact]
    public async Task Without_scale_it_seeds_the_plain_demo()
    {
        var folder = TempFolder.Create("seed-demo");

        Assert.Equal(0, await SeedDemoCommand.RunAsync([$"--Database:DataDirectory={folder}"]));

        await using var db = Open(folder);
        Assert.Equal(8, await db.Departments.CountAsync(Ct));
        Assert.Equal(DemoSeed.Accounts.Select(a => a.UserName).Order(), (await db.Users.Select(u => u.UserName!).ToListAsync(Ct)).Order());
        Assert.True(await db.CheckRuns.AnyAsync(Ct));
    }

    [Theory]
    [InlineData("--scale", "--departments", "0")]
    [InlineData("--scale", "--months", "abc")]
    [InlineData("--scale", "--months", "61")]
    [InlineData("--scale", "--resources", "3", "--departments", "5")]
    [InlineData("--scale", "--depts", "5")]
    [InlineData("--departments", "5")]
    public async Task Bad_options_exit_2_before_touching_the_data_folder(params string[] args)
    {
        var folder = Path.Combine(TempFolder.Create("seed-demo"), "data");

        Assert.Equal(2, await SeedDemoCommand.RunAsync([.. args, $"--Database:DataDirectory={folder}"]));

        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void Bad_numbers_are_named_with_the_allowed_range()
    {
        Assert.Equal(string.Format(T.Cli_SeedBadNumber, "months", "61", DemoScale.MaxMonths),
            DemoScale.Parse(new Dictionary<string, string> { ["months"] = "61" }).Error);
        Assert.Equal(string.Format(T.Cli_SeedBadNumber, "departments", "-1", DemoScale.MaxDepartments),
            DemoScale.Parse(new Dictionary<string, string> { ["departments"] = "-1" }).Error);
        Assert.Equal(string.Format(T.Cli_SeedFewerResources, 3, 5),
            DemoScale.Parse(new Dictionary<string, string> { ["departments"] = "5", ["resources"] = "3" }).Error);
        Assert.Equal(new DemoScale(200, 2000, 24), DemoScale.Parse(new Dictionary<string, string>()).Scale);
        Assert.Equal(new DemoScale(5, 20, 3), DemoScale.Parse(new Dictionary<string, string> { ["departments"] = "5", ["resources"] = "20", ["months"] = "3" }).Scale);
    }

    [Fact]
    public async Task A_database_that_is_not_the_demo_is_refused()
    {
        var folder = TempFolder.Create("seed-demo");
        Assert.Equal(0, await ConsoleCommands.RunAsync(["create-admin", "--user", "root", "--password", "Root@2026!", $"--Database:DataDirectory={folder}"]));
        await using (var db = Open(folder))
        {
            db.Departments.Add(new Department(new DepartmentForm { Code = "310000DSJ", Name = "某市大数据中心", CreditCode = "11310000MB0000001X" }));
            await db.SaveChangesAsync(Ct);
        }

        Assert.Equal(2, await SeedDemoCommand.RunAsync(["--scale", "--departments", "1", "--resources", "1", "--months", "1", $"--Database:DataDirectory={folder}"]));

        await using var after = Open(folder);
        Assert.Equal(["310000DSJ"], await after.Departments.Select(d => d.Code).ToListAsync(Ct));
        Assert.Empty(await after.DataResources.ToListAsync(Ct));
    }

    [Fact]
    public async Task Bench_score_runs_end_to_end_on_a_tiny_scaled_demo_and_reports_every_figure()
    {
        var folder = TempFolder.Create("bench-score");
        var output = Path.Combine(TempFolder.Create("bench-score"), "score.json");

        var exit = await BenchCommand.RunAsync(["score", "--json", "--data", folder, "--departments", "3", "--resources", "6", "--months", "2", "--repeat", "2",
            "--out", output]);

        Assert.Contains(exit, new[] { 0, 1 }); // timings are not asserted here
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(output, Ct));
        var root = json.RootElement;
        Assert.Equal("score", root.GetProperty("bench").GetString());
        Assert.True(root.GetProperty("seedSeconds").GetDouble() > 0);
        Assert.Equal(8 + 3, root.GetProperty("volume").GetProperty("departments").GetInt32());
        var pages = root.GetProperty("pages").EnumerateArray().ToList();
        Assert.Equal(["领导驾驶舱", "数据管理员驾驶舱", "系统管理员首页", "部门驾驶舱", "考核排名", "部门得分明细"], pages.Select(p => p.GetProperty("name").GetString()));
        Assert.All(pages, p => Assert.Equal(2, p.GetProperty("milliseconds").GetArrayLength()));
        Assert.All(pages, p => Assert.True(p.GetProperty("maxMs").GetDouble() >= p.GetProperty("medianMs").GetDouble()));
        Assert.All(pages, p => Assert.True(p.GetProperty("htmlChars").GetInt32() > 0));
        var compute = root.GetProperty("compute");
        Assert.Equal(ScoreBench.ComputeRuns, compute.GetProperty("seconds").GetArrayLength());
        Assert.True(compute.GetProperty("departments").GetInt32() >= 3);
        var targets = root.GetProperty("targets").EnumerateArray().ToList();
        Assert.Equal(pages.Count + 1, targets.Count);
        Assert.Equal(exit == 0, root.GetProperty("pass").GetBoolean());
        Assert.Equal(targets.All(t => t.GetProperty("pass").GetBoolean()), root.GetProperty("pass").GetBoolean());
    }
}
