using System.Diagnostics;
using GovDataConsole.Ingest;

namespace GovDataConsole.Bench;

/// <summary>
/// <c>bench import</c>: generates a 100,000-row × 20-column xlsx and a 1,000,000-row CSV in a temp folder, then measures,
/// each in its own process and on its own fresh database, a bare SAX read of the xlsx (baseline) and the full imports of
/// both files through the real import job, and checks the figures against the targets. Exit code 1 when a target fails.
/// </summary>
public static class ImportBench
{
    private const int WarmupRows = 500;

    public static async Task<int> RunAsync(BenchArgs args)
    {
        if (args.Value("step") is { } step) return await RunStepAsync(step, args);

        var xlsxRows = args.Int("xlsx-rows", 100_000);
        var csvRows = args.Int("csv-rows", 1_000_000);
        var root = Path.Combine(Path.GetTempPath(), $"govdata-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        try
        {
            var loadStart = ImportBenchReport.LoadAverage();
            Progress($"generating files in {root}");
            var generate = Stopwatch.StartNew();
            var xlsx = Path.Combine(root, "bench.xlsx");
            var csv = Path.Combine(root, "bench.csv");
            BenchFiles.WriteXlsx(xlsx, xlsxRows);
            BenchFiles.WriteCsv(csv, csvRows);
            var warmXlsx = Path.Combine(root, "warmup.xlsx");
            var warmCsv = Path.Combine(root, "warmup.csv");
            BenchFiles.WriteXlsx(warmXlsx, WarmupRows);
            BenchFiles.WriteCsv(warmCsv, WarmupRows);
            generate.Stop();

            var warm = !args.Has("no-warmup");
            // Other work on a shared machine stretches wall time: with --repeat N each step runs N times, round robin so a
            // burst of load hits every step alike, and the run with the shortest wall time counts.
            var repeat = Math.Max(1, args.Int("repeat", 1));
            var best = new Dictionary<string, StepResult>();
            (string Name, string File, string Warmup)[] plan =
            [
                (ImportBenchSteps.SaxOpenXml, xlsx, warmXlsx), (ImportBenchSteps.SaxXmlReader, xlsx, warmXlsx),
                (ImportBenchSteps.Xlsx, xlsx, warmXlsx), (ImportBenchSteps.Csv, csv, warmCsv),
            ];
            for (var round = 1; round <= repeat; round++)
            {
                foreach (var (name, file, warmFile) in plan)
                {
                    Progress($"running {name} ({round}/{repeat})");
                    var data = Path.Combine(root, $"db-{name}-{round}");
                    List<string> stepArgs = ["import", "--step", name, "--file", file, "--data", data];
                    if (warm) stepArgs.AddRange(["--warmup", warmFile]);
                    var result = await ChildRun.RunAsync(stepArgs, Path.Combine(root, $"{name}-{round}.json"));
                    if (!best.TryGetValue(name, out var kept) || result.WallSeconds < kept.WallSeconds) best[name] = result;
                    if (Directory.Exists(data) && !args.Has("keep")) Directory.Delete(data, true);
                }
            }
            var steps = plan.Select(p => best[p.Name]).ToList();

            var report = new ImportBenchReport(
                Environment.ProcessorCount, loadStart, ImportBenchReport.LoadAverage(), warm, repeat, generate.Elapsed.TotalSeconds,
                new FileInfo(xlsx).Length, new FileInfo(csv).Length, steps);
            Console.WriteLine(args.Has("json") ? report.ToJson() : report.ToTable());
            return report.Pass ? 0 : 1;
        }
        finally
        {
            if (args.Has("keep")) Progress($"kept {root}");
            else Directory.Delete(root, true);
        }
    }

    private static async Task<int> RunStepAsync(string step, BenchArgs args)
    {
        string Required(string name) => args.Value(name) ?? throw new ArgumentException($"--{name} is required with --step.");
        var result = await ImportBenchSteps.RunAsync(step, Required("file"), args.Value("warmup"), Required("data"));
        await ChildRun.WriteAsync(result, Required("out"));
        return 0;
    }

    /// <summary>Progress goes to stderr so stdout carries only the table or the JSON.</summary>
    private static void Progress(string message) => Console.Error.WriteLine($"[bench import] {DateTime.Now:HH:mm:ss} {message}");
}
