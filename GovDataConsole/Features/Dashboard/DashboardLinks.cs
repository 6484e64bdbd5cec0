using GovDataConsole.Features.Collection;
using GovDataConsole.Features.Quality;
using GovDataConsole.Features.Rectification;
using GovDataConsole.Quality;

namespace GovDataConsole.Features.Dashboard;

/// <summary>The lists behind the dashboards' numbers, with the filters each number was counted under.</summary>
public static class DashboardLinks
{
    public const string Tasks = "collection/tasks";
    public const string Orders = "rectification/orders";
    public const string Jobs = "hangfire";

    public static string Runs(CheckRunStatus status) => $"quality/runs?status={status}";

    public static string Batches(BatchStatus status) => $"collection/batches?status={status}";

    public static string OpenProblems(int? resourceId = null, RuleSeverity? severity = null) =>
        "quality/problems?status=" + ProblemStatus.Open + (resourceId is int r ? $"&resource={r}" : "") + (severity is { } s ? $"&severity={s}" : "");

    public static string OrdersWith(WorkOrderStatus status) => $"{Orders}?status={status}";

    public static string OverdueOrders(int? departmentId = null) => $"{Orders}?overdue=true" + (departmentId is int d ? $"&department={d}" : "");

    public const string ExtensionRequests = Orders + "?extension=true";

    public static string Order(int id) => $"{Orders}/{id}";
}
