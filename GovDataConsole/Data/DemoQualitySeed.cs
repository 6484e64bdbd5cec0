using GovDataConsole.Features.Catalog;
using GovDataConsole.Features.Cleansing;
using GovDataConsole.Features.Collection;
using GovDataConsole.Features.Quality;
using GovDataConsole.Features.Rectification;
using GovDataConsole.Quality;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using P = GovDataConsole.Quality.RuleParameterNames;

namespace GovDataConsole.Data;

/// <summary>
/// Version 1 of the demo resources' quality rules, two sensitivity bindings and a nightly schedule, then real check runs over
/// the demo batches (one per batch in upload order, then resource-wide ones) and two exceptions a steward marked.
/// </summary>
public sealed class DemoQualitySeed(IDbContextFactory<AppDbContext> dbFactory, BatchCleansingJob cleansing, CheckRunQueue queue, QualityCheckJob check,
    WorkOrderService orders, JobStorage storage, IBackgroundJobClient jobs)
{
    private const string Steward = "steward";
    private const string NightlyResource = "330100GAJ/00001";

    private static QualityRule Rule(string key, RuleTemplate template, string[] fields, RuleSeverity severity, decimal weight, decimal threshold,
        string name, Dictionary<string, string>? parameters = null) =>
        new(key, template, fields, parameters ?? RuleTemplateCatalog.Defaults(template), severity, weight, threshold, Name: name);

    private static readonly Dictionary<string, QualityRule[]> Sets = new()
    {
        [NightlyResource] =
        [
            Rule("R1", RuleTemplate.NotBlank, ["XM"], RuleSeverity.Critical, 3, 1, "姓名不能为空"),
            Rule("R2", RuleTemplate.NotBlank, ["XB"], RuleSeverity.Major, 2, 1, "性别不能为空"),
            Rule("R3", RuleTemplate.InDictionary, ["XB"], RuleSeverity.Major, 2, 1, "性别代码符合 GB/T 2261.1"),
            Rule("R4", RuleTemplate.InDictionary, ["MZ"], RuleSeverity.Minor, 1, 2, "民族代码符合 GB/T 3304"),
            Rule("R5", RuleTemplate.BirthDateMatchesId, ["SFZH", "CSRQ"], RuleSeverity.Major, 2, 1, "出生日期与身份证号一致"),
            Rule("R6", RuleTemplate.GenderMatchesId, ["SFZH", "XB"], RuleSeverity.Major, 2, 1, "性别与身份证号一致"),
            Rule("R7", RuleTemplate.Unique, ["SFZH"], RuleSeverity.Critical, 3, 0, "公民身份号码不重复"),
            Rule("R8", RuleTemplate.ReceivedInCycle, [], RuleSeverity.Major, 2, 0, "按更新周期按时报送"),
            Rule("R9", RuleTemplate.RowCountChange, [], RuleSeverity.Minor, 1, 0, "报送量较上期波动不超过 5%", new() { [P.Percent] = "5" }),
        ],
        ["330100SCJ/00001"] =
        [
            Rule("R1", RuleTemplate.CreditCode, ["TYSHXYDM"], RuleSeverity.Critical, 3, 1, "统一社会信用代码符合 GB 32100"),
            Rule("R2", RuleTemplate.NotBlank, ["QYMC"], RuleSeverity.Critical, 3, 1, "企业名称不能为空"),
            Rule("R3", RuleTemplate.NotBlank, ["FDDBR"], RuleSeverity.Major, 2, 1, "法定代表人不能为空"),
            Rule("R4", RuleTemplate.DateRange, ["CLRQ"], RuleSeverity.Major, 2, 1, "成立日期在 1949-10-01 之后",
                new() { [P.Min] = "1949-10-01", [P.Max] = "" }),
            Rule("R5", RuleTemplate.NumberRange, ["ZCZB"], RuleSeverity.Minor, 1, 2, "注册资本为正数", new() { [P.Min] = "0.0001", [P.Max] = "" }),
            Rule("R6", RuleTemplate.InDictionary, ["ZSXZQH"], RuleSeverity.Minor, 1, 2, "住所行政区划代码有效"),
            Rule("R7", RuleTemplate.Unique, ["TYSHXYDM"], RuleSeverity.Critical, 3, 0, "统一社会信用代码不重复"),
        ],
        ["330100RSJ/00001"] =
        [
            Rule("R1", RuleTemplate.NotBlank, ["XM"], RuleSeverity.Critical, 3, 1, "姓名不能为空"),
            Rule("R2", RuleTemplate.DateParsable, ["CBRQ"], RuleSeverity.Major, 2, 1, "参保日期为有效日期"),
            Rule("R3", RuleTemplate.Unique, ["SFZH"], RuleSeverity.Critical, 3, 0, "参保人身份号码不重复"),
        ],
    };

    /// <summary>Applied to every item of the sensitivity kind, in every resource.</summary>
    private static readonly (SensitivityKind Kind, RuleTemplate Template, RuleSeverity Severity, decimal Weight, decimal Threshold)[] Bindings =
    [
        (SensitivityKind.ResidentId, RuleTemplate.ResidentId, RuleSeverity.Critical, 3, 1),
        (SensitivityKind.Mobile, RuleTemplate.Mobile, RuleSeverity.Minor, 1, 3),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.QualityRuleSets.AnyAsync(ct)) return;
        var resources = await db.DataResources.Where(r => Sets.Keys.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Id, ct);

        // Checks read cleansed data: the demo batches are cleansed here, and the jobs their import queued are dropped below.
        var batches = await db.DataBatches.AsNoTracking().Where(b => resources.Values.Contains(b.DataResourceId))
            .OrderBy(b => b.UploadedUtc).ThenBy(b => b.Id).Select(b => new { b.Id, b.DataResourceId }).ToListAsync(ct);
        foreach (var batch in batches) await cleansing.RunAsync(batch.Id, ct);

        var now = DateTime.UtcNow;
        foreach (var (code, rules) in Sets) db.QualityRuleSets.Add(new QualityRuleSet(resources[code], 1, rules, Steward, now));
        var bindings = Bindings.Select(b => new QualityBinding(b.Kind, b.Template)).ToList();
        foreach (var (binding, (_, template, severity, weight, threshold)) in bindings.Zip(Bindings))
            binding.Update(RuleTemplateCatalog.Defaults(template), severity, weight, threshold, true, Steward, now);
        db.QualityBindings.AddRange(bindings);
        // 常住人口: nightly check; both resources send their 严重 problems to the department as work orders by themselves.
        var nightly = new QualitySettings(resources[NightlyResource]);
        nightly.Update("0 2 * * *", AutoOrderMode.CriticalOnly);
        var market = new QualitySettings(resources["330100SCJ/00001"]);
        market.Update(null, AutoOrderMode.CriticalOnly);
        db.QualitySettings.AddRange(nightly, market);
        await db.SaveChangesAsync(ct);

        foreach (var batch in batches) await RunAsync(batch.DataResourceId, batch.Id, CheckTrigger.AfterCleansing, "system", ct);
        var scheduled = await RunAsync(resources[NightlyResource], null, CheckTrigger.Scheduled, "system", ct);
        var manual = await RunAsync(resources["330100SCJ/00001"], null, CheckTrigger.Manual, Steward, ct);

        // A steward's judgement on the first current problem of a rule: (resource, rule key, reason).
        (string Resource, string RuleKey, string Reason)[] exceptions =
        [
            (NightlyResource, bindings[0].KeyFor("SFZH"), "经户籍系统核实，该人员身份号码为早年签发的历史号码，校验码与现行标准不符，暂按例外处理"),
            ("330100SCJ/00001", "R1", "该主体为存量换照过渡期企业，信用代码以登记机关核发证照为准，经核实无误"),
        ];
        foreach (var (code, ruleKey, reason) in exceptions)
        {
            // A full-length code the steward could look up.
            var problem = await db.Problems.Where(p => p.DataResourceId == resources[code] && p.RuleKey == ruleKey && p.RecordId != null && p.Value!.Length == 18
                    && db.DataBatches.Any(b => b.Id == p.BatchId && b.CheckRunId == p.RunId))
                .OrderBy(p => p.BatchId).ThenBy(p => p.RowNumber).FirstOrDefaultAsync(ct);
            if (problem is null) continue;
            db.QualityExceptions.Add(new QualityException(problem, reason, Steward, DateTime.UtcNow));
            problem.SetStatus(ProblemStatus.Exception);
        }
        await db.SaveChangesAsync(ct);
        // What the job server would do after those two runs: dispatch their 严重 problems as work orders (待签收, due by the calendar).
        foreach (var runId in new[] { scheduled, manual }.OfType<int>()) await orders.CreateAutomaticAsync(runId, ct);
        DropQueuedJobs();
    }

    private async Task<int?> RunAsync(int resourceId, int? batchId, CheckTrigger trigger, string by, CancellationToken ct)
    {
        var runId = await queue.QueueAsync(resourceId, batchId, trigger, by, ct);
        if (runId is { } id) await check.RunInlineAsync(id, 1, ct);
        return runId;
    }

    /// <summary>The cleansing, check and automatic-order jobs queued while seeding did their work inline above; the job server must not repeat it.</summary>
    private void DropQueuedJobs()
    {
        var monitoring = storage.GetMonitoringApi();
        foreach (var queued in monitoring.Queues())
            foreach (var (id, job) in monitoring.EnqueuedJobs(queued.Name, 0, int.MaxValue))
                if (job.Job?.Type == typeof(BatchCleansingJob) || job.Job?.Type == typeof(QualityCheckJob) || job.Job?.Type == typeof(WorkOrderService))
                    jobs.Delete(id);
    }
}
