using System.Text.Json;
using ClosedXML.Excel;
using GovDataConsole.Features.Quality;
using GovDataConsole.Hosting;
using GovDataConsole.Quality;
using GovDataConsole.Tests.Cleansing;
using GovDataConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static GovDataConsole.Tests.Quality.PreCheck.PreCheckKit;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Tests.Quality.PreCheck;

/// <summary>
/// <c>check --resource CODE --file PATH [--out …]</c> run in-process against the demo app's data folder: exit 0 when every
/// rule passes, 1 when one fails, 2 on bad input; reports written as JSON and as a workbook read back.
/// </summary>
public sealed class CheckCommandTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    private Task<int> CheckAsync(params string[] args) => ConsoleCommands.RunAsync(["check", .. args, $"--Database:DataDirectory={app.DataDirectory}"]);

    private static string Write(string name, byte[] content)
    {
        var path = Path.Combine(TempFolder.Create("check"), name);
        File.WriteAllBytes(path, content);
        return path;
    }

    [Fact]
    public async Task A_file_that_fails_a_rule_exits_1_and_the_json_report_reads_back()
    {
        var (_, code) = await ResourceWithDataAsync(app.Services);
        var file = Write("incoming.csv", Csv(Incoming));
        var output = Path.Combine(TempFolder.Create("check"), "report.json");
        var stored = await StoredAsync(app.Services);

        Assert.Equal(1, await CheckAsync("--resource", code, "--file", file, "--out", output));

        Assert.Equal(stored, await StoredAsync(app.Services));
        var report = JsonSerializer.Deserialize<PreCheckReport>(await File.ReadAllBytesAsync(output, Ct), PreCheckExport.JsonOptions)!;
        Assert.Equal((code, "incoming.csv", T.Cli_CheckUser), (report.ResourceCode, report.FileName, report.CheckedBy));
        Assert.Equal((8, 6, 2, 1, 5L), (report.RowsRead, report.RowsAccepted, report.RowsRejected, report.Duplicates, report.RowsChecked));
        Assert.False(report.Passed);
        Assert.Equal(Rules().Select(r => r.Key), report.Rules.Select(r => r.Key));
        Assert.Equal(report.ProblemCount, report.Problems.Count);
        Assert.Contains(report.Problems, p => p is { RuleKey: "R1", RowNumber: 3, ItemCode: "HJDZ" });
        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(output, Ct));
        Assert.False(json.RootElement.GetProperty("passed").GetBoolean());
        Assert.Equal("Completeness", json.RootElement.GetProperty("rules")[0].GetProperty("dimension").GetString());
    }

    [Fact]
    public async Task A_clean_file_exits_0_and_the_workbook_report_reads_back_with_ClosedXML()
    {
        var resourceId = await CleansingKit.PublishResourceAsync(app.Services);
        await SaveRulesAsync(app.Services, resourceId, [Rule("N", RuleTemplate.NotBlank, ["XM"], 0), Rule("U", RuleTemplate.Unique, ["SFZH"], 0)]);
        string code;
        await using (var db = ActAs.Db(app.Services))
            code = await db.DataResources.Where(r => r.Id == resourceId).Select(r => r.Code).SingleAsync(Ct);
        var file = Write("clean.csv", Csv([Incoming[0], Incoming[2], Incoming[8 - 1]]));
        var output = Path.Combine(TempFolder.Create("check"), "report.xlsx");

        Assert.Equal(0, await CheckAsync("--resource", code, "--file", file, "--out", output));

        using var workbook = new XLWorkbook(output);
        Assert.Equal([T.PreCheck_SummarySheet, T.PreCheck_RulesSheet, T.PreCheck_ProblemsSheet, T.Batch_RowErrors, T.Cleansing_Result],
            workbook.Worksheets.Select(w => w.Name));
        var summary = workbook.Worksheet(1).RowsUsed().Skip(1).ToDictionary(r => r.Cell(1).GetString(), r => r.Cell(2).GetString());
        Assert.Equal(T.PreCheck_Passed, summary[T.PreCheck_Conclusion]);
        Assert.Equal("3", summary[T.Batch_Read]);
        Assert.Equal("100", summary[T.PreCheck_Score]);
        var rules = workbook.Worksheet(2).RowsUsed().Skip(1).Select(r => (r.Cell(6).GetString(), r.Cell(7).GetString(), r.Cell(9).GetString())).ToList();
        Assert.Equal([("3", "0", T.PreCheck_RulePassed), ("3", "0", T.PreCheck_RulePassed)], rules);
        Assert.Single(workbook.Worksheet(3).RowsUsed()); // the header only
    }

    [Fact]
    public async Task Bad_input_exits_2_without_writing_a_report()
    {
        var (_, code) = await ResourceWithDataAsync(app.Services);
        var file = Write("incoming.csv", Csv(Incoming));
        var folder = TempFolder.Create("check");

        Assert.Equal(2, await CheckAsync("--resource", code));
        Assert.Equal(2, await CheckAsync("--resource", "330100GAJ/NOPE", "--file", file, "--out", Path.Combine(folder, "a.json")));
        Assert.Equal(2, await CheckAsync("--resource", code, "--file", Path.Combine(folder, "missing.csv"), "--out", Path.Combine(folder, "b.json")));
        Assert.Equal(2, await CheckAsync("--resource", code, "--file", file, "--out", Path.Combine(folder, "report.txt")));
        Assert.Equal(2, await CheckAsync("--resource", code, "--file", Write("broken.xlsx", "不是工作簿"u8.ToArray()), "--out", Path.Combine(folder, "c.json")));
        Assert.Equal(2, await CheckAsync("--resource", code, "--file", Write("notes.csv", "甲,乙\n1,2\n"u8.ToArray()), "--out", Path.Combine(folder, "d.json")));

        Assert.Empty(Directory.EnumerateFiles(folder));
    }
}
