using System.Security.Cryptography;
using System.Text.Json;
using GovDataConsole.Calendar;
using GovDataConsole.Features.Collection;
using GovDataConsole.Features.Shared;
using GovDataConsole.Quality;

namespace GovDataConsole.Data;

/// <summary>
/// A scaled demo resource and how its department behaves: <see cref="Quality"/> (0 worst, 1 best) drives how often it
/// hands in on time and how many rows fail; <see cref="Rates"/> is each rule's usual failure rate.
/// </summary>
internal sealed record ScaledResource(
    int Id, int DepartmentId, string DepartmentName, string? Contact, string Name, DemoScaleCatalog.Shape Shape, string RulesJson, string Staff,
    double Quality, int BaseRows, double[] Rates, bool AutoOrders);

/// <summary>A collection task of the scaled demo; handed-in ones have a batch and its check run (<see cref="Run"/>).</summary>
internal sealed record PlannedTask(int Id, ScaledResource Resource, CollectionPeriod Period, DateOnly Due, CollectionTaskStatus Status, PlannedRun? Run);

/// <summary>A failing row handed over in an order: the problem it copies.</summary>
internal sealed record PlannedItem(long ProblemId, int Row, DemoScaleCatalog.Rule Rule, string? Value, string Message);

/// <summary>
/// The batch handed in for a task (same id order as its check run) and the completed run over it: rows read, per-rule
/// failures, score, and the order its 严重 problems went into, if any.
/// </summary>
internal sealed class PlannedRun
{
    public required int Id { get; init; }
    public required int BatchId { get; init; }
    public required ScaledResource Resource { get; init; }
    public required int Read { get; init; }
    public required int Rejected { get; init; }
    public required BatchFormat Format { get; init; }
    public required string FileHash { get; init; }
    public required DateTime UploadedUtc { get; init; }

    /// <summary>The task's due date (the batch-level rule compares the upload day with it).</summary>
    public required DateOnly Due { get; init; }
    public required long[] Failed { get; init; }
    public required decimal? Score { get; init; }
    public required string DimensionScoresJson { get; init; }
    public PlannedOrder? Order { get; init; }
    public List<PlannedItem> Items { get; } = [];

    public int Accepted => Read - Rejected;

    /// <summary>Rows a rule checked: the accepted rows, or the batch itself for a batch-level rule.</summary>
    public long Checked(DemoScaleCatalog.Rule rule) => rule.PerBatch ? 1 : Accepted;
    public DateTime QueuedUtc => UploadedUtc.AddSeconds(46);
    public DateTime FinishedUtc => QueuedUtc.AddSeconds(5 + Id % 50);
    public long ProblemCount => Failed.Sum();
}

/// <summary>
/// Lays out the scaled demo's collection history in memory before anything is written: per resource and month a task
/// (on time, late, missing or still open by the department's habits), a batch and a completed check run for each one
/// handed in, with its failures drawn from the resource's rates, and an order for some runs' 严重 problems.
/// Ids are given here, continuing each table's, so the rows can be written table by table with their links.
/// </summary>
internal static class DemoScalePlan
{
    public sealed record Ids(int Task, int Batch, int Run, int Order);

    public static List<PlannedTask> Build(IReadOnlyList<ScaledResource> resources, DateOnly firstMonth, DateOnly today, DateTime nowUtc, WorkingCalendar days,
        int graceWorkingDays, Ids start, Random random)
    {
        var (task, batch, run, order) = (start.Task, start.Batch, start.Run, start.Order);
        var tasks = new List<PlannedTask>();
        var periods = CollectionPeriod.Between(Features.Catalog.UpdateCycle.Monthly, firstMonth, today).ToList();
        foreach (var resource in resources)
            foreach (var (period, month) in periods.Select((p, i) => (p, i)))
            {
                var due = days.AddWorkingDays(period.End, graceWorkingDays);
                // Departments get better over the months: half again as many late batches and failing rows at the start as on
                // average, 0.6 times as many at the end.
                var trend = 1.5 - 0.9 * month / Math.Max(1, periods.Count - 1);
                var uploaded = UploadDay(resource, period, due, today, trend, random);
                if (uploaded is not { } day)
                {
                    tasks.Add(new(task++, resource, period, due, due < today ? CollectionTaskStatus.Missing : CollectionTaskStatus.Pending, null));
                    continue;
                }
                var uploadedUtc = ChinaTime.StartOfDayUtc(day).AddHours(9).AddMinutes(random.Next(9 * 60));
                var read = Math.Max(20, (int)(resource.BaseRows * (0.9 + random.NextDouble() * 0.2)));
                var rejected = random.NextDouble() < 0.3 ? random.Next(1, Math.Max(2, read / 100)) : 0;
                var late = day > due;
                var failed = resource.Shape.Rules.Select((r, i) => r.PerBatch ? (late ? 1 : 0) : Draw(read - rejected, resource.Rates[i] * trend, random)).ToArray();
                var outcomes = resource.Shape.Rules.Zip(failed, (r, f) => new RuleOutcome(r.Definition, r.PerBatch ? 1 : read - rejected, f)).ToList();
                var critical = resource.Shape.Rules.Where((r, i) => r.Definition.Severity == RuleSeverity.Critical && failed[i] > 0).Any();
                var finished = uploadedUtc.AddMinutes(2);
                var ordered = critical && finished.AddHours(2) < nowUtc && random.NextDouble() < (resource.AutoOrders ? 0.9 : 0.1);
                var planned = new PlannedRun
                {
                    Id = run++, BatchId = batch++, Resource = resource, Read = read, Rejected = rejected, Due = due,
                    Format = random.Next(3) == 0 ? BatchFormat.Csv : BatchFormat.Xlsx,
                    FileHash = Convert.ToHexStringLower(SHA256.HashData(BitConverter.GetBytes(random.NextInt64()))),
                    UploadedUtc = uploadedUtc, Failed = failed, Score = QualityScore.Of(outcomes),
                    DimensionScoresJson = JsonSerializer.Serialize(QualityScore.ByDimension(outcomes).ToDictionary(d => d.Key.ToString(), d => d.Value)),
                    // Automatic orders are dispatched as the run ends; a steward dispatches the others a day or two later.
                    Order = ordered ? new PlannedOrder { Id = order++, CreatedUtc = resource.AutoOrders ? finished.AddMinutes(1) : Before(finished.AddHours(random.Next(18, 60)), nowUtc) } : null,
                };
                tasks.Add(new(task++, resource, period, due, late ? CollectionTaskStatus.SubmittedLate : CollectionTaskStatus.Submitted, planned));
            }
        return tasks;
    }

    /// <summary>
    /// The day (China time) the department hands the period in, or null when it has not (yet): on time, late or never by its
    /// habits (times <paramref name="trend"/>); nothing for a period not over; only early hand-ins for one not yet due. Always before today.
    /// </summary>
    private static DateOnly? UploadDay(ScaledResource resource, CollectionPeriod period, DateOnly due, DateOnly today, double trend, Random random)
    {
        var opens = period.End.AddDays(1);
        if (opens >= today) return null;
        var (missing, late) = ((0.01 + 0.12 * (1 - resource.Quality)) * trend, (0.03 + 0.15 * (1 - resource.Quality)) * trend);
        var roll = random.NextDouble();
        if (due >= today && roll < 0.5) return null;
        if (due < today && roll < missing) return null;
        var day = due < today && roll < missing + late
            ? due.AddDays(random.Next(1, 13))
            : opens.AddDays(random.Next(Math.Max(1, Math.Min(due.DayNumber, today.DayNumber - 1) - opens.DayNumber + 1)));
        return day < today ? day : null;
    }

    /// <summary>Failing rows among <paramref name="rows"/> at about <paramref name="rate"/>, varying run to run.</summary>
    private static long Draw(int rows, double rate, Random random)
    {
        var expected = rows * rate * (0.4 + random.NextDouble() * 1.2);
        return Math.Min(rows, (long)Math.Floor(expected + random.NextDouble()));
    }

    private static DateTime Before(DateTime at, DateTime nowUtc) => at < nowUtc ? at : nowUtc.AddMinutes(-30);
}
