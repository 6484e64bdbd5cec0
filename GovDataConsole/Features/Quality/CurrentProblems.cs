using GovDataConsole.Data;
using GovDataConsole.Features.Organization;
using Microsoft.EntityFrameworkCore;

namespace GovDataConsole.Features.Quality;

/// <summary>
/// The current problems (those of each batch's <c>CheckRunId</c> run) of the batches a user may see, as a composable query.
/// Batches drive the join and the batch filters are applied to them, so ordering by <c>(BatchId, Id)</c> follows the batch
/// key and the (BatchId, RunId) index: pages and counts stay index walks however many problems there are. On SQLite the
/// join order is pinned with CROSS JOIN (without statistics the planner may otherwise scan every problem and sort), and the
/// batch filters are written so no batch index is used instead of the key order. BatchId, DepartmentId and DataResourceId
/// are read from the batch (the same values), which keeps department-scoped counts on the covering index.
/// </summary>
public static class CurrentProblems
{
    private static readonly Dictionary<string, string> BatchColumns = new()
    {
        [nameof(Problem.BatchId)] = "Id", [nameof(Problem.DepartmentId)] = "DepartmentId", [nameof(Problem.DataResourceId)] = "DataResourceId",
    };

    /// <summary>
    /// Current problems visible to <paramref name="user"/>, optionally of one department, resource or batch. Department staff
    /// are held to their own department (asking for another gives nothing).
    /// </summary>
    public static IQueryable<Problem> Of(AppDbContext db, UserContext user, int? departmentId = null, int? resourceId = null, int? batchId = null)
    {
        if (!user.IsAuthenticated) return db.Problems.Where(_ => false);
        if (user.IsDepartmentScoped) departmentId = departmentId is null || departmentId == user.DepartmentId ? user.DepartmentId ?? -1 : -1;
        return db.Problems.FromSqlRaw(Sql(db), departmentId, resourceId, batchId);
    }

    private static string Sql(AppDbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(Problem))!;
        var table = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Select(p => p.GetColumnName(table)!)
            .Select(c => BatchColumns.TryGetValue(c, out var own) ? $"b.{own} AS {c}" : $"p.{c}");
        var join = db.Database.IsSqlServer() ? "INNER JOIN" : "CROSS JOIN";
        return $"SELECT {string.Join(", ", columns)} FROM DataBatches AS b {join} Problems AS p ON p.BatchId = b.Id AND p.RunId = b.CheckRunId " +
            "WHERE b.CheckRunId IS NOT NULL AND ({0} IS NULL OR b.DepartmentId = {0}) AND ({1} IS NULL OR b.DataResourceId = {1}) AND ({2} IS NULL OR b.Id = {2})";
    }
}
