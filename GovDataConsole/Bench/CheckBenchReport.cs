using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace GovDataConsole.Bench;

/// <summary>The figures of one <c>bench check</c> run (the N/10 step first, then N, then the grid), as a table or one JSON object.</summary>
public sealed record CheckBenchReport(
    int ProcessorCount, double[] LoadAverageStart, double[] LoadAverageEnd, double SetupSeconds, IReadOnlyList<CheckStep> Steps, GridResult Grid)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    private CheckStep Large => Steps[^1];

    private double PeakGrowthMb => Steps[^1].CheckPeakLiveHeapMb - Steps[0].CheckPeakLiveHeapMb;

    private PageTiming SlowestPage => Grid.Pages.MaxBy(p => p.Milliseconds)!;

    public IReadOnlyList<BenchTarget> Targets =>
    [
        new("检查速度", Math.Round(Large.RecordsPerSecond), CheckBench.MinRecordsPerSecond, "条/秒", Large.RecordsPerSecond >= CheckBench.MinRecordsPerSecond,
            Inv($"{Large.RowsChecked} 条 × 12 条规则, 按 CPU 时间 {Large.RecordsPerCpuSecond:F0} 条/秒")),
        new("检查/裸读 墙钟比", Math.Round(Large.ReadRatio, 2), CheckBench.MaxReadRatio, "x", Large.ReadRatio <= CheckBench.MaxReadRatio,
            Inv($"{CheckBench.TimedRounds} 轮交替取中位数: 裸读 {Rounds(Large.BareRounds)} s, 检查 {Rounds(Large.CheckRounds)} s; CPU 时间比 {Large.Check.CpuSeconds / Large.Bare.CpuSeconds:F2}")),
        new("存活堆增长 (十倍记录)", Math.Round(PeakGrowthMb), CheckBench.MaxPeakGrowthMb, "MB", PeakGrowthMb <= CheckBench.MaxPeakGrowthMb,
            Inv($"强制完整回收的单独一轮; 仅唯一性键随记录增长 (每个键 {Quality.ChunkKeys.KeySize} 字节: 规则、行号、摘要)")),
        new("问题表分页", Math.Round(SlowestPage.Milliseconds), CheckBench.MaxPageMs, "ms", SlowestPage.Milliseconds < CheckBench.MaxPageMs,
            Inv($"最慢: {SlowestPage.Scope} {SlowestPage.Position} (计数 + 每页 {CheckBench.PageSize} 条, 三次取最慢)")),
    ];

    public bool Pass => Targets.All(t => t.Pass);

    public string ToJson() => JsonSerializer.Serialize(new
    {
        bench = CheckBench.Name,
        machine = new { ProcessorCount, LoadAverageStart, LoadAverageEnd },
        items = 12,
        rules = CheckBench.Rules().Select(r => new { r.Key, Template = r.Template.ToString(), r.Fields, r.DisplayName }),
        SetupSeconds = Math.Round(SetupSeconds, 1),
        steps = Steps.Select(s => new
        {
            s.Label, s.RunId, s.RecordsRead, s.RowsChecked, s.Problems, s.Score,
            bareRead = Figures(s.Bare, s.RecordsRead, s.BarePeakLiveHeapMb),
            bareRoundsWallSeconds = s.BareRounds.Select(r => Math.Round(r.WallSeconds, 3)),
            check = Figures(s.Check, s.RowsChecked, s.CheckPeakLiveHeapMb),
            checkRoundsWallSeconds = s.CheckRounds.Select(r => Math.Round(r.WallSeconds, 3)),
            ReadRatio = Math.Round(s.ReadRatio, 2),
            failures = s.Rules,
        }),
        grid = new
        {
            problemsFound = Grid.Found, currentCopies = Grid.CurrentCopies, staleCopies = Grid.StaleCopies, PaddingSeconds = Math.Round(Grid.PaddingSeconds, 1),
            pages = Grid.Pages.Select(p => new { p.Scope, p.Position, p.Total, p.Page, Milliseconds = Math.Round(p.Milliseconds, 1) }),
        },
        targets = Targets,
        pass = Pass,
    }, Json);

    private static object Figures(Measured m, long records, double peakHeapMb) => new
    {
        WallSeconds = Math.Round(m.WallSeconds, 3), CpuSeconds = Math.Round(m.CpuSeconds, 3),
        RecordsPerSecond = Math.Round(m.WallSeconds > 0 ? records / m.WallSeconds : 0), AllocatedMb = Math.Round(m.AllocatedMb), m.Gen2Collections,
        StartWorkingSetMb = Math.Round(m.StartWorkingSetMb), PeakWorkingSetMb = Math.Round(m.PeakWorkingSetMb), PeakLiveHeapMb = Math.Round(peakHeapMb),
    };

    public string ToTable()
    {
        var text = new StringBuilder();
        text.AppendLine(Inv($"bench check — {ProcessorCount} 核, 负载(1/5/15分) 开始 {string.Join(' ', LoadAverageStart)}, 结束 {string.Join(' ', LoadAverageEnd)}; SQLite; 12 个信息项 × 12 条规则; 每个规模独立进程且已预热, 裸读与检查同进程、同分块并行度; 建库 {SetupSeconds:F1} s"));
        text.AppendLine();
        string[] header = ["步骤", "记录", "墙钟 s", "CPU s", "条/秒", "条/CPU秒", "分配 MB", "Gen2", "起始内存 MB", "峰值内存 MB", "存活堆峰值 MB", "问题"];
        var rows = Steps.SelectMany(s => new[]
        {
            Row($"{s.Label} 裸读", s.RecordsRead, s.Bare, s.BarePeakLiveHeapMb, ""),
            Row($"{s.Label} 检查", s.RowsChecked, s.Check, s.CheckPeakLiveHeapMb, Inv($"{s.Problems}")),
        }).ToList();
        ImportBenchReport.AppendGrid(text, header, rows);
        text.AppendLine();
        text.AppendLine(Inv($"{Large.Label} 各规则失败数 (得分 {Large.Score}): ") + string.Join(", ", Large.Rules.Select(r => Inv($"{r.Key} {r.Name} {r.Failed}"))));
        text.AppendLine();
        text.AppendLine(Inv($"问题表: 检查发现 {Grid.Found} 条, 复制真实问题行补足当前问题 {Grid.CurrentCopies} 条, 另加旧运行 (非当前) 问题 {Grid.StaleCopies} 条, 用时 {Grid.PaddingSeconds:F1} s"));
        ImportBenchReport.AppendGrid(text, ["范围", "位置", "当前问题", "页号", "计数+取页 ms"],
            Grid.Pages.Select(p => new[] { p.Scope, p.Position, Inv($"{p.Total}"), Inv($"{p.Page}"), Inv($"{p.Milliseconds:F1}") }).ToList());
        text.AppendLine();
        ImportBenchReport.AppendGrid(text, ["目标", "实测", "限值", "结果", "备注"], Targets.Select(t => new[]
        {
            t.Name, Inv($"{t.Measured} {t.Unit}"), Inv($"{(t.Unit == "条/秒" ? "≥" : t.Unit == "ms" ? "<" : "≤")} {t.Limit} {t.Unit}"), t.Pass ? "通过" : "未通过", t.Note,
        }).ToList());
        return text.ToString();
    }

    private static string[] Row(string label, long records, Measured m, double peakHeapMb, string problems) =>
    [
        label, Inv($"{records}"), Inv($"{m.WallSeconds:F2}"), Inv($"{m.CpuSeconds:F2}"), Inv($"{(m.WallSeconds > 0 ? records / m.WallSeconds : 0):F0}"),
        Inv($"{(m.CpuSeconds > 0 ? records / m.CpuSeconds : 0):F0}"), Inv($"{m.AllocatedMb:F0}"), Inv($"{m.Gen2Collections}"), Inv($"{m.StartWorkingSetMb:F0}"),
        Inv($"{m.PeakWorkingSetMb:F0}"), Inv($"{peakHeapMb:F0}"), problems,
    ];

    private static string Rounds(IEnumerable<Measured> rounds) => string.Join(" / ", rounds.Select(r => Inv($"{r.WallSeconds:F2}")));

    private static string Inv(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
