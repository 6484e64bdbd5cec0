using GovDataConsole.Features.Operations;
using Microsoft.Extensions.Logging;
using HangfireLevel = Hangfire.Logging.LogLevel;

namespace GovDataConsole.Tests.Operations;

/// <summary>Hangfire's process-wide log provider must not break job creation once the host that set it has stopped.</summary>
public sealed class HostLogProviderTests
{
    [Fact]
    public void A_stopped_hosts_logger_factory_gives_silent_loggers_instead_of_throwing()
    {
        var factory = LoggerFactory.Create(_ => { });
        var provider = new HostLogProvider(factory);
        var before = provider.GetLogger("Hangfire.AutomaticRetryAttribute");
        factory.Dispose();

        var after = provider.GetLogger("Hangfire.AutomaticRetryAttribute");
        Assert.False(after.Log(HangfireLevel.Warn, () => "重试"));
        before.Log(HangfireLevel.Warn, () => "重试");
    }
}
