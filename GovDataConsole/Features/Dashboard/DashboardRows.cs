using GovDataConsole.Features.Collection;
using GovDataConsole.Features.Rectification;
using GovDataConsole.Quality;

namespace GovDataConsole.Features.Dashboard;

/// <summary>The mean score of the check runs completed in one month (China time); null when none completed.</summary>
public sealed record MonthlyScore(string Month, decimal? Mean, int Runs);

/// <summary>Open orders past due (marked 超期 by the reminder job) of one department.</summary>
public sealed record DepartmentCount(int DepartmentId, string DepartmentName, int Count);

/// <summary>领导驾驶舱: score trend, orders by status, overdue orders by department, ranking excerpt, collection rates.</summary>
public sealed record ManagerView(
    IReadOnlyList<MonthlyScore> Trend, IReadOnlyDictionary<WorkOrderStatus, int> OrdersByStatus, IReadOnlyList<DepartmentCount> OverdueByDepartment,
    RankingExcerpt? Ranking, int RateMonths, DepartmentRate CollectionTotal, IReadOnlyList<DepartmentRate> CollectionRates)
{
    public int OverdueTotal => OverdueByDepartment.Sum(d => d.Count);
}

/// <summary>Open current problems of one resource and severity.</summary>
public sealed record ProblemCell(int ResourceId, string ResourceCode, string ResourceName, string DepartmentName, RuleSeverity Severity, int Count);

/// <summary>
/// 数据管理员驾驶舱: the triage queue (open problems by resource and severity, orders awaiting review, disputes, extension
/// requests) and failed jobs. <see cref="FailedJobs"/> (Hangfire) is given to admins only.
/// </summary>
public sealed record StewardView(
    IReadOnlyList<ProblemCell> NewProblems, int AwaitingReview, int Disputed, int ExtensionRequests, int FailedRuns, int FailedBatches, long? FailedJobs)
{
    public int NewProblemTotal => NewProblems.Sum(p => p.Count);

    public int NewProblemsOf(RuleSeverity severity) => NewProblems.Where(p => p.Severity == severity).Sum(p => p.Count);
}

/// <summary>An open order of the department with its deadline.</summary>
public sealed record OpenOrder(int Id, string Number, string Title, WorkOrderStatus Status, DateOnly? DueDate, bool Overdue);

/// <summary>
/// 部门驾驶舱: collection tasks due this week (待提交, due Monday–Sunday and not yet past) and overdue (缺报, or 待提交 past due),
/// each list the first few (soonest due first) with the count of all,
/// open orders, and the department's score.
/// </summary>
public sealed record StaffView(
    string DepartmentName, DateOnly WeekEnd, int DueThisWeekCount, IReadOnlyList<TaskRow> DueThisWeek, int OverdueCount, IReadOnlyList<TaskRow> Overdue,
    int OpenOrderCount, IReadOnlyList<OpenOrder> OpenOrders, OwnScore? Score);
