using GovDataConsole.Cleansing;
using GovDataConsole.Data;
using GovDataConsole.Excel;
using GovDataConsole.Features.Audit;
using GovDataConsole.Features.Catalog;
using GovDataConsole.Features.Cleansing;
using GovDataConsole.Features.Collection;
using GovDataConsole.Features.Organization;
using GovDataConsole.Features.Shared;
using GovDataConsole.Ingest;
using GovDataConsole.Quality;
using Microsoft.EntityFrameworkCore;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Features.Quality;

/// <summary>
/// Pre-check (预检): a file read exactly as a batch upload reads it (same checks, header detection and schema check), each
/// accepted row cleansed with the resource's current cleansing rules (duplicates by business key dropped) and checked with
/// its effective quality rules, uniqueness included against the resource's current data. Nothing is stored: the upload
/// lives in a temporary file for the duration of the check. Department staff check their own department's resources only.
/// </summary>
public sealed class PreCheckService(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, FileStore files, BatchIntake intake, AuditLog audit)
{
    /// <summary>Row errors and problems listed in a report (all are counted).</summary>
    public const int MaxListed = 10_000;

    /// <summary>Checks an uploaded file as the signed-in user; audited.</summary>
    public async Task<PreCheckReport> CheckAsync(int resourceId, string fileName, Stream content, IProgress<int>? progress, CancellationToken ct)
    {
        var report = await RunAsync(await currentUser.GetAsync(), resourceId, fileName, content, progress, ct);
        await audit.WriteAsync(AuditActions.QualityCategory, AuditActions.PreChecked, report.ResourceCode,
            string.Format(T.PreCheck_AuditDetail, report.FileName, report.RowsRead, report.ProblemCount, report.Passed ? T.PreCheck_Passed : T.PreCheck_Failed), ct);
        return report;
    }

    /// <summary>The check itself, as <paramref name="user"/> (the <c>check</c> command passes a system user).</summary>
    internal async Task<PreCheckReport> RunAsync(UserContext user, int resourceId, string fileName, Stream content, IProgress<int>? progress, CancellationToken ct)
    {
        user.EnsureRole(Roles.DepartmentStaff, Roles.Steward, Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var resource = await BatchService.PublishedResourceAsync(db, resourceId, user, ct);
        var format = BatchIntake.FormatOf(fileName);
        var stored = await files.SaveAsync(content, "precheck", format == BatchFormat.Xlsx ? ".xlsx" : ".csv", intake.MaxUploadBytes, ct);
        try
        {
            // The reading, cleansing and checking are CPU work: off the caller's context (a circuit stays responsive and shows progress).
            return await Task.Run(() => CheckFileAsync(db, user, resource, files.FullPath(stored.RelativePath), format, fileName, progress, ct), ct);
        }
        catch (BatchFileException ex)
        {
            throw new BusinessRuleException(ex.Message);
        }
        finally
        {
            files.Delete(stored.RelativePath);
        }
    }

    private async Task<PreCheckReport> CheckFileAsync(AppDbContext db, UserContext user, DataResource resource, string path, BatchFormat format, string fileName,
        IProgress<int>? progress, CancellationToken ct)
    {
        var resourceId = resource.Id;
        var mapping = intake.Inspect(path, format, resource.Items).Mapping;
        BatchIntake.EnsureMapping(resource.Items, mapping);
        var items = resource.Items.OrderBy(i => i.SortOrder).ToList();
        var cleansing = await CleansingPlan.CurrentAsync(db, resourceId, ct);
        var (ruleVersion, rules) = await QualityRules.EffectiveAsync(db, resourceId, ct);
        var context = await QualityRules.ContextAsync(db, resourceId, cleansing.Codes, rules, ct);
        QualityPlan quality;
        try
        {
            quality = QualityPlan.Compile(rules, context);
        }
        catch (InvalidQualityRuleException ex)
        {
            throw new BusinessRuleException(ex.Message);
        }
        var tally = new PreCheckTally(quality, context);
        await IndexCurrentDataAsync(db, resourceId, rules, tally, ct);

        // Keep last: which row of a key survives is known only at the end, so a first pass finds the dropped rows.
        HashSet<int>? dropped = null;
        if (cleansing.CreateDeduplicator() is { Keep: DuplicateKeep.Last } last)
        {
            await ReadAsync(path, format, mapping, items, cleansing, (row, values) => last.Add(row, cleansing.KeyValues(values)), null,
                p => progress?.Report(p / 2), ct);
            dropped = last.DroppedRows().Select(d => (int)d.RowNumber).ToHashSet();
        }
        var first = dropped is null ? cleansing.CreateDeduplicator() : null;
        var rowErrors = new List<PreCheckRowError>();
        long rowErrorCount = 0;
        var names = items.ToDictionary(i => i.Code, i => i.Name);
        var counts = await ReadAsync(path, format, mapping, items, cleansing,
            (row, values) =>
            {
                var duplicate = dropped?.Contains(row) ?? first?.Add(row, cleansing.KeyValues(values)) is not null;
                if (!duplicate) tally.Check(row, values);
            },
            error =>
            {
                if (rowErrorCount++ < MaxListed)
                    rowErrors.Add(new PreCheckRowError(error.Row, error.Column > 0 ? CellReference.ColumnName(error.Column) : "", error.Item, names[error.Item], error.Value, error.Message));
            },
            p => progress?.Report(dropped is null ? p : 50 + p / 2), ct);

        tally.CheckBatch(await FactsAsync(db, resourceId, counts.Accepted, ct));
        var outcomes = tally.Outcomes();
        var department = await db.Departments.Where(d => d.Id == resource.DepartmentId).Select(d => d.Name).FirstAsync(ct);
        return new PreCheckReport(resource.Code, resource.Name, department, Path.GetFileName(fileName), DateTime.UtcNow, user.DisplayName,
            cleansing.Version, ruleVersion, counts.Read, counts.Accepted, counts.Read - counts.Accepted, (int)(counts.Accepted - tally.RowsChecked), tally.RowsChecked,
            cleansing.Pipeline.Steps.Select((step, i) => new RuleCount(cleansing.Codes[step.Column], names[cleansing.Codes[step.Column]], step.Position,
                step.Rule.Kind, counts.Changes[i])).ToList(),
            outcomes.Select(PreCheckRule.Of).ToList(), QualityScore.Of(outcomes), QualityScore.ByDimension(outcomes),
            rowErrorCount, rowErrors, tally.ProblemCount, tally.Problems);
    }

    /// <summary>The keys of the resource's current (cleansed) data, for the uniqueness rules, as a check run indexes them first.</summary>
    private async Task IndexCurrentDataAsync(AppDbContext db, int resourceId, IReadOnlyList<QualityRule> rules, PreCheckTally tally, CancellationToken ct)
    {
        if (tally.Plan.Uniques.Count == 0) return;
        var batches = await db.DataBatches.AsNoTracking().Where(b => b.DataResourceId == resourceId && b.Status == BatchStatus.Cleansed)
            .OrderBy(b => b.Id).ToListAsync(ct);
        await using var reading = await dbFactory.CreateDbContextAsync(ct);
        foreach (var batch in batches)
        {
            var plan = await QualityRules.PlanForBatchAsync(db, batch, rules, ct);
            await foreach (var page in RecordPages.ReadAsync(reading, batch.Id, 0, int.MaxValue, plan.Width, ct))
                foreach (var record in page) tally.Index(plan, record, batch.Id);
        }
    }

    /// <summary>The file as a batch received today, answering the resource's latest open task, after its latest cleansed batch.</summary>
    private static async Task<BatchFacts> FactsAsync(AppDbContext db, int resourceId, int accepted, CancellationToken ct)
    {
        var due = await db.CollectionTasks.Where(t => t.DataResourceId == resourceId
                && (t.Status == CollectionTaskStatus.Pending || t.Status == CollectionTaskStatus.Missing))
            .OrderByDescending(t => t.PeriodStart).Select(t => (DateOnly?)t.DueDate).FirstOrDefaultAsync(ct);
        var previous = await db.DataBatches.Where(b => b.DataResourceId == resourceId && b.Status == BatchStatus.Cleansed)
            .OrderByDescending(b => b.Id).Select(b => (int?)b.RowsAccepted).FirstOrDefaultAsync(ct);
        return new BatchFacts(0, ChinaTime.Today, due, accepted, previous);
    }

    private sealed record FileCounts(int Read, int Accepted, long[] Changes);

    /// <summary>
    /// Reads the file as the batch import does (mapped rows, schema check, the same JSON of each accepted row) and cleanses
    /// each accepted row; <paramref name="row"/> gets the cleansed values (a shared buffer) in row order.
    /// </summary>
    private static async Task<FileCounts> ReadAsync(string path, BatchFormat format, ColumnMapping mapping, IReadOnlyList<InfoItem> items, CleansingPlan plan,
        Action<int, string[]> row, Action<(int Row, int Column, string Item, string Value, string Message)>? error, Action<int> percent, CancellationToken ct)
    {
        var codes = items.Select(i => i.Code).ToList();
        var columns = codes.Select(code => mapping.Columns.TryGetValue(code, out var c) ? c + 1 : 0).ToList();
        var changes = new long[plan.Pipeline.Steps.Count];
        var cleansed = new string[plan.Width];
        int read = 0, accepted = 0;
        await using var file = File.OpenRead(path);
        using var source = BatchFiles.Open(file, format);
        await using var rows = CheckedRows.Start(MappedRows.Read(source, mapping, codes), items, columns,
            () => (int)(100 * file.Position / Math.Max(1, file.Length)), ct);
        while (await rows.NextAsync() is { } block)
        {
            ct.ThrowIfCancellationRequested();
            if (error is not null) foreach (var e in block.Errors) error(e);
            foreach (var (number, start, length) in block.Records)
            {
                plan.Pipeline.Apply(RecordJson.Parse(block.Json(start, length), plan.Width), cleansed, changes);
                row(number, cleansed);
            }
            read += block.Read;
            accepted += block.Records.Count;
            percent(block.Percent);
            rows.Return(block);
        }
        return new FileCounts(read, accepted, changes);
    }
}
