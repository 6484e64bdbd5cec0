using GovDataConsole.Features.Organization;
using GovDataConsole.Features.Rectification;
using GovDataConsole.Scoring;

namespace GovDataConsole.Features.Scoring;

/// <summary>A version of a period's sheet. <see cref="Superseded"/>: published, but a newer version has been published since.</summary>
public sealed record SheetRow(int Id, string PeriodKey, int Version, ScoreSheetStatus Status, bool Superseded, int ModelVersion, DateTime ComputedUtc,
    string ComputedBy, string? Reason, DateTime? PublishedUtc, string? PublishedBy)
{
    public bool IsPublished => Status == ScoreSheetStatus.Published;

    /// <summary>The version a user is shown first: department staff the newest published one (if any), the other roles the newest.</summary>
    public static SheetRow? DefaultFor(UserContext user, IReadOnlyList<SheetRow> newestFirst) =>
        (user.IsDepartmentScoped ? newestFirst.FirstOrDefault(s => s.IsPublished) : null) ?? newestFirst.FirstOrDefault();
}

/// <summary>A department's line in a ranking, with the change from its published total of the previous period.</summary>
public sealed record RankingRow(int DepartmentId, string DepartmentName, int Rank, decimal Total, ScoreGrade Grade, decimal? PreviousTotal)
{
    public decimal? Change => PreviousTotal is { } previous ? Total - previous : null;
}

public sealed record Ranking(SheetRow Sheet, string PreviousPeriodKey, IReadOnlyList<RankingRow> Rows, int BoardSize)
{
    /// <summary>红榜: the top N.</summary>
    public IReadOnlyList<RankingRow> RedList => Top(Rows, BoardSize);

    /// <summary>黑榜: the bottom N (lowest first), never overlapping the red list.</summary>
    public IReadOnlyList<RankingRow> BlackList => Bottom(Rows, BoardSize);

    /// <summary>The first <paramref name="size"/> of a ranking in rank order.</summary>
    public static IReadOnlyList<T> Top<T>(IReadOnlyList<T> ranked, int size) => ranked.Take(size).ToList();

    /// <summary>The last <paramref name="size"/> of a ranking, lowest first, leaving out any already in <see cref="Top{T}"/>.</summary>
    public static IReadOnlyList<T> Bottom<T>(IReadOnlyList<T> ranked, int size) => ranked.Skip(size).Reverse().Take(size).ToList();
}

public sealed record IndicatorLine(ScoreIndicator Indicator, decimal Weight, decimal Value, decimal Points, ScoreInputs Inputs);

/// <summary>A work order behind a rectification indicator, as it is now.</summary>
public sealed record OrderLine(int Id, string Number, string Title, string ResourceName, WorkOrderStatus Status, DateOnly? DueDate, DateTime? DispatchedUtc,
    DateTime? ClosedUtc);

/// <summary>A department's score in a sheet, indicator by indicator, with the orders behind the rectification indicators.</summary>
public sealed record Breakdown(SheetRow Sheet, int DepartmentId, string DepartmentName, decimal Total, ScoreGrade Grade, int? Rank,
    IReadOnlyList<IndicatorLine> Indicators, IReadOnlyList<OrderLine> Orders, ScoringParameters Model);

/// <summary>One indicator in two periods (null where the period has no visible sheet).</summary>
public sealed record ComparisonLine(ScoreIndicator Indicator, IndicatorLine? A, IndicatorLine? B);

public sealed record Comparison(string PeriodA, string PeriodB, Breakdown? A, Breakdown? B, IReadOnlyList<ComparisonLine> Lines);

public sealed record ModelRow(int Id, ScorePeriodType PeriodType, int Version, ScoringParameters Parameters, string? Note, string CreatedBy, DateTime CreatedUtc);

public sealed record AdjustmentRow(int Id, int DepartmentId, string DepartmentName, string PeriodKey, decimal Points, string Reason, string? EvidenceName,
    string CreatedBy, DateTime CreatedUtc);

/// <summary>The manual item form of the steward's dialog.</summary>
public sealed class AdjustmentForm
{
    public int? DepartmentId { get; set; }
    public string PeriodKey { get; set; } = "";
    public decimal Points { get; set; }
    public string Reason { get; set; } = "";
}
