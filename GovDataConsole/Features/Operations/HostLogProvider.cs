using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace GovDataConsole.Features.Operations;

/// <summary>
/// Hangfire's log provider is process-wide: every host that configures Hangfire replaces it with its own logger factory.
/// When several hosts share a process (the test suite) and the last one configured has been stopped, creating a job in
/// another host (its AutomaticRetry filter asks for a logger) would throw ObjectDisposedException. A stopped host's
/// factory yields a silent logger instead, like the per-host JobActivator in <see cref="OperationsSetup"/>.
/// </summary>
public sealed class HostLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    private readonly AspNetCoreLogProvider inner = new(loggerFactory);

    public ILog GetLogger(string name)
    {
        try
        {
            return new Guarded(inner.GetLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    /// <summary>A logger that goes silent once its host's logger factory has been disposed.</summary>
    private sealed class Guarded(ILog log) : ILog
    {
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            try
            {
                return log.Log(logLevel, messageFunc, exception);
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }

    private sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
