using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace GovDataConsole.Features.Shared;

public static class QueryableExtensions
{
    /// <summary>Sorts by a whitelisted column (unknown names fall back to the default) and pages in the database.</summary>
    public static async Task<GridPage<T>> ToGridPageAsync<T>(this IQueryable<T> query, GridRequest request,
        IReadOnlyDictionary<string, Expression<Func<T, object?>>> sortable, string defaultSort, CancellationToken ct)
    {
        var total = await query.CountAsync(ct);
        var key = request.SortBy is not null && sortable.ContainsKey(request.SortBy) ? request.SortBy : defaultSort;
        var ordered = request.Descending ? query.OrderByDescending(sortable[key]) : query.OrderBy(sortable[key]);
        var items = await ordered.Skip(request.Skip).Take(request.Take).ToListAsync(ct);
        return new GridPage<T>(items, total);
    }
}
