using System.Text;
using GovDataConsole.Features.Quality;
using GovDataConsole.Features.Shared;
using GovDataConsole.Tests.Cleansing;
using GovDataConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GovDataConsole.Tests.Quality.PreCheck.PreCheckKit;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Tests.Quality.PreCheck;

/// <summary>The pre-check finds what a real import, cleansing and check run of the same file find, stores nothing, and keeps to the user's scope.</summary>
public sealed class PreCheckServiceTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    [Fact]
    public async Task The_report_equals_a_real_import_cleanse_and_check_run_of_the_same_file_and_nothing_is_stored()
    {
        var (resourceId, _) = await ResourceWithDataAsync(app.Services);
        var csv = Csv(Incoming);
        var before = await StoredAsync(app.Services);

        var report = await PreCheckAsync(app.Services, "gongan", resourceId, csv);

        Assert.Equal(before, await StoredAsync(app.Services));
        Assert.DoesNotContain(Directory.EnumerateFiles(Path.Combine(app.DataDirectory, "files"), "*", SearchOption.AllDirectories), f => f.Contains("precheck"));
        Assert.Equal((8, 6, 2, 1, 5L), (report.RowsRead, report.RowsAccepted, report.RowsRejected, report.Duplicates, report.RowsChecked));
        Assert.False(report.Passed);
        Assert.Equal("陈静", report.CheckedBy);

        // The same file for real: import, cleanse, and the check run the cleansing queued, run inline.
        var batchId = await CleansingKit.ImportAsync(app.Services, resourceId, csv);
        await CleansingKit.CleanseAsync(app.Services, batchId);
        int runId;
        await using (var db = ActAs.Db(app.Services))
            runId = await db.CheckRuns.Where(r => r.BatchId == batchId).Select(r => r.Id).SingleAsync(Ct);
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<QualityCheckJob>().RunInlineAsync(runId, 2, Ct);

        await using var check = ActAs.Db(app.Services);
        var batch = await check.DataBatches.SingleAsync(b => b.Id == batchId, Ct);
        var run = await check.CheckRuns.SingleAsync(r => r.Id == runId, Ct);
        Assert.Equal(CheckRunStatus.Completed, run.Status);
        Assert.Equal((batch.RowsRead, batch.RowsAccepted, batch.RowsRejected), (report.RowsRead, report.RowsAccepted, report.RowsRejected));
        Assert.Equal(await check.BatchRecords.CountAsync(r => r.BatchId == batchId && r.DuplicateOfRow != null, Ct), report.Duplicates);
        Assert.Equal(run.RowsChecked, report.RowsChecked);

        var rules = await check.CheckRunRules.Where(r => r.RunId == runId).OrderBy(r => r.Id).ToListAsync(Ct);
        Assert.Equal(rules.Select(r => (r.RuleKey, r.RuleName, r.Checked, r.Failed, r.FailureRate, r.Threshold, r.Passed)),
            report.Rules.Select(r => (r.Key, r.Name, r.Checked, r.Failed, r.FailureRate, r.Threshold, r.Passed)));
        Assert.Contains(report.Rules, r => r.Key == "R5" && r.Failed == 2 && !r.Passed); // rows 2 and 4 repeat the current data
        Assert.Contains(report.Rules, r => r.Key == "R6" && r.Failed == 2 && r.Passed);  // 李四 in the current data, 周八 twice in the file; within its threshold
        Assert.Equal(run.Score, report.Score);
        Assert.Equal(run.ProblemCount, report.ProblemCount);

        var problems = await check.Problems.Where(p => p.RunId == runId).Select(p => new { p.RowNumber, p.RuleKey, p.ItemCode, p.Value, p.Message }).ToListAsync(Ct);
        Assert.Equal(problems.Select(p => $"{p.RowNumber}|{p.RuleKey}|{p.ItemCode}|{p.Value}|{p.Message}").Order(),
            report.Problems.Select(p => $"{p.RowNumber}|{p.RuleKey}|{p.ItemCode}|{p.Value}|{p.Message}").Order());
        Assert.Contains(report.Problems, p => p.RuleKey == "R5" && p.RowNumber == 2 && p.Message.Contains("与批次"));
        Assert.Contains(report.Problems, p => p.RuleKey == "R6" && p.RowNumber == 7 && p.Message.Contains(string.Format(T.RuleFailure_UniqueSameBatch, 3)));

        var errors = await check.BatchRowErrors.Where(e => e.BatchId == batchId).OrderBy(e => e.RowNumber).ThenBy(e => e.Id)
            .Select(e => new { e.RowNumber, e.ItemCode, e.Value, e.Message }).ToListAsync(Ct);
        Assert.Equal(errors.Select(e => (e.RowNumber, e.ItemCode, e.Value, e.Message)),
            report.RowErrors.Select(e => (e.RowNumber, e.ItemCode, (string?)e.Value, e.Message)));
        Assert.Equal(report.RowErrorCount, report.RowErrors.Count);

        var counts = await check.BatchCleansingCounts.Where(c => c.BatchId == batchId).OrderBy(c => c.Id).Select(c => new { c.ItemCode, c.Position, c.Kind, c.Changed }).ToListAsync(Ct);
        Assert.Equal(counts.Select(c => (c.ItemCode, c.Position, c.Kind, c.Changed)), report.Cleansing.Select(c => (c.ItemCode, c.Position, c.Kind.ToString(), c.Changed)));
    }

    [Fact]
    public async Task Staff_of_another_department_and_managers_are_refused_and_stewards_may_check_any_resource()
    {
        var (resourceId, _) = await ResourceWithDataAsync(app.Services);
        var csv = Csv(Incoming);

        var other = await Assert.ThrowsAsync<AccessDeniedException>(() => PreCheckAsync(app.Services, "shichang", resourceId, csv));
        Assert.Equal(T.Error_OtherDepartment, other.Message);
        var manager = await Assert.ThrowsAsync<AccessDeniedException>(() => PreCheckAsync(app.Services, "manager", resourceId, csv));
        Assert.Equal(T.Error_RoleNotAllowed, manager.Message);
        await Assert.ThrowsAsync<NotFoundException>(() => PreCheckAsync(app.Services, "gongan", int.MaxValue, csv));

        var steward = await PreCheckAsync(app.Services, "steward", resourceId, csv);
        Assert.Equal(5, steward.RowsChecked);
    }

    public static TheoryData<string, string> BadFiles() => new()
    {
        { "数据.xls", T.Batch_FormatNotSupported },
        { "数据.xlsm", T.Inventory_MacroFile },
        { "损坏.xlsx", T.Excel_NotAWorkbook },
        { "无表头.csv", T.Batch_HeaderNotFound },
        { "缺列.csv", string.Format(T.Batch_MissingRequired, "姓名") },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Bad_files_are_refused_in_Chinese_as_the_batch_upload_refuses_them(string fileName, string message)
    {
        var resourceId = await CleansingKit.PublishResourceAsync(app.Services);
        var content = fileName switch
        {
            "无表头.csv" => Encoding.UTF8.GetBytes("甲,乙,丙\n1,2,3\n"),
            "缺列.csv" => Encoding.UTF8.GetBytes("公民身份号码,性别\n330102198001051237,1\n"),
            _ => Encoding.UTF8.GetBytes("这不是一个工作簿"),
        };

        var refused = await Assert.ThrowsAsync<BusinessRuleException>(() => PreCheckAsync(app.Services, "gongan", resourceId, content, fileName));

        Assert.Equal(message, refused.Message);
    }

    [Fact]
    public async Task A_file_over_the_upload_limit_is_refused_and_leaves_no_file_behind()
    {
        var resourceId = await CleansingKit.PublishResourceAsync(app.Services);
        var options = app.Services.GetRequiredService<GovDataConsole.Features.Collection.CollectionOptions>();
        var limit = options.MaxUploadBytes;
        options.MaxUploadBytes = 1024 * 1024;
        try
        {
            var big = Csv(Enumerable.Repeat(Incoming[0], 20_000));
            var refused = await Assert.ThrowsAsync<BusinessRuleException>(() => PreCheckAsync(app.Services, "gongan", resourceId, big));
            Assert.Equal(string.Format(T.Excel_UploadTooLarge, 1), refused.Message);
        }
        finally
        {
            options.MaxUploadBytes = limit;
        }
        Assert.DoesNotContain(Directory.EnumerateFiles(Path.Combine(app.DataDirectory, "files"), "*", SearchOption.AllDirectories), f => f.Contains("precheck"));
    }

    [Fact]
    public async Task Keep_last_de_duplication_checks_the_last_row_of_each_key_as_the_real_run_would()
    {
        var resourceId = await CleansingKit.PublishResourceAsync(app.Services);
        await CleansingKit.SaveAsync(app.Services, resourceId, CleansingKit.MessyRules(), GovDataConsole.Features.Cleansing.DedupMode.KeepLast);
        await SaveRulesAsync(app.Services, resourceId, [Rule("N", GovDataConsole.Quality.RuleTemplate.NotBlank, ["HJDZ"], 0)]);
        var csv = Csv(Incoming);

        var report = await PreCheckAsync(app.Services, "gongan", resourceId, csv);

        // Rows 4 and 6 share a key: row 4 ("上城区") is dropped, row 6 is kept; rows 3 ("无") and 9 ("-") are blank after cleansing.
        Assert.Equal((1, 5L), (report.Duplicates, report.RowsChecked));
        Assert.Equal([3, 9], report.Problems.Select(p => p.RowNumber!.Value).Order());
        Assert.All(report.Problems, p => Assert.Equal(("HJDZ", ""), (p.ItemCode, p.Value)));
        Assert.Equal((5L, 2L, false), (report.Rules[0].Checked, report.Rules[0].Failed, report.Passed));
    }
}
