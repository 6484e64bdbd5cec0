namespace GovDataConsole.Standards.Synthetic;

/// <summary>Picks items in proportion to their weights (binary search over cumulative weights).</summary>
internal sealed class Weighted<T>
{
    private readonly T[] _items;
    private readonly double[] _cumulative;

    public Weighted(IEnumerable<(T Item, double Weight)> items)
    {
        var list = items.Where(i => i.Weight > 0).ToArray();
        _items = list.Select(i => i.Item).ToArray();
        _cumulative = new double[list.Length];
        var total = 0.0;
        for (var i = 0; i < list.Length; i++) _cumulative[i] = total += list[i].Weight;
    }

    public T Next(Random random)
    {
        var index = Array.BinarySearch(_cumulative, random.NextDouble() * _cumulative[^1]);
        return _items[index < 0 ? ~index : index + 1 < _items.Length ? index + 1 : index];
    }
}
