using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace GovDataConsole.Features.Shared;

public static class QueryableExtensions
{
    /// <summary>
    /// Sorts the entities by a whitelisted column (unknown names fall back to the default), pages in the database,
    /// then projects each row. Sorting happens before the projection because positional records cannot be ordered by SQL.
    /// </summary>
    public static async Task<GridPage<TRow>> ToGridPageAsync<TEntity, TRow>(this IQueryable<TEntity> query, GridRequest request,
        IReadOnlyDictionary<string, Expression<Func<TEntity, object?>>> sortable, string defaultSort,
        Expression<Func<TEntity, TRow>> projection, CancellationToken ct)
    {
        var total = await query.CountAsync(ct);
        var key = request.SortBy is not null && sortable.ContainsKey(request.SortBy) ? request.SortBy : defaultSort;
        var ordered = request.Descending ? query.OrderByDescending(sortable[key]) : query.OrderBy(sortable[key]);
        var items = await ordered.Skip(request.Skip).Take(request.Take).Select(projection).ToListAsync(ct);
        return new GridPage<TRow>(items, total);
    }
}
