namespace GovDataConsole.Features.Catalog;

/// <summary>The content of one version of a resource (the last state it had under that number).</summary>
public class DataResourceVersion
{
    public int Id { get; private set; }
    public int DataResourceId { get; private set; }
    public int Version { get; private set; }
    public string SnapshotJson { get; private set; } = "";
    public string ChangedBy { get; private set; } = "";
    public DateTime ChangedUtc { get; private set; }
    public string? Note { get; private set; }

    private DataResourceVersion() { }

    public DataResourceVersion(int dataResourceId, int version) => (DataResourceId, Version) = (dataResourceId, version);

    public void Record(ResourceSnapshot snapshot, string changedBy, string? note)
    {
        SnapshotJson = snapshot.ToJson();
        ChangedBy = changedBy;
        ChangedUtc = DateTime.UtcNow;
        Note = note;
    }
}
