namespace GovDataConsole.Features.Collection;

/// <summary>Collection settings (section "Collection").</summary>
public sealed class CollectionOptions
{
    /// <summary>A task is due this many working days after its period ends.</summary>
    public int GraceWorkingDays { get; set; } = 5;

    /// <summary>Tasks are generated for periods up to this many days back (and never before a resource was published).</summary>
    public int LookbackDays { get; set; } = 120;

    /// <summary>A parse whose heartbeat is older than this is taken to have died with its process.</summary>
    public int StaleAfterSeconds { get; set; } = 120;

    /// <summary>Largest accepted batch file.</summary>
    public long MaxUploadBytes { get; set; } = 200L * 1024 * 1024;
}
