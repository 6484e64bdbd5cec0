using GovDataConsole.Bench;
using GovDataConsole.Features.Catalog;
using GovDataConsole.Features.Collection;
using GovDataConsole.Features.Quality;
using GovDataConsole.Quality;
using GovDataConsole.Standards;
using GovDataConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GovDataConsole.Tests.Cleansing.CleansingKit;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Tests.Quality;

/// <summary>
/// The real check job on two cleansed batches: chunked runs store exactly what a single-chunk run stores, and uniqueness
/// spans chunks and batches (other batches first, then the run's in row order) from the keys the chunks collected.
/// </summary>
public sealed class CheckRunIntegrationTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    private static readonly string[] Ids = [.. Enumerable.Range(0, 30).Select(i => Id(i))];

    private static string Id(int i)
    {
        var first17 = $"330102{new DateOnly(1980, 1, 1).AddDays(i * 37):yyyyMMdd}{100 + i * 2:D3}";
        return first17 + ResidentId.CheckCharacter(first17);
    }

    private static string[] Row(string id, string name, string gender = "1", string birth = "1980-01-01", string phone = "13800138000") =>
        [id, name, gender, birth, "杭州市", phone];

    /// <summary>Rows 2–11: row 7 repeats row 3's ID, row 9 has no ID, row 4 has a bad check character, row 6 an unknown gender.</summary>
    private static readonly string[][] First =
    [
        Row(Ids[0], "甲"), Row(Ids[1], "乙"), Row(Ids[2][..17] + (Ids[2][17] == '0' ? "1" : "0"), "丙"), Row(Ids[3], "丁"), Row(Ids[4], "戊", gender: "7"),
        Row(Ids[1], "己"), Row(Ids[5], "庚"), Row("", "辛"), Row(Ids[6], ""), Row(Ids[7], "癸", phone: "12345"),
    ];

    /// <summary>
    /// Rows 2–13: row 2 repeats the first batch's row 3 ID, rows 8 and 10 repeat row 5's, row 11 repeats row 4's name and
    /// birth date (the two-field key), row 12 has a blank name.
    /// </summary>
    private static readonly string[][] Second =
    [
        Row(Ids[1], "子"), Row(Ids[10], "丑"), Row(Ids[11], "寅", birth: "1990-05-05"), Row(Ids[12], "卯"), Row(Ids[13], "辰"), Row(Ids[14], "巳"),
        Row(Ids[12], "午"), Row(Ids[15], "未"), Row(Ids[12], "申"), Row(Ids[16], "寅", birth: "1990-05-05"), Row(Ids[17], " "), Row(Ids[18], "亥"),
    ];

    private static QualityRule Rule(string key, RuleTemplate template, params string[] fields) =>
        new(key, template, fields, RuleTemplateCatalog.Defaults(template), RuleSeverity.Major, 1, 5);

    private static readonly QualityRule[] Rules =
    [
        Rule("Q1", RuleTemplate.NotBlank, "XM"), Rule("Q2", RuleTemplate.ResidentId, "SFZH"), Rule("Q3", RuleTemplate.Unique, "SFZH"),
        Rule("Q4", RuleTemplate.Unique, "XM", "CSRQ"), Rule("Q5", RuleTemplate.InDictionary, "XB"), Rule("Q6", RuleTemplate.Mobile, "LXDH"),
    ];

    private async Task<(int Resource, int First, int Second)> SetUpAsync()
    {
        var resourceId = await PublishResourceAsync(app.Services);
        await using var db = ActAs.Db(app.Services);
        db.QualityRuleSets.Add(new QualityRuleSet(resourceId, 1, Rules, "test", DateTime.UtcNow));
        await db.SaveChangesAsync(Ct);
        var resource = await db.DataResources.SingleAsync(r => r.Id == resourceId, Ct);
        var first = await BenchBatch.InsertAsync(db, resource, 1, First, BatchStatus.Cleansed, Ct);
        var second = await BenchBatch.InsertAsync(db, resource, 2, Second, BatchStatus.Cleansed, Ct);
        return (resourceId, first, second);
    }

    /// <summary>
    /// Queues and runs a check inline with chunks of <paramref name="chunkRows"/> rows, writing problems every
    /// <paramref name="rowsPerWrite"/> rows and holding up to <paramref name="heldKeyBytes"/> of the chunks' keys.
    /// </summary>
    private async Task<int> CheckAsync(int resourceId, int? batchId, int chunkRows, int rowsPerWrite = 10_000, long heldKeyBytes = 1 << 20)
    {
        var options = app.Services.GetRequiredService<QualityOptions>();
        var saved = (options.ChunkRows, options.RowsPerWrite, options.HeldKeyBytes);
        (options.ChunkRows, options.RowsPerWrite, options.HeldKeyBytes) = (chunkRows, rowsPerWrite, heldKeyBytes);
        try
        {
            var runId = await app.Services.GetRequiredService<CheckRunQueue>().QueueAsync(resourceId, batchId, CheckTrigger.Manual, "test", Ct);
            Assert.NotNull(runId);
            await app.Services.GetRequiredService<QualityCheckJob>().RunInlineAsync(runId.Value, 2, Ct);
            return runId.Value;
        }
        finally
        {
            (options.ChunkRows, options.RowsPerWrite, options.HeldKeyBytes) = saved;
        }
    }

    private sealed record Stored(int BatchId, int? Row, string RuleKey, string RuleName, string Dimension, string Severity, string? Item,
        string? ItemName, string Sensitivity, string? Value, string Message, bool FromChunk);

    private async Task<(CheckRun Run, List<Stored> Problems, List<(string Key, long Checked, long Failed)> Rules)> ResultAsync(int runId)
    {
        await using var db = ActAs.Db(app.Services);
        var run = await db.CheckRuns.AsNoTracking().SingleAsync(r => r.Id == runId, Ct);
        var problems = (await db.Problems.AsNoTracking().Where(p => p.RunId == runId).ToListAsync(Ct))
            .Select(p => new Stored(p.BatchId, p.RowNumber, p.RuleKey, p.RuleName, p.Dimension.ToString(), p.Severity.ToString(), p.ItemCode, p.ItemName,
                p.Sensitivity.ToString(), p.Value, p.Message, p.ChunkId is not null))
            .OrderBy(p => p.BatchId).ThenBy(p => p.Row).ThenBy(p => p.RuleKey).ToList();
        var rules = await db.CheckRunRules.AsNoTracking().Where(r => r.RunId == runId).OrderBy(r => r.RuleKey)
            .Select(r => new { r.RuleKey, r.Checked, r.Failed }).ToListAsync(Ct);
        return (run, problems, rules.Select(r => (r.RuleKey, r.Checked, r.Failed)).ToList());
    }

    [Fact]
    public async Task Writing_problems_after_every_page_of_a_large_batch_stores_what_one_write_at_the_end_stores()
    {
        var resourceId = await PublishResourceAsync(app.Services);
        await using var db = ActAs.Db(app.Services);
        db.QualityRuleSets.Add(new QualityRuleSet(resourceId, 1, Rules, "test", DateTime.UtcNow));
        await db.SaveChangesAsync(Ct);
        var resource = await db.DataResources.SingleAsync(r => r.Id == resourceId, Ct);
        // Over two pages of the record reader: the first batch's rows again and again, so every rule fails somewhere.
        var rows = Enumerable.Range(0, RecordPages.PageSize * 2 + 345).Select(i => First[i % First.Length]).ToList();
        var batch = await BenchBatch.InsertAsync(db, resource, 1, rows, BatchStatus.Cleansed, Ct);

        var once = await ResultAsync(await CheckAsync(resourceId, batch, 1_000_000, rowsPerWrite: 1_000_000));
        var everyPage = await ResultAsync(await CheckAsync(resourceId, batch, 1_000_000, rowsPerWrite: 1));

        Assert.Equal((CheckRunStatus.Completed, (long)rows.Count), (everyPage.Run.Status, everyPage.Run.RowsChecked));
        Assert.Equal(once.Problems, everyPage.Problems);
        Assert.Equal(once.Rules, everyPage.Rules);
        Assert.Equal(everyPage.Problems.Count, everyPage.Run.ProblemCount);
        // Row 4's bad check character, row 6's unknown gender and the repeated IDs, in every repetition.
        Assert.Equal(rows.Count / First.Length + (rows.Count % First.Length > 2 ? 1 : 0), everyPage.Problems.Count(p => p.RuleKey == "Q2"));
        // Repeated IDs over more than a page of duplicates (their records read back a page ahead): each shows its row's ID.
        var repeated = everyPage.Problems.Where(p => p.RuleKey == "Q3").ToList();
        Assert.Equal(rows.Count(r => r[0] != "") - First.Select(r => r[0]).Where(id => id != "").Distinct().Count(), repeated.Count);
        Assert.True(repeated.Count > RecordPages.PageSize);
        Assert.All(repeated, p => Assert.Equal(rows[p.Row!.Value - 2][0], p.Value));
    }

    [Fact]
    public async Task Chunks_of_three_rows_store_the_same_problems_counts_and_score_as_one_chunk_per_batch()
    {
        var (resource, first, second) = await SetUpAsync();

        var whole = await ResultAsync(await CheckAsync(resource, null, 1_000));
        var chunked = await ResultAsync(await CheckAsync(resource, null, 3));

        Assert.Equal((CheckRunStatus.Completed, 2), (whole.Run.Status, whole.Run.ChunkCount));
        Assert.Equal((CheckRunStatus.Completed, 4 + 5), (chunked.Run.Status, chunked.Run.ChunkCount));
        Assert.Equal(whole.Problems, chunked.Problems);
        Assert.Equal(whole.Rules, chunked.Rules);
        Assert.Equal((22L, whole.Problems.Count, whole.Run.Score), (chunked.Run.RowsChecked, (int)chunked.Run.ProblemCount, chunked.Run.Score));
        await using var db = ActAs.Db(app.Services);
        // The aggregation took every chunk's keys: none stay held.
        var held = app.Services.GetRequiredService<HeldChunkKeys>();
        Assert.All(await db.CheckRunChunks.Where(c => c.RunId == whole.Run.Id || c.RunId == chunked.Run.Id).Select(c => c.Id).ToListAsync(Ct),
            id => Assert.Null(held.Take(id)));
        Assert.Equal(chunked.Run.Id, (await db.DataBatches.SingleAsync(b => b.Id == second, Ct)).CheckRunId);

        // Uniqueness across chunks and batches, first owner named; the blank ID of the first batch's row 9 is not keyed.
        var unique = chunked.Problems.Where(p => p.RuleKey is "Q3" or "Q4").Select(p => (p.BatchId, p.Row, p.RuleKey, p.Value, p.Message, p.FromChunk));
        Assert.Equal(
        [
            (first, 7, "Q3", Ids[1], string.Format(T.RuleFailure_Unique, "公民身份号码", string.Format(T.RuleFailure_UniqueSameBatch, 3)), false),
            (second, 2, "Q3", Ids[1], string.Format(T.RuleFailure_Unique, "公民身份号码", string.Format(T.RuleFailure_UniqueOtherBatch, first, 3)), false),
            (second, 8, "Q3", Ids[12], string.Format(T.RuleFailure_Unique, "公民身份号码", string.Format(T.RuleFailure_UniqueSameBatch, 5)), false),
            (second, 10, "Q3", Ids[12], string.Format(T.RuleFailure_Unique, "公民身份号码", string.Format(T.RuleFailure_UniqueSameBatch, 5)), false),
            (second, 11, "Q4", "寅 / 1990-05-05", string.Format(T.RuleFailure_Unique, "姓名、出生日期", string.Format(T.RuleFailure_UniqueSameBatch, 4)), false),
        ], unique);
        // Row checks: what each problem row stores (rule text, item, sensitivity), found by its chunk.
        var blank = Assert.Single(chunked.Problems, p => p.RuleKey == "Q1" && p.BatchId == first);
        Assert.Equal(new Stored(first, 10, "Q1", Rules[0].DisplayName, "Completeness", "Major", "XM", "姓名", nameof(SensitivityKind.PersonName), "",
            string.Format(T.RuleFailure_NotBlank, "姓名"), true), blank);
        // Validity checks pass empty values: the blank ID of row 9 is the completeness rules' job.
        Assert.Equal([(first, 4)], chunked.Problems.Where(p => p.RuleKey == "Q2").Select(p => (p.BatchId, p.Row ?? 0)));
        Assert.Equal(("Q3", 22L, 4L), chunked.Rules.Single(r => r.Key == "Q3"));
    }

    [Fact]
    public async Task Chunks_whose_keys_this_process_does_not_hold_are_keyed_again_from_their_records_with_the_same_results()
    {
        var (resource, _, _) = await SetUpAsync();

        var held = await ResultAsync(await CheckAsync(resource, null, 3));
        // As when the chunks ran in another process: the aggregation reads every chunk's keys from its records.
        var reread = await ResultAsync(await CheckAsync(resource, null, 3, heldKeyBytes: 0));

        Assert.Equal((CheckRunStatus.Completed, 9), (reread.Run.Status, reread.Run.ChunkCount));
        Assert.Equal(held.Problems, reread.Problems);
        Assert.Equal(held.Rules, reread.Rules);
        Assert.Equal((held.Run.ProblemCount, held.Run.Score), (reread.Run.ProblemCount, reread.Run.Score));
        Assert.Equal(4, reread.Problems.Count(p => p.RuleKey == "Q3"));
        Assert.Single(reread.Problems, p => p.RuleKey == "Q4");
    }

    [Fact]
    public async Task A_batch_run_reports_only_its_own_rows_after_the_other_batches_keys_and_skips_excepted_records()
    {
        var (resource, first, second) = await SetUpAsync();
        var run = await ResultAsync(await CheckAsync(resource, second, 2));

        Assert.All(run.Problems, p => Assert.Equal(second, p.BatchId));
        Assert.Equal([2, 8, 10], run.Problems.Where(p => p.RuleKey == "Q3").Select(p => p.Row ?? 0));
        Assert.Equal(("Q3", 12L, 3L), run.Rules.Single(r => r.Key == "Q3"));

        await using (var db = ActAs.Db(app.Services))
        {
            var problem = await db.Problems.SingleAsync(p => p.RunId == run.Run.Id && p.RuleKey == "Q3" && p.RowNumber == 8, Ct);
            db.QualityExceptions.Add(new QualityException(problem, "同一人两条任职记录", "steward", DateTime.UtcNow));
            await db.SaveChangesAsync(Ct);
        }
        var again = await ResultAsync(await CheckAsync(resource, second, 5));

        // Row 8 still owns nothing (row 5 does): row 10 is reported against row 5 as before.
        Assert.Equal([2, 10], again.Problems.Where(p => p.RuleKey == "Q3").Select(p => p.Row ?? 0));
        Assert.Equal(("Q3", 12L, 2L), again.Rules.Single(r => r.Key == "Q3"));
        Assert.Equal(run.Problems.Where(p => p.RuleKey != "Q3"), again.Problems.Where(p => p.RuleKey != "Q3"));
        Assert.Null((await BatchAsync(app.Services, first)).CheckRunId);
    }
}
