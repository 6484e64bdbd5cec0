using System.Text.Json;
using GovDataConsole.Data;
using GovDataConsole.Excel;
using GovDataConsole.Features.Audit;
using GovDataConsole.Features.Catalog;
using GovDataConsole.Features.Catalog.Inventory;
using GovDataConsole.Features.Collection;
using GovDataConsole.Features.Organization;
using GovDataConsole.Features.Shared;
using GovDataConsole.Quality;
using Microsoft.EntityFrameworkCore;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Features.Quality;

/// <summary>
/// The problems of a filter as a workbook, one sheet per resource: each problem with every field of its record (the resource's
/// items as columns, masked like the browser) and where and why it failed. Written streaming, at most <see cref="MaxRows"/>
/// rows; every export is audited.
/// </summary>
public sealed class ProblemExport(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, AuditLog audit)
{
    public const int MaxRows = 100_000;

    public async Task<WorkbookFile> BuildAsync(ProblemQuery filter, bool reveal, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        if (reveal) user.EnsureRole(Roles.DepartmentStaff, Roles.Steward);
        await audit.WriteAsync(AuditActions.QualityCategory, AuditActions.ProblemsExported, null,
            string.Format(T.Problem_ExportDetail, reveal ? T.Batch_ExportRevealed : T.Batch_ExportMasked), ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var resourceIds = await db.DataBatches.AsNoTracking().VisibleTo(user).Where(b => b.CheckRunId != null)
            .Where(b => filter.DepartmentId == null || b.DepartmentId == filter.DepartmentId)
            .Where(b => filter.ResourceId == null || b.DataResourceId == filter.ResourceId)
            .Where(b => filter.BatchId == null || b.Id == filter.BatchId)
            .Select(b => b.DataResourceId).Distinct().ToListAsync(ct);
        var resources = await db.DataResources.AsNoTracking().Where(r => resourceIds.Contains(r.Id)).OrderBy(r => r.Code)
            .Select(r => new { r.Id, r.Code }).ToListAsync(ct);

        using var output = new MemoryStream();
        var written = 0;
        using (var workbook = StreamingWorkbookWriter.Create(output))
        {
            foreach (var resource in resources)
            {
                if (written >= MaxRows) break;
                written += await WriteResourceAsync(db, workbook, Problems(db, user, filter with { ResourceId = resource.Id }), resource.Id,
                    SheetName(resource.Code), MaxRows - written, reveal, ct);
            }
            if (written == 0) workbook.BeginSheet(T.Problem_Sheet, [T.Common_NoRecords], [20]);
        }
        return new WorkbookFile(string.Format(T.Problem_ExportFileName, ChinaTime.FromUtc(DateTime.UtcNow).ToString("yyyyMMddHHmm")), output.ToArray());
    }

    private sealed record Exported(int BatchId, int? RowNumber, string RuleName, QualityDimension Dimension, RuleSeverity Severity,
        string? ItemName, string? Value, SensitivityKind Sensitivity, string Message, string? Json);

    private static IQueryable<Exported> Problems(AppDbContext db, UserContext user, ProblemQuery filter) =>
        from p in ProblemService.Order(ProblemService.Filter(db, user, filter), new GridRequest())
        join r in db.BatchRecords on p.RecordId equals (long?)r.Id into records
        from r in records.DefaultIfEmpty()
        select new Exported(p.BatchId, p.RowNumber, p.RuleName, p.Dimension, p.Severity, p.ItemName, p.Value, p.Sensitivity, p.Message,
            r == null ? null : r.CleansedJson ?? r.ValuesJson);

    /// <summary>One resource's sheet (none when it has no problems); returns the rows written.</summary>
    private static async Task<int> WriteResourceAsync(AppDbContext db, StreamingWorkbookWriter workbook, IQueryable<Exported> problems, int resourceId,
        string sheet, int room, bool reveal, CancellationToken ct)
    {
        var items = await db.InfoItems.AsNoTracking().Where(i => i.DataResourceId == resourceId).OrderBy(i => i.SortOrder)
            .Select(i => new { i.Code, i.Name, i.Sensitivity }).ToListAsync(ct);
        var header = items.Select(i => i.Name).Concat([T.Problem_Rule, T.Problem_Dimension, T.Problem_Severity, T.Problem_Field, T.Problem_Value,
            T.Problem_Message, T.Problem_Batch, T.Batch_RowNumber]).ToList();
        var columns = new Dictionary<int, int[]>();
        var row = new string?[header.Count];
        var written = 0;
        await using var rows = problems.Take(room + 1).AsAsyncEnumerable().GetAsyncEnumerator(ct);
        while (await rows.MoveNextAsync())
        {
            if (written == 0) workbook.BeginSheet(sheet, header, header.Select(h => Math.Max(12, ColumnWidths.Fit([h]))).ToList());
            if (written == room)
            {
                workbook.WriteRow([string.Format(T.Problem_ExportCapped, MaxRows)]);
                break;
            }
            var p = rows.Current;
            if (!columns.TryGetValue(p.BatchId, out var map)) columns[p.BatchId] = map = await ColumnMapAsync(db, p.BatchId, items.Select(i => i.Code).ToList(), ct);
            var values = p.Json is null ? [] : JsonSerializer.Deserialize<string[]>(p.Json) ?? [];
            for (var i = 0; i < items.Count; i++)
                row[i] = map[i] >= 0 && map[i] < values.Length ? BatchService.Display(values[map[i]], items[i].Sensitivity, reveal) : null;
            var c = items.Count;
            row[c++] = p.RuleName;
            row[c++] = EnumLabels.Of(p.Dimension);
            row[c++] = EnumLabels.Of(p.Severity);
            row[c++] = p.ItemName;
            row[c++] = p.Value is null ? null : BatchService.Display(p.Value, p.Sensitivity, reveal);
            row[c++] = p.Message;
            row[c++] = p.BatchId.ToString();
            row[c] = p.RowNumber?.ToString();
            workbook.WriteRow(row);
            written++;
        }
        return written;
    }

    /// <summary>For each of the resource's current items, its position in the batch's records (-1: not in that version).</summary>
    private static async Task<int[]> ColumnMapAsync(AppDbContext db, int batchId, List<string> codes, CancellationToken ct)
    {
        var batch = await db.DataBatches.AsNoTracking().SingleAsync(b => b.Id == batchId, ct);
        var recordCodes = (await BatchService.ItemsOfAsync(db, batch, ct)).Select(i => i.Code).ToList();
        return codes.Select(c => recordCodes.IndexOf(c)).ToArray();
    }

    /// <summary>Excel sheet names: at most 31 characters, none of : \ / ? * [ ].</summary>
    private static string SheetName(string code)
    {
        var name = string.Concat(code.Select(ch => ch is ':' or '\\' or '/' or '?' or '*' or '[' or ']' ? '-' : ch));
        return name.Length <= 31 ? name : name[..31];
    }
}
