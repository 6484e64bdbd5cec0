using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GovDataConsole.Features.Operations;

/// <summary>Healthy when the Hangfire storage answers; reports how many job servers are registered.</summary>
public sealed class JobStorageHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            var monitoring = storage.GetMonitoringApi();
            var servers = monitoring.Servers().Count;
            var stats = monitoring.GetStatistics();
            return Task.FromResult(HealthCheckResult.Healthy(
                $"servers={servers}; enqueued={stats.Enqueued}; failed={stats.Failed}",
                new Dictionary<string, object> { ["servers"] = servers, ["enqueued"] = stats.Enqueued, ["failed"] = stats.Failed }));
        }
        catch (Exception ex)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("job storage unreachable", ex));
        }
    }
}
