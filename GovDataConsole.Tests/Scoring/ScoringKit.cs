using System.Reflection;
using GovDataConsole.Features.Catalog;
using GovDataConsole.Features.Collection;
using GovDataConsole.Features.Organization;
using GovDataConsole.Features.Quality;
using GovDataConsole.Features.Rectification;
using GovDataConsole.Features.Scoring;
using GovDataConsole.Features.Shared;
using GovDataConsole.Quality;
using GovDataConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovDataConsole.Tests.Scoring;

/// <summary>Hand-built scoring inputs written straight through the DbContext: a fresh department with resources, runs, tasks and orders.</summary>
internal static class ScoringKit
{
    private static int sequence = Random.Shared.Next(1000, 9000);

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A moment in China time, as UTC.</summary>
    public static DateTime At(int year, int month, int day, int hour = 10) => ChinaTime.StartOfDayUtc(new DateOnly(year, month, day)).AddHours(hour);

    public static async Task<int> DepartmentAsync(IServiceProvider services)
    {
        var n = Interlocked.Increment(ref sequence);
        await using var db = ActAs.Db(services);
        var department = new Department(new DepartmentForm { Code = $"T{n}KH", Name = $"考核测试局{n}", CreditCode = $"1133010000{n}KHX" });
        db.Departments.Add(department);
        await db.SaveChangesAsync(Ct);
        return department.Id;
    }

    public static async Task<DataResource> ResourceAsync(IServiceProvider services, int departmentId, string name)
    {
        await using var db = ActAs.Db(services);
        var resource = new DataResource(new ResourceForm
        {
            DepartmentId = departmentId, Code = $"KH/{Interlocked.Increment(ref sequence):D5}", Name = name,
            Items = [new() { Code = "MC", Name = "名称", DataType = ItemDataType.String, Length = 50 }],
        });
        db.DataResources.Add(resource);
        await db.SaveChangesAsync(Ct);
        return resource;
    }

    /// <summary>A completed run finished at <paramref name="finishedUtc"/>; <paramref name="failing"/>: rule key → failed rows.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, DataResource resource, decimal score, long rows, DateTime queuedUtc, DateTime finishedUtc,
        params (string Rule, long Failed)[] failing)
    {
        await using var db = ActAs.Db(services);
        var run = new CheckRun(resource.Id, resource.DepartmentId, null, CheckTrigger.Manual, 1, "[]", "steward", queuedUtc);
        run.Complete(rows, failing.Sum(f => f.Failed), score, "{}", finishedUtc);
        db.CheckRuns.Add(run);
        await db.SaveChangesAsync(Ct);
        foreach (var (rule, failed) in failing)
            db.CheckRunRules.Add(new CheckRunRule(run.Id, new RuleOutcome(Rule(rule), rows, failed)));
        await db.SaveChangesAsync(Ct);
        return run.Id;
    }

    public static async Task<int> FailedRunAsync(IServiceProvider services, DataResource resource, DateTime utc)
    {
        await using var db = ActAs.Db(services);
        var run = new CheckRun(resource.Id, resource.DepartmentId, null, CheckTrigger.Manual, 1, "[]", "steward", utc);
        run.Fail("测试失败", utc);
        db.CheckRuns.Add(run);
        await db.SaveChangesAsync(Ct);
        return run.Id;
    }

    /// <summary>A monthly collection task of <paramref name="month"/> (due the 10th of the next month) in the given status.</summary>
    public static async Task<int> TaskAsync(IServiceProvider services, DataResource resource, int year, int month, CollectionTaskStatus status)
    {
        var start = new DateOnly(year, month, 1);
        await using var db = ActAs.Db(services);
        var task = new CollectionTask(resource, new CollectionPeriod(start.ToString("yyyy-MM"), start, start.AddMonths(1).AddDays(-1)), start.AddMonths(1).AddDays(9));
        db.CollectionTasks.Add(task);
        await db.SaveChangesAsync(Ct);
        await db.CollectionTasks.Where(t => t.Id == task.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, status), Ct);
        return task.Id;
    }

    /// <summary>An order on the resource covering <paramref name="rules"/>, dispatched, and (optionally) submitted and closed.</summary>
    public static async Task<int> OrderAsync(IServiceProvider services, DataResource resource, DateTime dispatchedUtc, DateOnly due, DateTime? submittedUtc,
        DateTime? closedUtc, params string[] rules)
    {
        await using var db = ActAs.Db(services);
        var order = new WorkOrder(resource.DepartmentId, resource.Id, 1, "考核测试工单", null, RuleSeverity.Major, rules.Length, "steward", dispatchedUtc);
        order.Dispatched(due, dispatchedUtc);
        order.MoveTo(WorkOrderStatus.InProgress);
        if (submittedUtc is { } submitted) order.Submitted(submitted);
        if (closedUtc is { } closed)
        {
            order.Closed(closed, false);
            order.MoveTo(WorkOrderStatus.Closed);
        }
        db.WorkOrders.Add(order);
        await db.SaveChangesAsync(Ct);
        order.AssignNumber(dispatchedUtc.Year);
        foreach (var rule in rules) db.WorkOrderItems.Add(new WorkOrderItem(order.Id, Problem(resource, rule)));
        await db.SaveChangesAsync(Ct);
        return order.Id;
    }

    public static async Task<int> ComputeAsync(IServiceProvider services, string periodKey, string? reason = null)
    {
        await using var scope = services.CreateAsyncScope();
        var job = scope.ServiceProvider.GetRequiredService<ScoreJob>();
        await job.ComputeAsync(periodKey, reason, "admin", Ct);
        await using var db = ActAs.Db(services);
        return await db.ScoreSheets.Where(s => s.PeriodKey == periodKey).OrderByDescending(s => s.Version).Select(s => s.Id).FirstAsync(Ct);
    }

    public static async Task<T> AsAsync<TService, T>(IServiceProvider services, string user, Func<TService, Task<T>> act) where TService : notnull
    {
        await using var scope = await ActAs.UserAsync(services, user);
        return await act(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public static async Task AsAsync<TService>(IServiceProvider services, string user, Func<TService, Task> act) where TService : notnull
    {
        await using var scope = await ActAs.UserAsync(services, user);
        await act(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private static QualityRule Rule(string key) => new(key, RuleTemplate.NotBlank, ["MC"], new Dictionary<string, string>(), RuleSeverity.Major, 1, 0, Name: $"规则{key}");

    /// <summary>Problems are written in bulk by the check job; an order item only copies one, so a detached instance does.</summary>
    private static Problem Problem(DataResource resource, string rule)
    {
        var problem = (Problem)Activator.CreateInstance(typeof(Problem), nonPublic: true)!;
        foreach (var (name, value) in new (string, object)[] { ("RuleKey", rule), ("RuleName", $"规则{rule}"), ("DataResourceId", resource.Id), ("Message", "为空") })
            typeof(Problem).GetProperty(name, BindingFlags.Public | BindingFlags.Instance)!.SetValue(problem, value);
        return problem;
    }
}
