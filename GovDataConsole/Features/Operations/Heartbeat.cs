namespace GovDataConsole.Features.Operations;

/// <summary>The last time a node's Hangfire server ran the heartbeat job; /healthz reports it.</summary>
public class Heartbeat
{
    public string Node { get; private set; } = "";
    public DateTime LastBeatUtc { get; private set; }

    private Heartbeat() { }

    public Heartbeat(string node) => Node = node;

    public void Beat(DateTime utcNow) => LastBeatUtc = utcNow;
}
