namespace GovDataConsole.Scoring;

/// <summary>
/// The arithmetic of a department's score, free of storage: rates and values are percentages rounded half up to two decimals,
/// points = weight × value ÷ 100, the total adds the recurrence penalty and manual items and is clamped to 0–100.
/// </summary>
public static class ScoreFormula
{
    /// <summary>part ÷ whole as a percentage; <paramref name="empty"/> when there is nothing to divide by.</summary>
    public static decimal Rate(int part, int whole, decimal empty = 100) => whole == 0 ? empty : Round(part * 100m / whole);

    /// <summary>
    /// 数据质量得分: the runs' scores weighted by rows checked (Σ score × rows ÷ Σ rows); the plain mean when no run checked a row;
    /// 100 when there was no run.
    /// </summary>
    public static decimal Quality(IReadOnlyCollection<(decimal Score, long Rows)> runs)
    {
        if (runs.Count == 0) return 100;
        var rows = runs.Sum(r => r.Rows);
        return Round(rows == 0 ? runs.Average(r => r.Score) : runs.Sum(r => r.Score * r.Rows) / rows);
    }

    public static decimal Points(decimal weight, decimal value) => Round(weight * value / 100);

    /// <summary>问题复发扣分: −min(count × points, cap).</summary>
    public static decimal RecurrencePenalty(int recurrences, decimal pointsEach, decimal cap) => -Math.Min(recurrences * pointsEach, cap);

    /// <summary>Bonus items add at most <paramref name="cap"/>, deduction items take at most <paramref name="cap"/>.</summary>
    public static (decimal Bonus, decimal Deduction) Manual(IEnumerable<decimal> points, decimal cap)
    {
        var list = points.ToList();
        return (Math.Min(list.Where(p => p > 0).Sum(), cap), Math.Max(list.Where(p => p < 0).Sum(), -cap));
    }

    public static decimal Total(decimal points) => Math.Clamp(Round(points), 0, 100);

    /// <summary>Two decimals, halves rounded up (四舍五入).</summary>
    public static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    /// <summary>Competition ranking (1, 2, 2, 4): the rank of each total, highest first.</summary>
    public static IReadOnlyList<int> Ranks(IReadOnlyList<decimal> totals) =>
        totals.Select(t => 1 + totals.Count(other => other > t)).ToList();
}
