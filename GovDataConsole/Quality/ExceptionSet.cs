namespace GovDataConsole.Quality;

/// <summary>Record × rule pairs marked as exceptions (例外/误报): later runs neither count nor report them.</summary>
public sealed class ExceptionSet(IEnumerable<(long RecordId, string RuleKey)> pairs)
{
    private readonly HashSet<(long, string)> pairs = [.. pairs];

    public int Count => pairs.Count;

    public bool Contains(long recordId, string ruleKey) => pairs.Count > 0 && pairs.Contains((recordId, ruleKey));
}
