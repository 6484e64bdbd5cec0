using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace GovDataConsole.Bench;

/// <summary>A target of the issue: the measured figure, its limit, and whether it is met.</summary>
public sealed record BenchTarget(string Name, double Measured, double Limit, string Unit, bool Pass, string Note);

/// <summary>The figures of one <c>bench import</c> run, as a table or as one JSON object.</summary>
public sealed record ImportBenchReport(
    int ProcessorCount, double[] LoadAverageStart, double[] LoadAverageEnd, bool WarmedUp, int Repeat, double GenerateSeconds,
    long XlsxBytes, long CsvBytes, IReadOnlyList<StepResult> Steps)
{
    public const double MaxXlsxRatio = 2, MaxXlsxPeakMb = 300, MinCsvRowsPerSecond = 100_000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    private StepResult Step(string name) => Steps.Single(s => s.Step == name);

    public IReadOnlyList<BenchTarget> Targets
    {
        get
        {
            var sax = Step(ImportBenchSteps.SaxOpenXml);
            var xlsx = Step(ImportBenchSteps.Xlsx);
            var csv = Step(ImportBenchSteps.Csv);
            var ratio = xlsx.WallSeconds / sax.WallSeconds;
            var cpuRatio = xlsx.CpuSeconds / sax.CpuSeconds;
            return
            [
                new("xlsx 导入/裸SAX 墙钟比", Round(ratio, 2), MaxXlsxRatio, "x", ratio <= MaxXlsxRatio, $"CPU 时间比 {Round(cpuRatio, 2)}"),
                new("xlsx 导入峰值内存", Round(xlsx.PeakWorkingSetMb, 0), MaxXlsxPeakMb, "MB", xlsx.PeakWorkingSetMb < MaxXlsxPeakMb,
                    $"含主机启动后 {Round(xlsx.StartWorkingSetMb, 0)} MB"),
                new("csv 导入速度", Round(csv.RowsPerSecond, 0), MinCsvRowsPerSecond, "行/秒", csv.RowsPerSecond >= MinCsvRowsPerSecond,
                    $"按 CPU 时间 {Round(csv.RowsPerCpuSecond, 0)} 行/秒"),
            ];
        }
    }

    public bool Pass => Targets.All(t => t.Pass);

    public string ToJson() => JsonSerializer.Serialize(new
    {
        bench = "import",
        machine = new { ProcessorCount, LoadAverageStart, LoadAverageEnd },
        WarmedUp,
        Repeat,
        files = new { xlsxRows = Step(ImportBenchSteps.Xlsx).Rows, XlsxBytes, csvRows = Step(ImportBenchSteps.Csv).Rows, CsvBytes, GenerateSeconds = Round(GenerateSeconds, 2) },
        steps = Steps.Select(s => new
        {
            s.Step, s.Label, s.Rows, s.Accepted, s.Rejected, WallSeconds = Round(s.WallSeconds, 3), CpuSeconds = Round(s.CpuSeconds, 3),
            RowsPerSecond = Round(s.RowsPerSecond, 0), RowsPerCpuSecond = Round(s.RowsPerCpuSecond, 0), AllocatedMb = Round(s.AllocatedMb, 0),
            s.Gen2Collections, StartWorkingSetMb = Round(s.StartWorkingSetMb, 0), PeakWorkingSetMb = Round(s.PeakWorkingSetMb, 0),
        }),
        targets = Targets,
        pass = Pass,
    }, Json);

    public string ToTable()
    {
        var text = new StringBuilder();
        text.AppendLine(Inv($"bench import — {ProcessorCount} 核, 负载(1/5/15分) 开始 {string.Join(' ', LoadAverageStart)}, 结束 {string.Join(' ', LoadAverageEnd)}; {(WarmedUp ? "已预热" : "未预热")}; 每步独立进程、独立新库; 每步 {Repeat} 次取墙钟最短"));
        text.AppendLine(Inv($"文件: xlsx {Step(ImportBenchSteps.Xlsx).Rows} 行 × 20 列 {XlsxBytes / 1048576.0:F1} MB, csv {Step(ImportBenchSteps.Csv).Rows} 行 {CsvBytes / 1048576.0:F1} MB, 生成 {GenerateSeconds:F1} s"));
        text.AppendLine();
        string[] header = ["步骤", "行数", "接受", "拒绝", "墙钟 s", "CPU s", "行/秒", "行/CPU秒", "分配 MB", "Gen2", "起始内存 MB", "峰值内存 MB"];
        var rows = Steps.Select(s => new[]
        {
            s.Label, Inv($"{s.Rows}"), Inv($"{s.Accepted}"), Inv($"{s.Rejected}"), Inv($"{s.WallSeconds:F2}"), Inv($"{s.CpuSeconds:F2}"),
            Inv($"{s.RowsPerSecond:F0}"), Inv($"{s.RowsPerCpuSecond:F0}"), Inv($"{s.AllocatedMb:F0}"), Inv($"{s.Gen2Collections}"),
            Inv($"{s.StartWorkingSetMb:F0}"), Inv($"{s.PeakWorkingSetMb:F0}"),
        }).ToList();
        AppendGrid(text, header, rows);
        text.AppendLine();
        AppendGrid(text, ["目标", "实测", "限值", "结果", "备注"], Targets.Select(t => new[]
        {
            t.Name, Inv($"{t.Measured} {t.Unit}"), Inv($"{(t.Unit == "行/秒" ? "≥" : t.Unit == "MB" ? "<" : "≤")} {t.Limit} {t.Unit}"), t.Pass ? "通过" : "未通过", t.Note,
        }).ToList());
        return text.ToString();
    }

    /// <summary>/proc/loadavg's 1, 5 and 15 minute figures (empty where there is none): other work on the machine skews wall time.</summary>
    public static double[] LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ').Take(3).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        }
        catch (IOException)
        {
            return [];
        }
    }

    private static double Round(double value, int digits) => Math.Round(value, digits);

    private static string Inv(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);

    internal static void AppendGrid(StringBuilder text, string[] header, List<string[]> rows)
    {
        var widths = header.Select((h, i) => rows.Select(r => Width(r[i])).Append(Width(h)).Max()).ToArray();
        void Line(string[] cells) => text.AppendLine(string.Join("  ", cells.Select((c, i) => i == 0 || i == cells.Length - 1
            ? c + new string(' ', widths[i] - Width(c))
            : new string(' ', widths[i] - Width(c)) + c)).TrimEnd());
        Line(header);
        text.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in rows) Line(row);
    }

    /// <summary>Display width on a terminal: CJK and full-width characters take two columns.</summary>
    private static int Width(string text) => text.Sum(c => c >= 0x1100 && (c <= 0x115F || c is >= '\u2E80' and <= '\uA4CF' or >= '\uAC00' and <= '\uD7A3'
        or >= '\uF900' and <= '\uFAFF' or >= '\uFE30' and <= '\uFE4F' or >= '\uFF00' and <= '\uFF60' or >= '\uFFE0' and <= '\uFFE6') ? 2 : 1);
}
