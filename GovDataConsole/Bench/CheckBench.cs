using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text.Json;
using GovDataConsole.Data;
using GovDataConsole.Features.Catalog;
using GovDataConsole.Features.Collection;
using GovDataConsole.Features.Organization;
using GovDataConsole.Features.Quality;
using GovDataConsole.Features.Shared;
using GovDataConsole.Hosting;
using GovDataConsole.Quality;
using GovDataConsole.Standards.Synthetic;
using Microsoft.EntityFrameworkCore;
using P = GovDataConsole.Quality.RuleParameterNames;

namespace GovDataConsole.Bench;

/// <summary>
/// <c>bench check [--json] [--records N] [--keep]</c>: builds a temp SQLite database with three published 12-item resources
/// (warm-up, N/10 and N records, each one cleansed batch of synthetic people with an employer's credit code and a job's
/// start and end dates, with defects) and 12 quality rules, then in a child process per size, after a warm-up, alternately
/// <see cref="TimedRounds"/> times: (a) a bare read of the batch (<see cref="RecordPages.ReadAsync"/> in the run's chunks, as
/// many at a time as the check runs them), (b) the real check (<see cref="CheckRunQueue.QueueAsync"/> +
/// <see cref="QualityCheckJob.RunInlineAsync"/> with one worker per core, as one node's Hangfire workers take the chunks),
/// each reported by its median round; both again, untimed, for their peak live heap
/// (<see cref="HeapSampler.PeakLiveAsync"/>); then (c) times the problem browser's query over at least 1,000,000 current
/// problems. Exit code 1 when a target fails.
/// </summary>
public static class CheckBench
{
    public const string Name = "check";
    public const double MinRecordsPerSecond = 300_000;
    public const double MaxReadRatio = 2;
    public const double MaxPageMs = 300;
    public const int GridProblems = 1_000_000;
    public const int PageSize = 50;
    /// <summary>
    /// Allowed growth of the truly live managed heap from N/10 to N records (measured in a separate pass with forced full
    /// collections): the aggregation holds every chunk's sorted uniqueness keys, <see cref="ChunkKeys.KeySize"/> bytes per
    /// key (rule, row and digest); chunks are capped at about <see cref="QualityOptions.ChunkRows"/> rows and pages at
    /// <see cref="RecordPages.PageSize"/>, so everything else stays flat.
    /// </summary>
    public const double MaxPeakGrowthMb = 128;
    /// <summary>
    /// Enough rows and rounds for tiered compilation to have optimised the per-row code and the per-page and per-chunk
    /// code (EF queries, transactions) before the timed steps, as in a server that has run checks before.
    /// </summary>
    private const int WarmupRecords = 5_000, WarmupRounds = 100, SettleRounds = 50;

    /// <summary>Bare reads and checks alternate this many times; each is reported by its median round (this VM's wall times vary ±15 %).</summary>
    public const int TimedRounds = 3;

    private static readonly PersonColumn[] PersonColumns =
    [
        PersonColumn.ResidentId, PersonColumn.Name, PersonColumn.Gender, PersonColumn.BirthDate, PersonColumn.Mobile,
        PersonColumn.DivisionCode, PersonColumn.Address, PersonColumn.Postcode, PersonColumn.Email,
    ];

    private static readonly Dictionary<DefectKind, double> PersonDefects = new()
    {
        [DefectKind.BlankRequired] = 0.02, [DefectKind.WrongCheckCharacter] = 0.01, [DefectKind.GenderMismatch] = 0.01, [DefectKind.DuplicateKey] = 0.01,
        [DefectKind.NonIsoDate] = 0.03, [DefectKind.DecoratedPhone] = 0.02, [DefectKind.FullWidthDigits] = 0.01, [DefectKind.LegacyId] = 0.01,
    };

    private static readonly Dictionary<DefectKind, double> CompanyDefects = new() { [DefectKind.WrongCheckCharacter] = 0.01 };

    private static QualityRule Rule(string key, RuleTemplate template, string[] fields, RuleSeverity severity = RuleSeverity.Major,
        Dictionary<string, string>? parameters = null)
    {
        var all = RuleTemplateCatalog.Defaults(template);
        foreach (var (name, value) in parameters ?? []) all[name] = value;
        return new QualityRule(key, template, fields, all, severity, 1, 5);
    }

    /// <summary>The 12 rules: completeness, ID, credit code, dictionary, formats, cross-field, an expression and uniqueness.</summary>
    public static IReadOnlyList<QualityRule> Rules() =>
    [
        Rule("R01", RuleTemplate.NotBlank, ["XM"], RuleSeverity.Critical),
        Rule("R02", RuleTemplate.ResidentId, ["SFZH"], RuleSeverity.Critical),
        Rule("R03", RuleTemplate.CreditCode, ["DWXYDM"]),
        Rule("R04", RuleTemplate.InDictionary, ["XB"]),
        Rule("R05", RuleTemplate.Mobile, ["SJHM"], RuleSeverity.Minor),
        Rule("R06", RuleTemplate.DivisionCode, ["XZQH"], parameters: new() { [P.RequireKnown] = "true" }),
        Rule("R07", RuleTemplate.BirthDateMatchesId, ["SFZH", "CSRQ"]),
        Rule("R08", RuleTemplate.GenderMatchesId, ["SFZH", "XB"], parameters: new() { [P.MaleCode] = "1", [P.FemaleCode] = "2" }),
        Rule("R09", RuleTemplate.StartBeforeEnd, ["KSRQ", "JSRQ"]),
        Rule("R10", RuleTemplate.Expression, [], parameters: new() { [P.Expression] = "KSRQ is empty or KSRQ > CSRQ" }),
        Rule("R11", RuleTemplate.Unique, ["SFZH"], RuleSeverity.Critical),
        Rule("R12", RuleTemplate.Email, ["DZYX"], RuleSeverity.Minor),
    ];

    public static async Task<int> RunAsync(BenchArgs args)
    {
        switch (args.Value("step"))
        {
            case "run":
                await WriteAsync(args, await MeasureCheckAsync(args.Value("data")!, args.Int("batch", 0), args.Int("warmup", 0), args.Value("label")!));
                return 0;
            case "grid":
                await WriteAsync(args, await MeasureGridAsync(args.Value("data")!, args.Int("batch", 0), args.Int("stale-run", 0)));
                return 0;
        }

        var records = args.Int("records", 1_000_000);
        var root = Path.Combine(Path.GetTempPath(), $"govdata-bench-check-{Guid.NewGuid():N}");
        var data = Path.Combine(root, "db");
        Directory.CreateDirectory(data);
        try
        {
            var loadStart = ImportBenchReport.LoadAverage();
            Progress($"building {data}: {records} + {records / 10} + {WarmupRecords} records × 12 items, 12 rules");
            var setup = Stopwatch.StartNew();
            var (warmup, small, large) = await SetUpAsync(data, records);
            setup.Stop();
            var steps = new List<CheckStep>();
            foreach (var (batch, label) in new[] { (small, $"{records / 10} 条"), (large, $"{records} 条") })
            {
                Progress($"reading and checking batch {batch} ({label}) in a child process");
                steps.Add(await ChildRun.RunAsync<CheckStep>([Name, "--step", "run", "--data", data, "--batch", $"{batch}", "--warmup", $"{warmup}", "--label", label],
                    Path.Combine(root, $"step-{batch}.json")));
            }
            Progress("paging the problem grid in a child process");
            var grid = await ChildRun.RunAsync<GridResult>([Name, "--step", "grid", "--data", data, "--batch", $"{large}", "--stale-run", $"{steps[0].RunId}"],
                Path.Combine(root, "grid.json"));
            var report = new CheckBenchReport(Environment.ProcessorCount, loadStart, ImportBenchReport.LoadAverage(), setup.Elapsed.TotalSeconds, steps, grid);
            Console.WriteLine(args.Has("json") ? report.ToJson() : report.ToTable());
            return report.Pass ? 0 : 1;
        }
        finally
        {
            if (args.Has("keep")) Progress($"kept {root}");
            else Directory.Delete(root, true);
        }
    }

    private static async Task WriteAsync<TResult>(BenchArgs args, TResult result) =>
        await File.WriteAllTextAsync(args.Value("out")!, JsonSerializer.Serialize(result));

    /// <summary>Two departments, three resources with rule set v1 and one cleansed batch each (the N/10 one in the second department).</summary>
    private static async Task<(int Warmup, int Small, int Large)> SetUpAsync(string data, int records)
    {
        await using var app = CleanseBench.Host(data);
        await app.InitializeDatabaseAsync();
        var ct = CancellationToken.None;
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(ct);
        var first = new Department(new DepartmentForm { Code = "BENCHQA", Name = "质检基准测试局", CreditCode = "11330100000000003X" });
        var second = new Department(new DepartmentForm { Code = "BENCHQB", Name = "质检基准测试二局", CreditCode = "11330100000000004X" });
        db.Departments.AddRange(first, second);
        await db.SaveChangesAsync(ct);
        var gender = await db.CodeDictionaries.Where(d => d.Code == StandardDictionaries.Gender).Select(d => d.Id).SingleAsync(ct);
        InfoItemForm Item(string code, string name, int length, bool key = false, int? dictionary = null) => new()
        {
            Code = code, Name = name, DataType = ItemDataType.String, Length = length, IsKey = key, DictionaryId = dictionary,
        };
        async Task<int> BatchAsync(Department department, int number, int rows)
        {
            var resource = new DataResource(new ResourceForm
            {
                Code = $"BENCHQ/{number:D5}", Name = $"质检基准从业人员信息{number}", DepartmentId = department.Id, UpdateCycle = UpdateCycle.Monthly,
                Items =
                [
                    Item("SFZH", "公民身份号码", 18, key: true), Item("XM", "姓名", 50), Item("XB", "性别", 4, dictionary: gender), Item("CSRQ", "出生日期", 20),
                    Item("SJHM", "手机号码", 30), Item("XZQH", "行政区划", 6), Item("DZ", "地址", 200), Item("YZBM", "邮政编码", 6),
                    Item("DZYX", "电子邮箱", 100), Item("DWXYDM", "单位统一社会信用代码", 18), Item("KSRQ", "入职日期", 10), Item("JSRQ", "离职日期", 10),
                ],
            });
            resource.Publish(DateTime.UtcNow);
            db.DataResources.Add(resource);
            await db.SaveChangesAsync(ct);
            db.QualityRuleSets.Add(new QualityRuleSet(resource.Id, 1, Rules(), "bench", DateTime.UtcNow));
            await db.SaveChangesAsync(ct);
            return await BenchBatch.InsertAsync(db, resource, number, Records(number, rows), BatchStatus.Cleansed, ct);
        }
        return (await BatchAsync(first, 1, WarmupRecords), await BatchAsync(second, 2, records / 10), await BatchAsync(first, 3, records));
    }

    /// <summary>
    /// People (with their defects) joined with an employer's credit code (1 % wrong check characters) and a job: started
    /// 18–30 years after birth, 40 % ended; 1 % end before they start and 0.5 % start before birth.
    /// </summary>
    private static IEnumerable<string[]> Records(int seed, int rows)
    {
        var today = new DateOnly(2026, 11, 27);
        var people = new PersonGenerator(seed, PersonColumns, PersonDefects, today).Generate(rows, new DefectReport());
        var companies = new CompanyGenerator(seed + 100, [CompanyColumn.CreditCode], CompanyDefects, today).Generate(rows, new DefectReport());
        var random = new Random(seed);
        foreach (var (person, company) in people.Zip(companies))
        {
            var birth = DateOnly.TryParseExact(person[3], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var b) ? b : today.AddYears(-40);
            var roll = random.NextDouble();
            var start = roll < 0.005 ? birth.AddDays(-random.Next(1, 400)) : birth.AddYears(18 + random.Next(13)).AddDays(random.Next(365));
            if (start > today) start = today;
            var end = roll < 0.015 ? start.AddDays(-random.Next(1, 900)) : random.Next(10) < 4 ? start.AddDays(random.Next(30, 3650)) : (DateOnly?)null;
            if (end > today) end = today;
            yield return [.. person, company[0], start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                end?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? ""];
        }
    }

    /// <summary>In the child: warm up on the warm-up batch (read and check, <see cref="WarmupRounds"/> times), then time a bare read of the batch and its check.</summary>
    private static async Task<CheckStep> MeasureCheckAsync(string data, int batchId, int warmupId, string label)
    {
        await using var app = CleanseBench.Host(data);
        await app.InitializeDatabaseAsync();
        var ct = CancellationToken.None;
        var dbFactory = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var options = app.Services.GetRequiredService<QualityOptions>();
        var width = Rules().Count;

        // The same chunks the check splits the batch into, as many at a time as it runs them.
        async Task<long> BareReadAsync(int batch)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var last = await db.BatchRecords.Where(r => r.BatchId == batch).MaxAsync(r => (int?)r.RowNumber, ct) ?? 0;
            var ranges = options.ChunkRanges(last);
            long read = 0;
            await Parallel.ForEachAsync(ranges, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, async (range, token) =>
            {
                await using var reading = await dbFactory.CreateDbContextAsync(token);
                await foreach (var page in RecordPages.ReadAsync(reading, batch, range.From, range.To, width, token)) Interlocked.Add(ref read, page.Length);
            });
            return read;
        }
        async Task<int> CheckAsync(int batch)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var resource = await db.DataBatches.Where(b => b.Id == batch).Select(b => b.DataResourceId).SingleAsync(ct);
            var runId = await app.Services.GetRequiredService<CheckRunQueue>().QueueAsync(resource, batch, CheckTrigger.Manual, "bench", ct)
                ?? throw new InvalidOperationException("The bench resource has no enabled rules.");
            await app.Services.GetRequiredService<QualityCheckJob>().RunInlineAsync(runId, Environment.ProcessorCount, ct);
            return runId;
        }
        for (var i = 0; i < WarmupRounds; i++)
        {
            await BareReadAsync(warmupId);
            await CheckAsync(warmupId);
        }
        // Tiering promotes methods only once the process pauses: round on with pauses until a round compiles nothing.
        for (var i = 0; i < SettleRounds; i++)
        {
            var compiled = JitInfo.GetCompiledMethodCount();
            await BareReadAsync(warmupId);
            await CheckAsync(warmupId);
            await ProcessMeter.SettleAsync();
            if (JitInfo.GetCompiledMethodCount() == compiled) break;
        }

        var (read, runId) = (0L, 0);
        var (bares, checks) = (new List<Measured>(), new List<Measured>());
        for (var i = 0; i < TimedRounds; i++)
        {
            (read, var bare) = await MeasureAsync(() => BareReadAsync(batchId));
            (runId, var check) = await MeasureAsync(() => CheckAsync(batchId));
            bares.Add(bare);
            checks.Add(check);
        }
        var bareHeap = await HeapSampler.PeakLiveAsync(() => BareReadAsync(batchId));
        var checkHeap = await HeapSampler.PeakLiveAsync(() => CheckAsync(batchId));

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = await db.CheckRuns.AsNoTracking().SingleAsync(r => r.Id == runId, ct);
        if (run.Status != CheckRunStatus.Completed) throw new InvalidOperationException($"Bench run ended {run.Status}: {run.FailureReason}");
        var failures = await db.CheckRunRules.AsNoTracking().Where(r => r.RunId == runId).OrderBy(r => r.RuleKey)
            .Select(r => new RuleFailures(r.RuleKey, r.RuleName, r.Failed)).ToListAsync(ct);
        return new CheckStep(label, runId, read, run.RowsChecked, run.ProblemCount, run.Score ?? 0, bares, bareHeap, checks, checkHeap, failures);
    }

    private static async Task<(TResult Result, Measured Measured)> MeasureAsync<TResult>(Func<Task<TResult>> step)
    {
        using var meter = ProcessMeter.Start();
        var result = await step();
        return (result, meter.Stop());
    }

    /// <summary>
    /// In the child: pads the N batch's current problems to at least <see cref="GridProblems"/> with copies of its real rows
    /// (same run and batch, so current) plus as many stale copies under an older run, then times the problem browser's
    /// grid query (count + page of 50, newest first) for everyone and for each department, at the first, middle and last page.
    /// </summary>
    private static async Task<GridResult> MeasureGridAsync(string data, int batchId, int staleRunId)
    {
        await using var app = CleanseBench.Host(data);
        await app.InitializeDatabaseAsync();
        var ct = CancellationToken.None;
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(ct);
        var batch = await db.DataBatches.AsNoTracking().SingleAsync(b => b.Id == batchId, ct);
        var runId = batch.CheckRunId ?? throw new InvalidOperationException("The bench batch was not checked.");
        var found = await db.Problems.LongCountAsync(p => p.RunId == runId, ct);
        const string Columns = "ChunkId, DataResourceId, DepartmentId, BatchId, RecordId, RowNumber, RuleKey, RuleName, Dimension, Severity, ItemCode, ItemName, Sensitivity, Value, Message, Status, FoundUtc";
        const string Copy = "INSERT INTO Problems (RunId, " + Columns + ") SELECT {0}, " + Columns + " FROM Problems WHERE RunId = {1} LIMIT {2}";
        var (copies, stale) = (0L, 0L);
        var padding = Stopwatch.StartNew();
        if (found < GridProblems)
        {
            while (found + copies < GridProblems) copies += await db.Database.ExecuteSqlRawAsync(Copy, [runId, runId, GridProblems - found - copies], ct);
            stale = await db.Database.ExecuteSqlRawAsync(Copy, [staleRunId, runId, found], ct);
        }
        padding.Stop();

        var departments = await db.DataResources.AsNoTracking().Where(r => r.Code.StartsWith("BENCHQ/")).Select(r => r.DepartmentId).Distinct().OrderBy(d => d).ToListAsync(ct);
        var timings = new List<PageTiming>();
        foreach (var department in departments.Select(d => (int?)d).Prepend(null))
        {
            var label = department is null ? "全部" : $"部门 {department}";
            var total = (await PageAsync(db, department, 0, ct)).Total;
            var last = Math.Max(0, (total - 1) / PageSize);
            foreach (var (position, page) in new[] { ("首页", 0), ("中间页", last / 2), ("末页", last) })
            {
                var times = new List<double>();
                for (var i = 0; i < 3; i++)
                {
                    var watch = Stopwatch.StartNew();
                    var result = await PageAsync(db, department, page, ct);
                    times.Add(watch.Elapsed.TotalMilliseconds);
                    if (result.Rows == 0) throw new InvalidOperationException($"Empty grid page {page} of {total}.");
                }
                timings.Add(new PageTiming(label, position, total, page, times.Max()));
            }
        }
        return new GridResult(found, copies, stale, padding.Elapsed.TotalSeconds, timings);
    }

    /// <summary>The problem browser's own count and page (ProblemService), newest first, for a steward (all) or a department's staff.</summary>
    private static async Task<(int Rows, int Total)> PageAsync(AppDbContext db, int? departmentId, int page, CancellationToken ct)
    {
        var user = departmentId is int id
            ? new UserContext("bench", "bench", "bench", Roles.DepartmentStaff, id, null)
            : new UserContext("bench", "bench", "bench", Roles.Steward, null, null);
        var (rows, total, _) = await ProblemService.PageAsync(db, user, new ProblemQuery { Page = page, PageSize = PageSize, Descending = true }, ct);
        return (rows.Count, total);
    }

    /// <summary>Progress goes to stderr so stdout carries only the table or the JSON.</summary>
    private static void Progress(string message) => Console.Error.WriteLine($"[bench check] {DateTime.Now:HH:mm:ss} {message}");
}

public sealed record RuleFailures(string Key, string Name, long Failed);

/// <summary>
/// One size: <see cref="CheckBench.TimedRounds"/> alternating bare reads and checks of the same batch in the same process
/// (figures of the median round of each), with what the last check found.
/// </summary>
public sealed record CheckStep(
    string Label, int RunId, long RecordsRead, long RowsChecked, long Problems, decimal Score, IReadOnlyList<Measured> BareRounds, double BarePeakLiveHeapMb,
    IReadOnlyList<Measured> CheckRounds, double CheckPeakLiveHeapMb, IReadOnlyList<RuleFailures> Rules)
{
    public Measured Bare => MedianOf(BareRounds);

    public Measured Check => MedianOf(CheckRounds);

    public double BareRecordsPerSecond => Bare.WallSeconds > 0 ? RecordsRead / Bare.WallSeconds : 0;

    public double RecordsPerSecond => Check.WallSeconds > 0 ? RowsChecked / Check.WallSeconds : 0;

    public double RecordsPerCpuSecond => Check.CpuSeconds > 0 ? RowsChecked / Check.CpuSeconds : 0;

    public double ReadRatio => Bare.WallSeconds > 0 ? Check.WallSeconds / Bare.WallSeconds : 0;

    private static Measured MedianOf(IReadOnlyList<Measured> rounds) => rounds.OrderBy(r => r.WallSeconds).ElementAt((rounds.Count - 1) / 2);
}

/// <summary>The slowest of three grid calls (count + one page) at one position.</summary>
public sealed record PageTiming(string Scope, string Position, int Total, int Page, double Milliseconds);

/// <summary>The grid step: problems the check found, copies added to reach the target, stale rows under an older run, and the timings.</summary>
public sealed record GridResult(long Found, long CurrentCopies, long StaleCopies, double PaddingSeconds, IReadOnlyList<PageTiming> Pages);

