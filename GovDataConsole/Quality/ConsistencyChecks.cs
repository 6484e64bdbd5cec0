using GovDataConsole.Cleansing;
using GovDataConsole.Quality.Expressions;

namespace GovDataConsole.Quality;

/// <summary>起止一致: start ≤ end, compared as dates when both read as dates, else as numbers; skipped when either is empty or unreadable.</summary>
public sealed class StartBeforeEndCheck(int startField, int endField, string message) : RowCheck(endField)
{
    public override IReadOnlyList<int> Fields => [startField, Field];

    public override string? Check(ReadOnlySpan<string> row)
    {
        var start = row[startField];
        var end = row[Field];
        if (start.Length == 0 || end.Length == 0) return null;
        if (FlexibleDate.TryParse(start, out var a, out _) && FlexibleDate.TryParse(end, out var b, out _)) return a <= b ? null : message;
        if (FlexibleNumber.TryParse(start, out var x) && FlexibleNumber.TryParse(end, out var y)) return x <= y ? null : message;
        return null;
    }
}

/// <summary>比较表达式: a parsed <see cref="RowExpression"/>; never compiled or evaluated as code.</summary>
public sealed class ExpressionCheck(RowExpression expression, int[] fields, string message) : RowCheck(fields.Length == 0 ? 0 : fields[^1])
{
    public override IReadOnlyList<int> Fields => fields;

    public override string? Check(ReadOnlySpan<string> row) => expression.Evaluate(row) ? null : message;
}
