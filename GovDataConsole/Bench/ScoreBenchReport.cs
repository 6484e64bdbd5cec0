using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace GovDataConsole.Bench;

/// <summary>The figures of one <c>bench score</c> run: the pages, then the score computation, as a table or one JSON object.</summary>
public sealed record ScoreBenchReport(
    int ProcessorCount, double[] LoadAverageStart, double[] LoadAverageEnd, double? SeedSeconds, ScaleVolume Volume, IReadOnlyList<PageResult> Pages,
    ComputeResult Compute)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    /// <summary>A page passes when its slowest timed GET is under the limit (the median is reported beside it); the computation likewise.</summary>
    public IReadOnlyList<BenchTarget> Targets =>
    [
        .. Pages.Select(p => new BenchTarget(p.Name, Math.Round(p.Max), ScoreBench.MaxPageMs, "ms", p.Max < ScoreBench.MaxPageMs,
            Inv($"{p.User} GET {p.Path}: 中位数 {p.Median:F0} ms, 最慢 {p.Max:F0} ms ({p.Milliseconds.Count} 次)"))),
        new("一个月考核计算", Math.Round(Compute.Max, 2), ScoreBench.MaxComputeSeconds, "s", Compute.Max < ScoreBench.MaxComputeSeconds,
            Inv($"{Compute.Period}, {Compute.Departments} 个部门: 中位数 {Compute.Median:F2} s, 最慢 {Compute.Max:F2} s ({Compute.Seconds.Count} 次)")),
    ];

    public bool Pass => Targets.All(t => t.Pass);

    public string ToJson() => JsonSerializer.Serialize(new
    {
        bench = ScoreBench.Name,
        machine = new { ProcessorCount, LoadAverageStart, LoadAverageEnd },
        SeedSeconds = SeedSeconds is { } s ? Math.Round(s, 1) : (double?)null,
        volume = Volume,
        pages = Pages.Select(p => new
        {
            p.Name, p.User, p.Path, MedianMs = Math.Round(p.Median, 1), MaxMs = Math.Round(p.Max, 1), Milliseconds = p.Milliseconds.Select(m => Math.Round(m, 1)),
            p.HtmlChars,
        }),
        compute = new { Compute.Period, Compute.Departments, MedianSeconds = Math.Round(Compute.Median, 3), MaxSeconds = Math.Round(Compute.Max, 3), Compute.Seconds },
        targets = Targets,
        pass = Pass,
    }, Json);

    public string ToTable()
    {
        var text = new StringBuilder();
        text.AppendLine(Inv($"bench score — {ProcessorCount} 核, 负载(1/5/15分) 开始 {string.Join(' ', LoadAverageStart)}, 结束 {string.Join(' ', LoadAverageEnd)}; SQLite; 真实应用经环回端口 GET 预渲染页面 (登录 Cookie), 每页预热 2 次; {(SeedSeconds is { } s ? Inv($"建库 {s:F0} s") : "沿用已有规模数据库")}"));
        text.AppendLine(Inv($"数据量: 部门 {Volume.Departments}, 数据资源 {Volume.Resources}, 归集任务 {Volume.Tasks}, 批次 {Volume.Batches}, 核查记录 {Volume.Runs}, 问题数据 {Volume.Problems}, 整改工单 {Volume.Orders} (明细 {Volume.OrderItems})"));
        text.AppendLine();
        ImportBenchReport.AppendGrid(text, ["页面", "用户", "路径", "中位数 ms", "最慢 ms", "次数", "HTML 字符"], Pages.Select(p => new[]
        {
            p.Name, p.User, p.Path, Inv($"{p.Median:F1}"), Inv($"{p.Max:F1}"), Inv($"{p.Milliseconds.Count}"), Inv($"{p.HtmlChars}"),
        }).ToList());
        text.AppendLine();
        text.AppendLine(Inv($"考核计算 {Compute.Period} ({Compute.Departments} 个部门, ScoreJob.ComputeAsync, 预热 1 次后): {string.Join(", ", Compute.Seconds.Select(x => Inv($"{x:F2} s")))}"));
        text.AppendLine();
        ImportBenchReport.AppendGrid(text, ["目标", "实测", "限值", "结果", "备注"], Targets.Select(t => new[]
        {
            t.Name, Inv($"{t.Measured} {t.Unit}"), Inv($"< {t.Limit} {t.Unit}"), t.Pass ? "通过" : "未通过", t.Note,
        }).ToList());
        return text.ToString();
    }

    private static string Inv(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
