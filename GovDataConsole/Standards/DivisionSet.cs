using System.Collections.Frozen;

namespace GovDataConsole.Standards;

/// <summary>A set of six-digit division codes that can be probed with a span (no substring allocation).</summary>
public sealed class DivisionSet
{
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public DivisionSet(IEnumerable<string> codes) =>
        _lookup = codes.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    public int Count => _lookup.Set.Count;

    public bool Contains(ReadOnlySpan<char> code) => _lookup.Contains(code);
}
