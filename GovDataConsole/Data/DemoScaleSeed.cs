using System.Data.Common;
using GovDataConsole.Features.Calendar;
using GovDataConsole.Features.Catalog;
using GovDataConsole.Features.Collection;
using GovDataConsole.Features.Organization;
using GovDataConsole.Features.Quality;
using GovDataConsole.Features.Rectification;
using GovDataConsole.Features.Shared;
using GovDataConsole.Quality;
using GovDataConsole.Standards;
using GovDataConsole.Standards.Synthetic;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Data;

/// <summary>
/// <c>seed-demo --scale</c>: on top of the base demo, county bureaus with a staff account each, their published monthly
/// resources (items, version, quality rules), and months of history — tasks on time, late and missing, a batch and a
/// completed check run per hand-in with per-rule results, dimension scores and the failing rows as problems (the batch's
/// current ones), and orders for some runs' 严重 problems in every state with their rows and timelines. The catalog goes
/// through the entities; the history is written table by table with prepared inserts (<see cref="TableInsert"/>), all in
/// one transaction. Batches keep their counts but not their rows (nothing the dashboards or scores read), so their
/// problems carry row numbers and values without a record. Afterwards the base demo's published months are scored
/// again (a new version each), so rankings cover every department. Refuses a database that is not the demo or is
/// already scaled.
/// </summary>
public sealed class DemoScaleSeed(AppDbContext db, UserManager<AppUser> users, DatabaseOptions options, CalendarService calendar,
    CollectionOptions collection, RectificationOptions rectification, DemoScoringSeed scoring, TimeProvider clock)
{
    public const string Rescored = "加入规模演示数据后重算";
    private const string Steward = "steward";

    private sealed record Candidate(string Code, string Name, string CountyCode, DemoScaleNames.Bureau Bureau);

    public async Task<DemoScaleCounts> SeedAsync(DemoScale scale, Action<string> progress, CancellationToken ct)
    {
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(ChinaTime.FromUtc(nowUtc));
        var firstMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-scale.Months);
        var random = new Random(20_261_127);
        var city = await db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Code == DemoSeed.CityCode, ct)
            ?? throw new BusinessRuleException(T.Cli_SeedNotDemo);
        if (await IsScaledAsync(ct)) throw new BusinessRuleException(T.Cli_SeedAlreadyScaled);
        var taken = (await db.Departments.Select(d => d.Name).ToListAsync(ct)).ToHashSet();
        var chosen = Candidates.Where(c => !taken.Contains(c.Name)).Take(scale.Departments).ToList();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        progress(string.Format(T.Cli_SeedCatalog, chosen.Count, scale.Resources));
        var departments = await DepartmentsAsync(chosen, city.Id, random, ct);
        var staff = await AccountsAsync(departments, random, ct);
        var resources = await ResourcesAsync(departments, staff, scale, firstMonth, random, ct);

        var days = await calendar.LoadAsync(firstMonth.AddDays(-10), today.AddDays(60), ct);
        var connection = db.Database.GetDbConnection();
        var transaction = tx.GetDbTransaction();
        var start = new DemoScalePlan.Ids(await NextIdAsync(connection, transaction, "CollectionTasks", ct), await NextIdAsync(connection, transaction, "DataBatches", ct),
            await NextIdAsync(connection, transaction, "CheckRuns", ct), await NextIdAsync(connection, transaction, "WorkOrders", ct));
        var tasks = DemoScalePlan.Build(resources, firstMonth, today, nowUtc, days, collection.GraceWorkingDays, start, random);
        var runs = tasks.Select(t => t.Run).OfType<PlannedRun>().ToList();

        progress(string.Format(T.Cli_SeedTasks, tasks.Count, runs.Count));
        await TasksAsync(connection, transaction, tasks, ct);
        await BatchesAsync(connection, transaction, tasks, ct);
        await RunsAsync(connection, transaction, runs, ct);
        progress(string.Format(T.Cli_SeedProblems, runs.Sum(r => r.ProblemCount)));
        var (ruleResults, problems) = await ProblemsAsync(connection, transaction, runs, random, ct);
        var ordered = runs.Where(r => r.Order is not null).ToList();
        progress(string.Format(T.Cli_SeedOrders, ordered.Count));
        var (items, events) = await OrdersAsync(connection, transaction, ordered, days, nowUtc, random, ct);
        await tx.CommitAsync(ct);

        progress(string.Format(T.Cli_SeedScores, DemoScoringSeed.Months));
        var rescored = await scoring.SeedAsync(Rescored, ct);
        return new DemoScaleCounts(departments.Count, staff.Count, resources.Count, resources.Sum(r => r.Shape.Items.Count), tasks.Count, runs.Count, runs.Count,
            ruleResults, problems, ordered.Sum(r => (long)r.Items.Count), ordered.Count, items, events,
            tasks.GroupBy(t => t.Status).ToDictionary(g => EnumLabels.Of(g.Key), g => g.Count()),
            ordered.GroupBy(r => r.Order!.Status).ToDictionary(g => EnumLabels.Of(g.Key), g => g.Count()), rescored);
    }

    /// <summary>Whether the scaled demo is in the database: any of its department codes is.</summary>
    public async Task<bool> IsScaledAsync(CancellationToken ct)
    {
        var codes = Candidates.Select(c => c.Code).ToList();
        return await db.Departments.AnyAsync(d => codes.Contains(d.Code), ct);
    }

    /// <summary>Every county of Zhejiang (Hangzhou's first) × every bureau, in that order.</summary>
    private static readonly IReadOnlyList<Candidate> Candidates =
    [
        .. from county in Divisions.ZhejiangCounties
           let cityName = Divisions.Find(county.ParentCode)!.Name
           from bureau in DemoScaleNames.Bureaus
           select new Candidate(county.Code + bureau.Abbreviation, bureau.NameIn(cityName, county.Name), county.Code, bureau),
    ];

    private async Task<List<(Department Department, DemoScaleNames.Bureau Bureau, double Quality)>> DepartmentsAsync(
        List<Candidate> chosen, int parentId, Random random, CancellationToken ct)
    {
        var departments = chosen.Select((c, i) =>
        {
            var orgCode = $"MB{2_000_000 + i:D7}";
            var body = $"11{c.CountyCode}{orgCode}";
            var (surname, _) = ChineseNames.NextSurname(random);
            return (new Department(new DepartmentForm
            {
                Code = c.Code, Name = c.Name, CreditCode = body + UnifiedSocialCreditCode.CheckCharacter(body), ParentId = parentId,
                ContactPerson = surname + ChineseNames.NextGivenName(random, random.Next(2) == 0), ContactPhone = MobileNumbers.Next(random),
            }), c.Bureau, random.NextDouble());
        }).ToList();
        db.Departments.AddRange(departments.Select(d => d.Item1));
        await db.SaveChangesAsync(ct);
        return departments;
    }

    /// <summary>One staff account per department, user name = department code in lower case, the demo password (hashed once).</summary>
    private async Task<Dictionary<int, string>> AccountsAsync(List<(Department Department, DemoScaleNames.Bureau Bureau, double Quality)> departments,
        Random random, CancellationToken ct)
    {
        var hash = users.PasswordHasher.HashPassword(new AppUser(), DemoSeed.Password);
        var staff = new Dictionary<int, string>();
        foreach (var (department, _, _) in departments)
        {
            var (surname, _) = ChineseNames.NextSurname(random);
            var user = new AppUser
            {
                UserName = department.Code.ToLowerInvariant(), DisplayName = surname + ChineseNames.NextGivenName(random, random.Next(2) == 0),
                Email = $"{department.Code.ToLowerInvariant()}@example.gov.cn", EmailConfirmed = true, DepartmentId = department.Id, PasswordHash = hash,
            };
            Check(await users.CreateAsync(user));
            Check(await users.AddToRoleAsync(user, Roles.DepartmentStaff));
            staff[department.Id] = user.UserName;
        }
        ct.ThrowIfCancellationRequested();
        return staff;
    }

    /// <summary>
    /// The departments' published monthly resources, spread evenly, with an information system each department, version 1
    /// recorded and version 1 of the quality rules. Failure rates fall with the department's quality.
    /// </summary>
    private async Task<List<ScaledResource>> ResourcesAsync(List<(Department Department, DemoScaleNames.Bureau Bureau, double Quality)> departments,
        Dictionary<int, string> staff, DemoScale scale, DateOnly firstMonth, Random random, CancellationToken ct)
    {
        var systems = departments.Select(d => new InformationSystem(d.Department.Id, d.Bureau.SystemName, null)).ToList();
        db.InformationSystems.AddRange(systems);
        await db.SaveChangesAsync(ct);
        var lookups = await CatalogLookups.LoadAsync(db, ct);
        var gender = await db.CodeDictionaries.Where(d => d.Code == StandardDictionaries.Gender).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);
        var published = ChinaTime.StartOfDayUtc(firstMonth.AddDays(-10)).AddHours(2);

        var added = new List<(DataResource Resource, ResourceForm Form, int Department, DemoScaleCatalog.Shape Shape)>();
        for (var d = 0; d < departments.Count; d++)
        {
            var (department, bureau, _) = departments[d];
            var count = scale.Resources * (d + 1) / departments.Count - scale.Resources * d / departments.Count;
            for (var k = 0; k < count; k++)
            {
                var (subject, name) = DemoScaleNames.Resource(bureau.Resources[k % bureau.Resources.Length]);
                var shape = DemoScaleCatalog.Shapes[subject];
                var person = subject == DemoScaleNames.Subject.Person;
                var form = new ResourceForm
                {
                    Code = $"{department.Code}/{k + 1:D5}", Name = k < bureau.Resources.Length ? name : $"{name}（{k / bureau.Resources.Length + 1}）",
                    DepartmentId = department.Id, InformationSystemId = systems[d].Id, UpdateCycle = UpdateCycle.Monthly,
                    ShareType = person ? ShareType.Conditional : ShareType.Unconditional, ShareCondition = person ? "仅限政务部门履职使用" : null,
                    OpenType = person ? OpenType.NotOpen : subject == DemoScaleNames.Subject.Entity ? OpenType.Unconditional : OpenType.Conditional,
                    SensitivityGrade = person ? SensitivityGrade.Important : SensitivityGrade.General,
                    Items = shape.Items.Select(i => i.Form(gender)).ToList(),
                };
                var resource = new DataResource(form);
                resource.Publish(published);
                added.Add((resource, form, d, shape));
            }
        }
        db.DataResources.AddRange(added.Select(a => a.Resource));
        await db.SaveChangesAsync(ct);

        var scaled = new List<ScaledResource>();
        foreach (var (resource, form, d, shape) in added)
        {
            var version = new DataResourceVersion(resource.Id, resource.Version);
            version.Record(ResourceSnapshot.Of(form, lookups), "system", EnumLabels.Of(ResourceStatus.Published));
            db.DataResourceVersions.Add(version);
            var rules = shape.Rules.Select(r => r.Definition).ToList();
            db.QualityRuleSets.Add(new QualityRuleSet(resource.Id, 1, rules, Steward, published.AddDays(1)));
            var (department, _, quality) = departments[d];
            var usual = 0.0003 + 0.012 * Math.Pow(1 - quality, 2);
            var rates = shape.Rules.Select(r => usual * (0.3 + random.NextDouble() * 1.4) / (r.Definition.Template == RuleTemplate.Unique ? 4 : 1)).ToArray();
            scaled.Add(new ScaledResource(resource.Id, department.Id, department.Name, department.ContactPerson, resource.Name, shape, QualityRule.ToJson(rules),
                staff[department.Id], quality, (int)Math.Exp(Math.Log(100) + random.NextDouble() * Math.Log(15)), rates, random.NextDouble() < 0.3));
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return scaled;
    }

    private async Task<int> NextIdAsync(DbConnection connection, DbTransaction tx, string table, CancellationToken ct)
    {
        await using var command = BulkCommand.Create(connection, tx, $"SELECT COALESCE(MAX(Id), 0) + 1 FROM {table}");
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct));
    }

    private Task<TableInsert> OpenAsync(DbConnection connection, DbTransaction tx, string table, bool explicitIds, CancellationToken ct, params string[] columns) =>
        TableInsert.OpenAsync(connection, tx, options.IsSqlServer, table, explicitIds, ct, columns);

    private async Task TasksAsync(DbConnection connection, DbTransaction tx, List<PlannedTask> tasks, CancellationToken ct)
    {
        await using var insert = await OpenAsync(connection, tx, "CollectionTasks", true, ct,
            "Id", "DataResourceId", "DepartmentId", "PeriodKey", "PeriodStart", "PeriodEnd", "DueDate", "Status", "SubmittedUtc", "BatchId");
        foreach (var t in tasks)
            await insert.AddAsync(ct, t.Id, t.Resource.Id, t.Resource.DepartmentId, t.Period.Key, t.Period.Start, t.Period.End, t.Due, t.Status,
                t.Run?.UploadedUtc, t.Run?.BatchId);
    }

    /// <summary>The handed-in tasks' batches: imported and cleansed (no cleansing rules), checked by their run; the file is not kept.</summary>
    private async Task BatchesAsync(DbConnection connection, DbTransaction tx, List<PlannedTask> tasks, CancellationToken ct)
    {
        await using var insert = await OpenAsync(connection, tx, "DataBatches", true, ct,
            "Id", "DataResourceId", "DepartmentId", "TaskId", "PeriodKey", "FileName", "StoredFile", "FileHash", "FileSize", "Format", "MappingJson",
            "ResourceVersion", "Status", "FailureReason", "Encoding", "RowsRead", "RowsAccepted", "RowsRejected", "Attempts", "UploadedBy", "UploadedUtc",
            "StartedUtc", "HeartbeatUtc", "FinishedUtc", "CleansedVersion", "CleansedUtc", "CheckRunId");
        foreach (var t in tasks)
        {
            if (t.Run is not { } r) continue;
            var cleansed = r.UploadedUtc.AddSeconds(45);
            var csv = r.Format == BatchFormat.Csv;
            await insert.AddAsync(ct, r.BatchId, r.Resource.Id, r.Resource.DepartmentId, t.Id, t.Period.Key, $"{r.Resource.Name}_{t.Period.Key}.{(csv ? "csv" : "xlsx")}",
                "", r.FileHash, r.Read * (csv ? 160L : 90L), r.Format, null, 1, BatchStatus.Cleansed, null, csv ? "UTF-8" : null, r.Read, r.Accepted, r.Rejected, 1,
                r.Resource.Staff, r.UploadedUtc, r.UploadedUtc.AddSeconds(2), cleansed, r.UploadedUtc.AddSeconds(30), 0, cleansed, r.Id);
        }
    }

    private async Task RunsAsync(DbConnection connection, DbTransaction tx, List<PlannedRun> runs, CancellationToken ct)
    {
        await using var insert = await OpenAsync(connection, tx, "CheckRuns", true, ct,
            "Id", "DataResourceId", "DepartmentId", "BatchId", "Trigger", "Status", "RuleSetVersion", "RulesJson", "ChunkCount", "ChunksDone", "RowsChecked",
            "ProblemCount", "Score", "DimensionScoresJson", "RequestedBy", "QueuedUtc", "StartedUtc", "FinishedUtc", "HeartbeatUtc", "FailureReason");
        foreach (var r in runs)
            await insert.AddAsync(ct, r.Id, r.Resource.Id, r.Resource.DepartmentId, r.BatchId, CheckTrigger.AfterCleansing, CheckRunStatus.Completed, 1,
                r.Resource.RulesJson, 1, 1, (long)r.Accepted, r.ProblemCount, r.Score, r.DimensionScoresJson, WorkOrderService.System.UserName, r.QueuedUtc,
                r.QueuedUtc.AddSeconds(1), r.FinishedUtc, r.FinishedUtc, null);
    }

    /// <summary>Each run's per-rule results and its failing rows; the 严重 rows of ordered runs are kept for the orders (handed over).</summary>
    private async Task<(long RuleResults, long Problems)> ProblemsAsync(DbConnection connection, DbTransaction tx, List<PlannedRun> runs, Random random,
        CancellationToken ct)
    {
        await using var rules = await OpenAsync(connection, tx, "CheckRunRules", false, ct,
            "RunId", "RuleKey", "RuleName", "Template", "Dimension", "Severity", "Weight", "Threshold", "Checked", "Failed", "FailureRate", "Passed");
        await using var problems = await OpenAsync(connection, tx, "Problems", true, ct,
            "Id", "RunId", "ChunkId", "DataResourceId", "DepartmentId", "BatchId", "RecordId", "RowNumber", "RuleKey", "RuleName", "Dimension", "Severity",
            "ItemCode", "ItemName", "Sensitivity", "Value", "Message", "Status", "FoundUtc");
        var id = await NextIdAsync(connection, tx, "Problems", ct);
        long next = id;
        foreach (var run in runs)
        {
            var shape = run.Resource.Shape;
            for (var i = 0; i < shape.Rules.Count; i++)
            {
                var rule = shape.Rules[i];
                var outcome = new RuleOutcome(rule.Definition, run.Checked(rule), run.Failed[i]);
                await rules.AddAsync(ct, run.Id, rule.Definition.Key, rule.Definition.DisplayName, rule.Definition.Template, rule.Definition.Dimension,
                    rule.Definition.Severity, rule.Definition.Weight, rule.Definition.Threshold, outcome.Checked, outcome.Failed, outcome.FailureRate, outcome.Passed);
                var handedOver = run.Order is not null && rule.Definition.Severity == RuleSeverity.Critical;
                if (rule.Item is not { } item)
                {
                    // The batch-level rule: the engine's own message for a late batch, no row or field.
                    var facts = new BatchFacts(run.BatchId, DateOnly.FromDateTime(ChinaTime.FromUtc(run.UploadedUtc)), run.Due, run.Accepted, null);
                    if (run.Failed[i] > 0 && BatchChecks.Check(rule.Definition, facts) is { } late)
                        await problems.AddAsync(ct, next++, run.Id, null, run.Resource.Id, run.Resource.DepartmentId, run.BatchId, null, null, rule.Definition.Key,
                            rule.Definition.DisplayName, rule.Definition.Dimension, rule.Definition.Severity, null, null, SensitivityKind.None, null, late,
                            ProblemStatus.Open, run.FinishedUtc);
                    continue;
                }
                for (var f = 0; f < run.Failed[i]; f++)
                {
                    var row = random.Next(2, run.Read + 2);
                    var (value, message) = DemoScaleCatalog.Failure(rule, row, random);
                    await problems.AddAsync(ct, next, run.Id, null, run.Resource.Id, run.Resource.DepartmentId, run.BatchId, null, row, rule.Definition.Key,
                        rule.Definition.DisplayName, rule.Definition.Dimension, rule.Definition.Severity, item.Code, item.Name, item.Sensitivity,
                        value, message, handedOver ? ProblemStatus.HandedOver : ProblemStatus.Open, run.FinishedUtc);
                    if (handedOver) run.Items.Add(new PlannedItem(next, row, rule, value, message));
                    next++;
                }
            }
        }
        return (rules.Rows, problems.Rows);
    }

    /// <summary>The orders with their rows (in row order) and timelines, each played up to now.</summary>
    private async Task<(long Items, long Events)> OrdersAsync(DbConnection connection, DbTransaction tx, List<PlannedRun> runs,
        Calendar.WorkingCalendar days, DateTime nowUtc, Random random, CancellationToken ct)
    {
        var dueDays = rectification.DueDaysFor(RuleSeverity.Critical);
        await using (var orders = await OpenAsync(connection, tx, "WorkOrders", true, ct,
            "Id", "Number", "Title", "Description", "DepartmentId", "DataResourceId", "RuleSetVersion", "Severity", "Status", "StatusBeforeDispute",
            "ProblemCount", "OpenCount", "DueDate", "ExtensionRequestedDate", "ExtensionReason", "OverdueSince", "LastRemindedOn", "EscalatedUtc",
            "ReworkRounds", "DisputeUpheld", "CreatedBy", "CreatedUtc", "DispatchedUtc", "SignedUtc", "SubmittedUtc", "ClosedUtc", "ConcurrencyStamp"))
        {
            foreach (var run in runs)
            {
                var o = run.Order!;
                var title = string.Format(T.WorkOrder_DefaultTitle, run.Resource.Name, run.Items.Count);
                o.Live(random, days, dueDays, rectification.EscalateAfterOverdueWorkingDays, 0.5 + 0.45 * run.Resource.Quality, run.Resource.Staff, Steward,
                    title, run.Resource.DepartmentName, run.Resource.Contact, nowUtc);
                run.Items.Sort((a, b) => a.Row.CompareTo(b.Row));
                var open = o.Status == WorkOrderStatus.ClosedAsException ? 0 : run.Items.Count - FixedRows(run);
                await orders.AddAsync(ct, o.Id, $"ZG-{ChinaTime.FromUtc(o.CreatedUtc).Year}-{o.Id:D6}", title,
                    string.Join("；", run.Items.GroupBy(i => i.Rule.Definition.DisplayName).Select(g => $"{g.Key} {g.Count()} 条")),
                    run.Resource.DepartmentId, run.Resource.Id, 1, RuleSeverity.Critical, o.Status, o.StatusBeforeDispute, run.Items.Count, open, o.DueDate,
                    o.ExtensionRequestedDate, o.ExtensionReason, o.OverdueSince, o.LastRemindedOn, o.EscalatedUtc, o.ReworkRounds, o.DisputeUpheld,
                    run.Resource.AutoOrders ? WorkOrderService.System.UserName : Steward, o.CreatedUtc, o.DispatchedUtc, o.SignedUtc, o.SubmittedUtc, o.ClosedUtc,
                    Guid.NewGuid());
            }
        }

        await using var items = await OpenAsync(connection, tx, "WorkOrderItems", false, ct,
            "OrderId", "ProblemId", "BatchId", "RecordId", "RowNumber", "RuleKey", "RuleName", "Severity", "ItemCode", "ItemName", "Sensitivity", "Value",
            "Message", "State", "Explanation", "FixedUtc");
        await using var events = await OpenAsync(connection, tx, "WorkOrderEvents", false, ct,
            "OrderId", "Kind", "FromStatus", "ToStatus", "Actor", "Comment", "AttachmentName", "AttachmentPath", "AtUtc");
        foreach (var run in runs)
        {
            var o = run.Order!;
            var fixedRows = FixedRows(run);
            for (var i = 0; i < run.Items.Count; i++)
            {
                var item = run.Items[i];
                var state = o.Status == WorkOrderStatus.ClosedAsException ? WorkOrderItemState.Excepted
                    : i < fixedRows ? WorkOrderItemState.Fixed : WorkOrderItemState.Open;
                await items.AddAsync(ct, o.Id, item.ProblemId, run.BatchId, null, item.Row, item.Rule.Definition.Key, item.Rule.Definition.DisplayName,
                    item.Rule.Definition.Severity, item.Rule.Item!.Code, item.Rule.Item.Name, item.Rule.Item.Sensitivity, item.Value, item.Message, state, null,
                    state == WorkOrderItemState.Fixed ? o.FixedUtc : null);
            }
            foreach (var e in o.Events)
                await events.AddAsync(ct, o.Id, e.Kind, e.From, e.To, e.Actor, e.Comment, null, null, e.AtUtc);
        }
        return (items.Rows, events.Rows);
    }

    /// <summary>The order's first rows (in row order) are the fixed ones; an upheld dispute excepts them all instead.</summary>
    private static int FixedRows(PlannedRun run) =>
        run.Order!.Status == WorkOrderStatus.ClosedAsException ? 0 : (int)Math.Round(run.Items.Count * run.Order.FixedShare);

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException("Scaled demo accounts failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
