using System.Text.Json;
using GovDataConsole.Data;
using GovDataConsole.Features.Catalog;
using GovDataConsole.Features.Collection;
using GovDataConsole.Features.Rectification;
using GovDataConsole.Features.Shared;
using GovDataConsole.Quality;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Features.Quality;

/// <summary>
/// Runs a check: <see cref="StartAsync"/> claims the run, clears any earlier results of it and splits its batches into chunk
/// jobs; each <see cref="RunChunkAsync"/> checks its rows and stores their problems and counts; the chunk that completes the
/// set hands over to <see cref="FinishAsync"/>, which runs the uniqueness and batch rules and scores the run.
/// Every step is safe to run twice; a cancelled run stops within two blocks of <see cref="QualityOptions.RowsPerWrite"/> rows
/// (one is checked while the one before is written).
/// </summary>
public sealed class QualityCheckJob(IDbContextFactory<AppDbContext> dbFactory, IBackgroundJobClient jobs, CheckProgress progress, QualityOptions options,
    HeldChunkKeys heldKeys, ILogger<QualityCheckJob> log)
{
    [AutomaticRetry(Attempts = 0)]
    public async Task StartAsync(int runId, CancellationToken ct)
    {
        if (await PrepareAsync(runId, ct) is not { } chunks) return;
        foreach (var chunk in chunks) jobs.Enqueue<QualityCheckJob>(j => j.RunChunkAsync(chunk, CancellationToken.None));
        if (chunks.Count == 0 && await ClaimAggregationAsync(runId, ct)) jobs.Enqueue<QualityCheckJob>(j => j.FinishAsync(runId, CancellationToken.None));
    }

    [AutomaticRetry(Attempts = 0)]
    public async Task RunChunkAsync(long chunkId, CancellationToken ct)
    {
        if (await CompleteChunkAsync(chunkId, ct) is { } runId) jobs.Enqueue<QualityCheckJob>(j => j.FinishAsync(runId, CancellationToken.None));
    }

    /// <summary>
    /// The whole run in this process, chunks <paramref name="parallelism"/> at a time, as that many workers would take them:
    /// for tests, the bench, the seed and the <c>check</c> command.
    /// </summary>
    public async Task RunInlineAsync(int runId, int parallelism, CancellationToken ct)
    {
        if (await PrepareAsync(runId, ct) is not { } chunks) return;
        await Parallel.ForEachAsync(chunks, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = ct },
            async (chunk, token) => await CompleteChunkAsync(chunk, token));
        if (chunks.Count == 0) await ClaimAggregationAsync(runId, ct);
        await FinishAsync(runId, ct);
    }

    /// <summary>Claims a queued run, clears earlier results of it and splits it into chunks; null when not claimed or failed.</summary>
    private async Task<List<long>?> PrepareAsync(int runId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = DateTime.UtcNow;
        if (await db.CheckRuns.Where(r => r.Id == runId && r.Status == CheckRunStatus.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, CheckRunStatus.Running).SetProperty(r => r.StartedUtc, now)
                    .SetProperty(r => r.HeartbeatUtc, now).SetProperty(r => r.ChunksDone, 0), ct) != 1) return null;
        heldKeys.Drop(runId);
        try
        {
            var run = await db.CheckRuns.AsNoTracking().SingleAsync(r => r.Id == runId, ct);
            var rules = QualityRule.ListFromJson(run.RulesJson);
            var batches = await ScopeAsync(db, run, ct);
            await QualityRules.PlansForBatchesAsync(db, batches, rules, ct);

            await db.Problems.Where(p => p.RunId == runId).ExecuteDeleteAsync(ct);
            await db.CheckRunRules.Where(p => p.RunId == runId).ExecuteDeleteAsync(ct);
            await db.CheckRunChunks.Where(c => c.RunId == runId).ExecuteDeleteAsync(ct);
            var chunks = new List<CheckRunChunk>();
            foreach (var batch in batches)
            {
                var last = await db.BatchRecords.Where(r => r.BatchId == batch.Id).MaxAsync(r => (int?)r.RowNumber, ct) ?? 0;
                chunks.AddRange(options.ChunkRanges(last).Select(r => new CheckRunChunk(runId, batch.Id, r.From, r.To)));
            }
            db.CheckRunChunks.AddRange(chunks);
            await db.SaveChangesAsync(ct);
            await db.CheckRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s.SetProperty(r => r.ChunkCount, chunks.Count), ct);
            await PublishAsync(run, CheckRunStatus.Running, 0, chunks.Count, 0);
            return chunks.Select(c => c.Id).ToList();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            await FailAsync(runId, ex);
            return null;
        }
    }

    /// <summary>Checks one chunk and counts it done; returns the run id when this chunk completed the set (aggregation is claimed).</summary>
    private async Task<int?> CompleteChunkAsync(long chunkId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var chunk = await db.CheckRunChunks.AsNoTracking().SingleOrDefaultAsync(c => c.Id == chunkId, ct);
        if (chunk is null || chunk.Done) return null;
        var run = await db.CheckRuns.AsNoTracking().SingleAsync(r => r.Id == chunk.RunId, ct);
        if (run.Status != CheckRunStatus.Running) return null;
        try
        {
            // Relaxed up to and including the commit that marks the chunk done: a crash before the run completes leaves it
            // running, and start-up queues such runs again (CheckRunQueue.RestoreAsync); the run's final commit is durable.
            await using var bulk = await SqliteBulkWrite.StartAsync(db, ct);
            var (rows, failures, keys) = await CheckChunkAsync(db, run, chunk, ct);
            if (rows < 0) return null;
            if (keys is not null && !heldKeys.Put(run.Id, chunkId, keys)) keys.Dispose();
            await using (var tx = await db.Database.BeginTransactionAsync(ct))
            {
                var json = JsonSerializer.Serialize(failures);
                if (await db.CheckRunChunks.Where(c => c.Id == chunkId && !c.Done)
                        .ExecuteUpdateAsync(s => s.SetProperty(c => c.Done, true).SetProperty(c => c.RowsChecked, rows).SetProperty(c => c.FailuresJson, json), ct) == 1)
                    await db.CheckRuns.Where(r => r.Id == run.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.ChunksDone, r => r.ChunksDone + 1)
                        .SetProperty(r => r.HeartbeatUtc, DateTime.UtcNow), ct);
                await tx.CommitAsync(ct);
            }
            var state = await db.CheckRuns.AsNoTracking().Where(r => r.Id == run.Id).Select(r => new { r.ChunksDone, r.ChunkCount, r.Status }).SingleAsync(ct);
            // Cancelled or failed meanwhile: no aggregation takes the keys (a cancel lets go of those held before it).
            if (state.Status is not (CheckRunStatus.Running or CheckRunStatus.Aggregating)) heldKeys.Take(chunkId)?.Dispose();
            var checkedSoFar = await db.CheckRunChunks.Where(c => c.RunId == run.Id && c.Done).SumAsync(c => c.RowsChecked, ct);
            await PublishAsync(run, CheckRunStatus.Running, state.ChunksDone, state.ChunkCount, checkedSoFar);
            return await ClaimAggregationAsync(run.Id, ct) ? run.Id : null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            await FailAsync(run.Id, ex);
            return null;
        }
    }

    [AutomaticRetry(Attempts = 0)]
    public async Task FinishAsync(int runId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = await db.CheckRuns.SingleAsync(r => r.Id == runId, ct);
        if (run.Status != CheckRunStatus.Aggregating) return;
        try
        {
            await AggregateAsync(db, run, ct);
            await PublishAsync(run, CheckRunStatus.Completed, run.ChunkCount, run.ChunkCount, run.RowsChecked);
            if (await db.QualitySettings.AnyAsync(s => s.DataResourceId == run.DataResourceId && s.AutoOrders != AutoOrderMode.Off, ct))
                jobs.Enqueue<WorkOrderService>(s => s.CreateAutomaticAsync(runId, CancellationToken.None));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            await FailAsync(runId, ex);
        }
    }

    /// <summary>The batches a run covers: its batch, or every cleansed batch of the resource.</summary>
    internal static async Task<List<DataBatch>> ScopeAsync(AppDbContext db, CheckRun run, CancellationToken ct) =>
        await db.DataBatches.AsNoTracking()
            .Where(b => run.BatchId == null ? b.DataResourceId == run.DataResourceId && b.Status == BatchStatus.Cleansed : b.Id == run.BatchId)
            .OrderBy(b => b.Id).ToListAsync(ct);

    /// <summary>
    /// Checks a chunk's rows, replacing any problems an earlier attempt stored, and collects their uniqueness keys. Every
    /// <see cref="QualityOptions.RowsPerWrite"/> rows are checked first; their problems and the run's heartbeat are then written in one short
    /// transaction, so parallel chunks hold SQLite's write lock only while inserting. The write runs on a thread of its own
    /// while the next rows are checked: waiting for the write lock (another chunk's write) or for the disk no longer
    /// leaves a core idle. Rows -1: the run was cancelled. The keys, sorted, are the caller's to dispose.
    /// </summary>
    private async Task<(long Rows, long[] Failures, ChunkKeys? Keys)> CheckChunkAsync(AppDbContext db, CheckRun run, CheckRunChunk chunk, CancellationToken ct)
    {
        var batch = await db.DataBatches.AsNoTracking().SingleAsync(b => b.Id == chunk.BatchId, ct);
        var rules = QualityRule.ListFromJson(run.RulesJson);
        var plan = await QualityRules.PlanForBatchAsync(db, batch, rules, ct);
        var columns = await ColumnsAsync(db, batch, plan, ct);
        var exceptions = await ExceptionsAsync(db, run.DataResourceId, ct);
        await db.Problems.Where(p => p.RunId == run.Id && p.ChunkId == chunk.Id).ExecuteDeleteAsync(ct);

        var failures = new long[plan.Rules.Count];
        var findings = new List<RowFinding>();
        var (found, spare) = (new List<(CheckedRecord Record, RowFinding Finding)>(), new List<(CheckedRecord Record, RowFinding Finding)>());
        var keys = plan.Uniques.Count == 0 ? null : new ChunkKeys(plan.Uniques, chunk.ToRow - chunk.FromRow);
        long rows = 0;
        await using var reading = await dbFactory.CreateDbContextAsync(ct);
        await using var writer = new ProblemWriter(db.Database.GetDbConnection(), null, run, chunk.Id, batch.Id, plan, columns.Names, columns.Sensitivity, DateTime.UtcNow);
        var writing = Task.FromResult(true);
        try
        {
            long unwritten = 0;
            await foreach (var page in RecordPages.ReadAsync(reading, batch.Id, chunk.FromRow, chunk.ToRow, plan.Width, ct, plan.Reads))
            {
                foreach (var record in page)
                {
                    keys?.Add(record.Values, record.RowNumber);
                    findings.Clear();
                    if (plan.CheckRow(record.Values, record.Id, failures, findings, exceptions) == 0) continue;
                    foreach (var f in findings) found.Add((record, f));
                }
                rows += page.Length;
                unwritten += page.Length;
                if (unwritten < options.RowsPerWrite) continue;
                if (!await writing) return (-1, failures, null);
                var problems = found;
                (found, spare) = (spare, found);
                // Its own thread, not the pool's: the pool's threads are the chunks' own, busy checking.
                writing = Task.Factory.StartNew(() => WriteAsync(problems), ct, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
                unwritten = 0;
            }
            if (!await writing) return (-1, failures, null);
            if (!await WriteAsync(found)) return (-1, failures, null);
            keys?.Sort();
            (var done, keys) = (keys, null);
            return (rows, failures, done);
        }
        finally
        {
            // Failing or cancelled: a write still running uses the connection and writer disposed on the way out.
            await Task.WhenAny(writing);
            keys?.Dispose();
        }

        // The problems and the run's heartbeat, in one short transaction; false: cancelled.
        async Task<bool> WriteAsync(List<(CheckedRecord Record, RowFinding Finding)> problems)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (await db.CheckRuns.Where(r => r.Id == run.Id && r.Status == CheckRunStatus.Running)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.HeartbeatUtc, DateTime.UtcNow), ct) == 0) return false;
            writer.Transaction = tx.GetDbTransaction();
            foreach (var (record, f) in problems) await writer.AddAsync(record.Id, record.RowNumber, f.Rule, f.Field, record.Values[f.Field], f.Message, ct);
            await writer.FlushAsync(ct);
            await tx.CommitAsync(ct);
            problems.Clear();
            return true;
        }
    }

    private async Task<bool> ClaimAggregationAsync(int runId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.CheckRuns.Where(r => r.Id == runId && r.Status == CheckRunStatus.Running && r.ChunksDone == r.ChunkCount)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, CheckRunStatus.Aggregating), ct) == 1;
    }

    /// <summary>Sums the chunks, runs the uniqueness and batch rules, stores per-rule outcomes and scores, and makes the run current.</summary>
    private async Task AggregateAsync(AppDbContext db, CheckRun run, CancellationToken ct)
    {
        var rules = QualityRule.ListFromJson(run.RulesJson).Where(r => r.Enabled).ToList();
        var chunks = await db.CheckRunChunks.AsNoTracking().Where(c => c.RunId == run.Id).Select(c => new { c.FailuresJson, c.RowsChecked }).ToListAsync(ct);
        var failures = new long[rules.Count];
        foreach (var chunk in chunks)
        {
            var counts = JsonSerializer.Deserialize<long[]>(chunk.FailuresJson ?? "[]") ?? [];
            for (var i = 0; i < counts.Length && i < failures.Length; i++) failures[i] += counts[i];
        }
        var rows = chunks.Sum(c => c.RowsChecked);
        var scope = await ScopeAsync(db, run, ct);
        await db.Problems.Where(p => p.RunId == run.Id && p.ChunkId == null).ExecuteDeleteAsync(ct);

        // The other cleansed batches count for uniqueness; plans are compiled once for both steps (compiling loads
        // dictionaries and referenced resources' values), and only when a rule is not a row rule.
        var others = rules.Any(r => r.Template == RuleTemplate.Unique) ? await OtherBatchesAsync(db, run, scope, ct) : [];
        var plans = rules.Any(r => RuleTemplateCatalog.ScopeOf(r.Template) != RuleScope.Row)
            ? await QualityRules.PlansForBatchesAsync(db, others.Concat(scope), rules, ct) : [];
        await using (await SqliteBulkWrite.StartAsync(db, ct))
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await UniquenessAsync(db, run, scope, others, plans, rules, failures, tx.GetDbTransaction(), ct);
            await BatchRulesAsync(db, run, scope, plans, rules, failures, tx.GetDbTransaction(), ct);
            await tx.CommitAsync(ct);
        }

        var outcomes = rules.Select((rule, i) => new RuleOutcome(rule,
            RuleTemplateCatalog.ScopeOf(rule.Template) == RuleScope.Batch ? scope.Count : rows, failures[i])).ToList();
        // Every counted failure was written as one problem (excepted rows are neither), so no count over the run's problems.
        var problems = failures.Sum();
        await using var finish = await db.Database.BeginTransactionAsync(ct);
        db.CheckRunRules.AddRange(outcomes.Select(o => new CheckRunRule(run.Id, o)));
        run.Complete(rows, problems, QualityScore.Of(outcomes),
            JsonSerializer.Serialize(QualityScore.ByDimension(outcomes).ToDictionary(d => d.Key.ToString(), d => d.Value)), DateTime.UtcNow);
        await db.SaveChangesAsync(ct);
        var ids = scope.Select(b => b.Id).ToList();
        await db.DataBatches.Where(b => ids.Contains(b.Id) && (b.CheckRunId == null || b.CheckRunId < run.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.CheckRunId, run.Id), ct);
        await finish.CommitAsync(ct);
    }

    /// <summary>
    /// Each uniqueness rule over the resource's current data: the other cleansed batches' keys count as seen first (they
    /// were there before; read again), then the run's batches in order, their chunks in row order (the keys the chunks
    /// collected and left in <see cref="HeldChunkKeys"/>, or read again when this process holds none for a chunk). A row whose
    /// key was seen before is a problem naming where it was first seen. The plans of all batches list the uniqueness rules
    /// in the same order (the run's rule list), so key positions compare across batches.
    /// </summary>
    private async Task UniquenessAsync(AppDbContext db, CheckRun run, List<DataBatch> scope, List<DataBatch> others, Dictionary<int, QualityPlan> plans,
        List<QualityRule> rules, long[] failures, System.Data.Common.DbTransaction tx, CancellationToken ct)
    {
        if (!rules.Any(r => r.Template == RuleTemplate.Unique)) return;
        var sources = new List<(int BatchId, ChunkKeys Keys)>();
        List<DuplicateKey> found;
        try
        {
            var chunks = await db.CheckRunChunks.AsNoTracking().Where(c => c.RunId == run.Id).OrderBy(c => c.BatchId).ThenBy(c => c.FromRow)
                .Select(c => new { c.Id, c.BatchId, c.FromRow, c.ToRow }).ToListAsync(ct);
            await using (var reading = await dbFactory.CreateDbContextAsync(ct))
            {
                foreach (var batch in others) sources.Add((batch.Id, await ReadKeysAsync(reading, plans[batch.Id], batch.Id, 0, int.MaxValue, batch.RowsAccepted, ct)));
                foreach (var chunk in chunks)
                    sources.Add((chunk.BatchId, heldKeys.Take(chunk.Id)
                        ?? await ReadKeysAsync(reading, plans[chunk.BatchId], chunk.BatchId, chunk.FromRow, chunk.ToRow, chunk.ToRow - chunk.FromRow, ct)));
            }
            found = DuplicateKeys.Find([.. sources.Select(s => s.Keys)]);
        }
        finally
        {
            foreach (var (_, keys) in sources) keys.Dispose();
        }

        // The run's own duplicates (the other batches' keys only count as seen before), by batch, row and rule.
        found.RemoveAll(d => d.Source < others.Count);
        found.Sort((x, y) => (x.Source, x.Key.RowNumber, x.Key.Unique).CompareTo((y.Source, y.Key.RowNumber, y.Key.Unique)));
        var exceptions = await ExceptionsAsync(db, run.DataResourceId, ct);
        var texts = (Unique: T.RuleFailure_Unique, SameBatch: T.RuleFailure_UniqueSameBatch, OtherBatch: T.RuleFailure_UniqueOtherBatch);
        for (var (start, end) = (0, 0); start < found.Count; start = end)
        {
            var batch = scope.Single(b => b.Id == sources[found[start].Source].BatchId);
            while (end < found.Count && sources[found[end].Source].BatchId == batch.Id) end++;
            var plan = plans[batch.Id];
            var columns = await ColumnsAsync(db, batch, plan, ct);
            var keyNames = plan.Uniques.Select(u => string.Join("、", u.Columns.Select(c => columns.Names[c]))).ToList();
            var keyed = new bool[plan.Width];
            foreach (var column in plan.Uniques.SelectMany(u => u.Columns)) keyed[column] = true;
            // Keys carry the row only, so the duplicates' records (id and key text) are read back, a page ahead on another
            // connection while this one writes the page before.
            await using var reading = await dbFactory.CreateDbContextAsync(ct);
            Task<Dictionary<int, CheckedRecord>> ReadAsync(int from) => Task.Run(async () =>
            {
                var rows = found.GetRange(from, Math.Min(RecordPages.PageSize, end - from)).Select(d => d.Key.RowNumber).ToHashSet();
                return (await RecordPages.ReadRowsAsync(reading, batch.Id, rows, plan.Width, keyed, ct)).ToDictionary(r => r.RowNumber);
            }, ct);
            var next = ReadAsync(start);
            await using var writer = new ProblemWriter(db.Database.GetDbConnection(), tx, run, null, batch.Id, plan, columns.Names, columns.Sensitivity, DateTime.UtcNow);
            try
            {
                for (var page = start; page < end; page += RecordPages.PageSize)
                {
                    var records = await next;
                    if (page + RecordPages.PageSize < end) next = ReadAsync(page + RecordPages.PageSize);
                    for (var d = page; d < Math.Min(page + RecordPages.PageSize, end); d++)
                    {
                        var (_, key, firstSource, first) = found[d];
                        var (rule, keyColumns) = plan.Uniques[key.Unique];
                        if (!records.TryGetValue(key.RowNumber, out var record) || exceptions.Contains(record.Id, plan.Rules[rule].Key)) continue;
                        failures[rule]++;
                        var firstBatch = sources[firstSource].BatchId;
                        var message = string.Format(texts.Unique, keyNames[key.Unique],
                            firstBatch == batch.Id ? string.Format(texts.SameBatch, first.RowNumber) : string.Format(texts.OtherBatch, firstBatch, first.RowNumber));
                        await writer.AddAsync(record.Id, key.RowNumber, rule, keyColumns[0], ChunkKeys.Text(record.Values, keyColumns), message, ct);
                    }
                }
            }
            finally
            {
                // A failed write leaves the read ahead running: let it end before its connection is disposed.
                await Task.WhenAny(next);
            }
            await writer.FlushAsync(ct);
        }
    }

    /// <summary>The keys of a batch's rows in (<paramref name="from"/>, <paramref name="to"/>], read from its records.</summary>
    private static async Task<ChunkKeys> ReadKeysAsync(AppDbContext reading, QualityPlan plan, int batchId, int from, int to, int rows, CancellationToken ct)
    {
        var keys = new ChunkKeys(plan.Uniques, rows);
        try
        {
            await foreach (var page in RecordPages.ReadAsync(reading, batchId, from, to, plan.Width, ct, plan.Reads))
                foreach (var record in page) keys.Add(record.Values, record.RowNumber);
            keys.Sort();
            return keys;
        }
        catch
        {
            keys.Dispose();
            throw;
        }
    }

    private static async Task BatchRulesAsync(AppDbContext db, CheckRun run, List<DataBatch> scope, Dictionary<int, QualityPlan> plans,
        List<QualityRule> rules, long[] failures, System.Data.Common.DbTransaction tx, CancellationToken ct)
    {
        var batchRules = rules.Select((rule, i) => (rule, i)).Where(x => RuleTemplateCatalog.ScopeOf(x.rule.Template) == RuleScope.Batch).ToList();
        if (batchRules.Count == 0) return;
        foreach (var batch in scope)
        {
            var due = batch.TaskId is int taskId ? await db.CollectionTasks.Where(t => t.Id == taskId).Select(t => (DateOnly?)t.DueDate).FirstOrDefaultAsync(ct) : null;
            var previous = await db.DataBatches.Where(b => b.DataResourceId == batch.DataResourceId && b.Id < batch.Id && b.Status == BatchStatus.Cleansed)
                .OrderByDescending(b => b.Id).Select(b => (int?)b.RowsAccepted).FirstOrDefaultAsync(ct);
            var facts = new BatchFacts(batch.Id, DateOnly.FromDateTime(ChinaTime.FromUtc(batch.UploadedUtc)), due, batch.RowsAccepted, previous);
            await using var writer = new ProblemWriter(db.Database.GetDbConnection(), tx, run, null, batch.Id, plans[batch.Id], [], [], DateTime.UtcNow);
            foreach (var (rule, i) in batchRules)
            {
                if (BatchChecks.Check(rule, facts) is not { } message) continue;
                failures[i]++;
                await writer.AddAsync(null, null, i, -1, null, message, ct);
            }
            await writer.FlushAsync(ct);
        }
    }

    /// <summary>The resource's cleansed batches outside the run, oldest first.</summary>
    private static async Task<List<DataBatch>> OtherBatchesAsync(AppDbContext db, CheckRun run, List<DataBatch> scope, CancellationToken ct)
    {
        var inScope = scope.Select(b => b.Id).ToList();
        return await db.DataBatches.AsNoTracking()
            .Where(b => b.DataResourceId == run.DataResourceId && b.Status == BatchStatus.Cleansed && !inScope.Contains(b.Id)).OrderBy(b => b.Id).ToListAsync(ct);
    }

    /// <summary>Item names and sensitivity in the plan's column order.</summary>
    private static async Task<(IReadOnlyList<string> Names, IReadOnlyList<SensitivityKind> Sensitivity)> ColumnsAsync(AppDbContext db, DataBatch batch, QualityPlan plan, CancellationToken ct)
    {
        var items = await BatchService.ItemsOfAsync(db, batch, ct);
        var current = await db.InfoItems.AsNoTracking().Where(i => i.DataResourceId == batch.DataResourceId).Select(i => new { i.Code, i.Name, i.Sensitivity }).ToListAsync(ct);
        return (plan.Codes.Select(c => items.FirstOrDefault(i => i.Code == c).Name ?? current.FirstOrDefault(i => i.Code == c)?.Name ?? c).ToList(),
            plan.Codes.Select(c => items.FirstOrDefault(i => i.Code == c).Sensitivity ?? current.FirstOrDefault(i => i.Code == c)?.Sensitivity ?? SensitivityKind.None).ToList());
    }

    internal static async Task<ExceptionSet> ExceptionsAsync(AppDbContext db, int resourceId, CancellationToken ct) =>
        new((await db.QualityExceptions.AsNoTracking().Where(e => e.DataResourceId == resourceId && e.RevokedUtc == null)
            .Select(e => new { e.RecordId, e.RuleKey }).ToListAsync(ct)).Select(e => (e.RecordId, e.RuleKey)));

    private async Task FailAsync(int runId, Exception ex)
    {
        log.LogError(ex, "Check run {RunId} failed", runId);
        heldKeys.Drop(runId);
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        var run = await db.CheckRuns.SingleAsync(r => r.Id == runId, CancellationToken.None);
        if (run.IsFinished) return;
        run.Fail(ex is InvalidQualityRuleException ? ex.Message : T.Check_UnexpectedFailure, DateTime.UtcNow);
        await db.SaveChangesAsync(CancellationToken.None);
        await PublishAsync(run, CheckRunStatus.Failed, run.ChunksDone, run.ChunkCount, run.RowsChecked);
    }

    private Task PublishAsync(CheckRun run, CheckRunStatus status, int done, int count, long rows) =>
        progress.PublishAsync(new CheckProgressUpdate(run.Id, run.DataResourceId, status, done, count, rows));
}
