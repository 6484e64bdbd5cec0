using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using GovDataConsole.Features.Collection;

namespace GovDataConsole.Features.Scoring;

/// <summary>A check run counted in 数据质量得分.</summary>
public sealed record RunInput(int RunId, int ResourceId, string ResourceName, decimal Score, long Rows, DateTime FinishedUtc);

/// <summary>A collection task counted in 归集及时率/完整率, with its status when the score was computed.</summary>
public sealed record TaskInput(int TaskId, int ResourceId, string ResourceName, string PeriodKey, DateOnly DueDate, CollectionTaskStatus Status);

/// <summary>A (resource, rule) pair failing again in a run after an order covering it was closed.</summary>
public sealed record RecurrenceInput(int ResourceId, string ResourceName, string RuleKey, string RuleName, int RunId, int OrderId, DateTime OrderClosedUtc);

/// <summary>A manual item as counted.</summary>
public sealed record AdjustmentInput(int AdjustmentId, decimal Points, string Reason, string? EvidenceName, string CreatedBy);

/// <summary>
/// What an indicator was computed from, stored with the value as JSON so a published score can be explained later:
/// the counts, and the runs, tasks, orders, pairs or items behind them. Only the members of the indicator are set.
/// </summary>
public sealed record ScoreInputs
{
    public static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public IReadOnlyList<RunInput>? Runs { get; init; }
    public IReadOnlyList<TaskInput>? Tasks { get; init; }
    public int? Due { get; init; }
    public int? OnTime { get; init; }
    public int? Late { get; init; }
    public int? Missing { get; init; }
    public int? Received { get; init; }
    public int? Closed { get; init; }
    public int? ClosedOnTime { get; init; }
    public IReadOnlyList<int>? OrderIds { get; init; }
    public IReadOnlyList<RecurrenceInput>? Recurrences { get; init; }
    public decimal? PointsEach { get; init; }
    public decimal? Cap { get; init; }
    public IReadOnlyList<AdjustmentInput>? Adjustments { get; init; }
    public decimal? Bonus { get; init; }
    public decimal? Deduction { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ScoreInputs FromJson(string json) => JsonSerializer.Deserialize<ScoreInputs>(json, Json) ?? new();
}
