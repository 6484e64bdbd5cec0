namespace GovDataConsole.Features.Dashboard;

/// <summary>A department's line of a published ranking; <see cref="Grade"/> is the grade's display label.</summary>
public sealed record RankingEntry(int DepartmentId, string DepartmentName, int Rank, decimal Total, string Grade);

/// <summary>The top and bottom of the latest published score sheet (红黑榜 excerpt), with the ranking page to open.</summary>
public sealed record RankingExcerpt(string PeriodKey, int Departments, IReadOnlyList<RankingEntry> Top, IReadOnlyList<RankingEntry> Bottom, string Link);

/// <summary>
/// A department's own latest score: published (with grade and rank among <see cref="Departments"/>) or, before any
/// publication, its draft total (grade and rank not shown).
/// </summary>
public sealed record OwnScore(string PeriodKey, bool Published, decimal Total, string? Grade, int? Rank, int? Departments, string Link);

/// <summary>
/// Where the dashboards read scoring results from. The scoring feature supplies the real source; until it is registered
/// the dashboards show their empty state.
/// </summary>
public interface IRankingExcerptSource
{
    /// <summary>The <paramref name="size"/> best and worst departments of the latest published sheet; null when none is published.</summary>
    Task<RankingExcerpt?> LatestPublishedAsync(int size, CancellationToken ct);

    /// <summary>The department's latest published score, else its latest draft total; null when it has neither.</summary>
    Task<OwnScore?> OwnAsync(int departmentId, CancellationToken ct);
}

/// <summary>No scoring results yet.</summary>
public sealed class NoRankingExcerpt : IRankingExcerptSource
{
    public Task<RankingExcerpt?> LatestPublishedAsync(int size, CancellationToken ct) => Task.FromResult<RankingExcerpt?>(null);

    public Task<OwnScore?> OwnAsync(int departmentId, CancellationToken ct) => Task.FromResult<OwnScore?>(null);
}
