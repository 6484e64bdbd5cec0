using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using GovDataConsole.Cleansing;
using GovDataConsole.Data;
using GovDataConsole.Features.Catalog;
using GovDataConsole.Features.Cleansing;
using GovDataConsole.Features.Collection;
using GovDataConsole.Features.Organization;
using GovDataConsole.Hosting;
using GovDataConsole.Standards.Synthetic;
using Microsoft.EntityFrameworkCore;

namespace GovDataConsole.Bench;

/// <summary>
/// <c>bench cleanse [--json] [--records N] [--dedup none|first|last] [--keep]</c>: builds a temp SQLite database with a published 10-item person resource,
/// a typical rule set (trim, full-width, null tokens, dates, dictionary, ID upgrade, phone; keep-first dedup unless --dedup says otherwise) and imported
/// batches of synthetic records with defects (N, N/10, and a small warm-up batch), then times the real
/// <see cref="BatchCleansingJob.RunAsync"/> on each measured batch in its own child process (so its peak working set is its
/// own), after a warm-up run in that process. Exit code 1 when a target fails.
/// Entry point for a bench dispatcher: <see cref="RunAsync"/> with the words after <c>bench cleanse</c>.
/// </summary>
public static class CleanseBench
{
    public const string Name = "cleanse";
    public const double MinRecordsPerSecond = 200_000;
    /// <summary>
    /// Allowed growth of the live managed heap from N/10 to N records. Everything the job holds is per page, except
    /// keep-first/keep-last dedup, which keeps a 16-byte digest and a row number per distinct key (tens of bytes per key).
    /// </summary>
    public const double MaxPeakGrowthMb = 128;
    private const int WarmupRecords = 5_000;

    private static readonly string[] Codes = ["SFZH", "XM", "XB", "MZ", "CSRQ", "SJHM", "XZQH", "DZ", "YZBM", "DZYX"];

    private static readonly PersonColumn[] Columns =
    [
        PersonColumn.ResidentId, PersonColumn.Name, PersonColumn.Gender, PersonColumn.Ethnicity, PersonColumn.BirthDate, PersonColumn.Mobile,
        PersonColumn.DivisionCode, PersonColumn.Address, PersonColumn.Postcode, PersonColumn.Email,
    ];

    private static readonly Dictionary<DefectKind, double> Defects = new()
    {
        [DefectKind.BlankRequired] = 0.03, [DefectKind.FullWidthDigits] = 0.05, [DefectKind.NonIsoDate] = 0.08, [DefectKind.DuplicateKey] = 0.01,
        [DefectKind.DecoratedPhone] = 0.05, [DefectKind.LegacyId] = 0.03, [DefectKind.WrongCheckCharacter] = 0.01,
    };

    private static CleansingRule Rule(CleanserKind kind, string? mapping = null) =>
        new(kind, mapping is null ? null : new Dictionary<string, string> { [CleanserParameterNames.Mapping] = mapping });

    private static Dictionary<string, IReadOnlyList<CleansingRule>> Rules() => new()
    {
        ["SFZH"] = [Rule(CleanserKind.Trim), Rule(CleanserKind.FullWidthToHalfWidth), Rule(CleanserKind.ResidentIdUpgrade)],
        ["XM"] = [Rule(CleanserKind.Trim), Rule(CleanserKind.NullTokens)],
        ["XB"] = [Rule(CleanserKind.Trim), Rule(CleanserKind.NullTokens), Rule(CleanserKind.DictionaryMapping, "男=1\nM=1\n女=2\nF=2")],
        ["MZ"] = [Rule(CleanserKind.Trim), Rule(CleanserKind.DictionaryMapping, "汉=01\n汉族=01")],
        ["CSRQ"] = [Rule(CleanserKind.Trim), Rule(CleanserKind.FullWidthToHalfWidth), Rule(CleanserKind.Date)],
        ["SJHM"] = [Rule(CleanserKind.FullWidthToHalfWidth), Rule(CleanserKind.PhoneNumber)],
        ["XZQH"] = [Rule(CleanserKind.Trim)],
        ["DZ"] = [Rule(CleanserKind.Trim), Rule(CleanserKind.NullTokens)],
        ["YZBM"] = [Rule(CleanserKind.FullWidthToHalfWidth)],
        ["DZYX"] = [Rule(CleanserKind.Trim), Rule(CleanserKind.LowerCase)],
    };

    public static async Task<int> RunAsync(BenchArgs args)
    {
        if (args.Value("step") == "run")
        {
            var result = await MeasureJobAsync(args.Value("data")!, args.Int("batch", 0), args.Int("warmup", 0), args.Value("label")!);
            await File.WriteAllTextAsync(args.Value("out")!, JsonSerializer.Serialize(result));
            return 0;
        }

        var records = args.Int("records", 1_000_000);
        var root = Path.Combine(Path.GetTempPath(), $"govdata-bench-cleanse-{Guid.NewGuid():N}");
        var data = Path.Combine(root, "db");
        Directory.CreateDirectory(data);
        try
        {
            var loadStart = ImportBenchReport.LoadAverage();
            Progress($"building {data}: {records} + {records / 10} + {WarmupRecords} records × {Codes.Length} items");
            var setup = Stopwatch.StartNew();
            var dedup = (args.Value("dedup") ?? "first") switch
            {
                "none" => DedupMode.None, "last" => DedupMode.KeepLast, "first" => DedupMode.KeepFirst,
                var other => throw new ArgumentException($"--dedup none|first|last, not '{other}'."),
            };
            var (warmup, small, large) = await SetUpAsync(data, records, dedup);
            setup.Stop();
            var steps = new List<CleanseStep>();
            foreach (var (batch, label) in new[] { (small, $"{records / 10} 条"), (large, $"{records} 条") })
            {
                Progress($"cleansing batch {batch} ({label}) in a child process");
                steps.Add(await ChildRun.RunAsync<CleanseStep>([Name, "--step", "run", "--data", data, "--batch", $"{batch}", "--warmup", $"{warmup}", "--label", label],
                    Path.Combine(root, $"step-{batch}.json")));
            }
            var report = new CleanseBenchReport(Environment.ProcessorCount, loadStart, ImportBenchReport.LoadAverage(), setup.Elapsed.TotalSeconds, steps);
            Console.WriteLine(args.Has("json") ? report.ToJson() : report.ToTable());
            return report.Pass ? 0 : 1;
        }
        finally
        {
            if (args.Has("keep")) Progress($"kept {root}");
            else Directory.Delete(root, true);
        }
    }

    /// <summary>The app on a bench database: no demo seed, no job server (steps run jobs inline), warnings only.</summary>
    internal static WebApplication Host(string data) => ConsoleHost.Build([
        $"--Database:DataDirectory={data}", "--Database:SeedDemo=false", "--Jobs:Server=false", "--Logging:LogLevel:Default=Warning"]);

    /// <summary>Department, resource, rule set v1 and three imported batches, written straight to the database.</summary>
    private static async Task<(int Warmup, int Small, int Large)> SetUpAsync(string data, int records, DedupMode dedup)
    {
        await using var app = Host(data);
        await app.InitializeDatabaseAsync();
        var ct = CancellationToken.None;
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(ct);
        var department = new Department(new DepartmentForm { Code = "BENCHCL", Name = "清洗基准测试局", CreditCode = "11330100000000002X" });
        db.Departments.Add(department);
        await db.SaveChangesAsync(ct);
        var dictionaries = await db.CodeDictionaries.Where(d => d.Code == StandardDictionaries.Gender || d.Code == StandardDictionaries.Ethnic)
            .ToDictionaryAsync(d => d.Code, d => d.Id, ct);
        InfoItemForm Item(string code, string name, int length, bool key = false, string? dictionary = null) => new()
        {
            Code = code, Name = name, DataType = ItemDataType.String, Length = length, IsKey = key,
            DictionaryId = dictionary is null ? null : dictionaries[dictionary],
        };
        var resource = new DataResource(new ResourceForm
        {
            Code = "BENCHCL/00001", Name = "清洗基准人口信息", DepartmentId = department.Id, UpdateCycle = UpdateCycle.Monthly,
            Items =
            [
                Item("SFZH", "公民身份号码", 18, key: true), Item("XM", "姓名", 50), Item("XB", "性别", 4, dictionary: StandardDictionaries.Gender),
                Item("MZ", "民族", 4, dictionary: StandardDictionaries.Ethnic), Item("CSRQ", "出生日期", 20), Item("SJHM", "手机号码", 30),
                Item("XZQH", "行政区划", 6), Item("DZ", "地址", 200), Item("YZBM", "邮政编码", 6), Item("DZYX", "电子邮箱", 100),
            ],
        });
        resource.Publish(DateTime.UtcNow);
        db.DataResources.Add(resource);
        await db.SaveChangesAsync(ct);
        db.CleansingRuleSets.Add(new CleansingRuleSet(resource.Id, 1, Rules(), dedup, "bench"));
        await db.SaveChangesAsync(ct);

        var warmup = await BatchAsync(db, resource, WarmupRecords, 1, ct);
        var small = await BatchAsync(db, resource, records / 10, 2, ct);
        var large = await BatchAsync(db, resource, records, 3, ct);
        return (warmup, small, large);
    }

    /// <summary>An imported batch of synthetic records.</summary>
    private static Task<int> BatchAsync(AppDbContext db, DataResource resource, int records, int seed, CancellationToken ct) =>
        BenchBatch.InsertAsync(db, resource, seed, new PersonGenerator(seed, Columns, Defects, new DateOnly(2026, 11, 27)).Generate(records, new DefectReport()),
            BatchStatus.Imported, ct);

    /// <summary>In the child: warm up (JIT, EF query compilation) on the warm-up batch, then time the job on the batch.</summary>
    private static async Task<CleanseStep> MeasureJobAsync(string data, int batchId, int warmupId, string label)
    {
        await using var app = Host(data);
        await app.InitializeDatabaseAsync();
        var ct = CancellationToken.None;
        async Task RunJobAsync(int id)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<BatchCleansingJob>().RunAsync(id, ct);
        }
        await RunJobAsync(warmupId);

        using var meter = ProcessMeter.Start();
        var heap = HeapSampler.Start();
        await RunJobAsync(batchId);
        var m = meter.Stop();
        var peakHeap = await heap.StopAsync();

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(ct);
        var batch = await db.DataBatches.AsNoTracking().SingleAsync(b => b.Id == batchId, ct);
        if (batch.Status != BatchStatus.Cleansed) throw new InvalidOperationException($"Bench batch ended {batch.Status}: {batch.FailureReason}");
        var changedRows = await db.BatchRecords.CountAsync(r => r.BatchId == batchId && r.CleansedJson != null, ct);
        var duplicates = await db.BatchRecords.CountAsync(r => r.BatchId == batchId && r.DuplicateOfRow != null, ct);
        var changedValues = await db.BatchCleansingCounts.Where(c => c.BatchId == batchId).SumAsync(c => c.Changed, ct);
        return new CleanseStep(label, batch.RowsAccepted, changedRows, changedValues, duplicates, m.WallSeconds, m.CpuSeconds, m.AllocatedMb,
            m.Gen2Collections, m.StartWorkingSetMb, m.PeakWorkingSetMb, peakHeap);
    }

    /// <summary>Progress goes to stderr so stdout carries only the table or the JSON.</summary>
    private static void Progress(string message) => Console.Error.WriteLine($"[bench cleanse] {DateTime.Now:HH:mm:ss} {message}");
}

/// <summary>One timed job run: records, what changed, wall and process CPU time, allocations and working set.</summary>
public sealed record CleanseStep(
    string Label, int Records, int ChangedRows, long ChangedValues, int Duplicates, double WallSeconds, double CpuSeconds, double AllocatedMb,
    int Gen2Collections, double StartWorkingSetMb, double PeakWorkingSetMb, double PeakLiveHeapMb)
{
    public double RecordsPerSecond => WallSeconds > 0 ? Records / WallSeconds : 0;

    public double RecordsPerCpuSecond => CpuSeconds > 0 ? Records / CpuSeconds : 0;
}

/// <summary>The figures of one <c>bench cleanse</c> run (the N/10 step first, then N), as a table or one JSON object.</summary>
public sealed record CleanseBenchReport(int ProcessorCount, double[] LoadAverageStart, double[] LoadAverageEnd, double SetupSeconds, IReadOnlyList<CleanseStep> Steps)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    private CleanseStep Large => Steps[^1];

    private double PeakGrowthMb => Steps[^1].PeakLiveHeapMb - Steps[0].PeakLiveHeapMb;

    public bool SpeedPass => Large.RecordsPerSecond >= CleanseBench.MinRecordsPerSecond;

    public bool MemoryPass => PeakGrowthMb <= CleanseBench.MaxPeakGrowthMb;

    public bool Pass => SpeedPass && MemoryPass;

    public string ToJson() => JsonSerializer.Serialize(new
    {
        bench = CleanseBench.Name,
        machine = new { ProcessorCount, LoadAverageStart, LoadAverageEnd },
        items = 10,
        SetupSeconds = Math.Round(SetupSeconds, 1),
        steps = Steps.Select(s => new
        {
            s.Label, s.Records, s.ChangedRows, s.ChangedValues, s.Duplicates, WallSeconds = Math.Round(s.WallSeconds, 3), CpuSeconds = Math.Round(s.CpuSeconds, 3),
            RecordsPerSecond = Math.Round(s.RecordsPerSecond), RecordsPerCpuSecond = Math.Round(s.RecordsPerCpuSecond), AllocatedMb = Math.Round(s.AllocatedMb),
            s.Gen2Collections, StartWorkingSetMb = Math.Round(s.StartWorkingSetMb), PeakWorkingSetMb = Math.Round(s.PeakWorkingSetMb),
            PeakLiveHeapMb = Math.Round(s.PeakLiveHeapMb),
        }),
        targets = new
        {
            recordsPerSecond = new { measured = Math.Round(Large.RecordsPerSecond), min = CleanseBench.MinRecordsPerSecond, pass = SpeedPass },
            peakLiveHeapGrowthMb = new { measured = Math.Round(PeakGrowthMb), max = CleanseBench.MaxPeakGrowthMb, pass = MemoryPass },
        },
        pass = Pass,
    }, Json);

    public string ToTable()
    {
        var text = new StringBuilder();
        text.AppendLine(Inv($"bench cleanse — {ProcessorCount} 核, 负载(1/5/15分) 开始 {string.Join(' ', LoadAverageStart)}, 结束 {string.Join(' ', LoadAverageEnd)}; 10 个信息项, 每步独立进程且已预热; 建库 {SetupSeconds:F1} s"));
        text.AppendLine();
        text.AppendLine("批次          墙钟 s   CPU s     条/秒  条/CPU秒  改动行  改动值   重复  分配 MB  Gen2  起始内存 MB  峰值内存 MB  存活堆峰值 MB");
        foreach (var s in Steps)
            text.AppendLine(Inv($"{s.Label,-12}{s.WallSeconds,8:F2}{s.CpuSeconds,8:F2}{s.RecordsPerSecond,10:F0}{s.RecordsPerCpuSecond,10:F0}{s.ChangedRows,8}{s.ChangedValues,8}{s.Duplicates,7}{s.AllocatedMb,9:F0}{s.Gen2Collections,6}{s.StartWorkingSetMb,13:F0}{s.PeakWorkingSetMb,13:F0}{s.PeakLiveHeapMb,14:F0}"));
        text.AppendLine();
        text.AppendLine(Inv($"目标 清洗速度 ≥ {CleanseBench.MinRecordsPerSecond:F0} 条/秒: 实测 {Large.RecordsPerSecond:F0} — {(SpeedPass ? "通过" : "未通过")}"));
        text.AppendLine(Inv($"目标 内存不随批次增长 (十倍记录, 存活堆增长 ≤ {CleanseBench.MaxPeakGrowthMb:F0} MB, 含去重每键摘要): 实测 {PeakGrowthMb:F0} MB — {(MemoryPass ? "通过" : "未通过")}"));
        return text.ToString();
    }

    private static string Inv(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
