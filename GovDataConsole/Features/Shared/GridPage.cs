namespace GovDataConsole.Features.Shared;

/// <summary>One page of rows and the total count, as grids ask for it.</summary>
public sealed record GridPage<T>(IReadOnlyList<T> Items, int TotalCount);

/// <summary>A grid's request: zero-based page, page size, a whitelisted sort column and direction.</summary>
public record GridRequest
{
    public const int MaxPageSize = 200;

    public int Page { get; init; }
    public int PageSize { get; init; } = 20;
    public string? SortBy { get; init; }
    public bool Descending { get; init; }

    public int Skip => Math.Max(0, Page) * Take;
    public int Take => Math.Clamp(PageSize, 1, MaxPageSize);
}
