namespace GovDataConsole.Quality.Expressions;

/// <summary>
/// Compares two trimmed values (see <see cref="ValueOrder"/>). With an empty side, = and &lt;&gt; compare the text
/// (so <c>x &lt;&gt; ''</c> means "not empty") and the ordered operators pass: blanks are the completeness rules' job.
/// </summary>
internal sealed class ComparisonNode(Operand left, ComparisonOperator op, Operand right) : ExpressionNode
{
    public override bool Evaluate(ReadOnlySpan<string> row)
    {
        var a = left.Read(row);
        var b = right.Read(row);
        if (a.IsEmpty || b.IsEmpty)
            return op switch
            {
                ComparisonOperator.Equal => a.IsEmpty == b.IsEmpty,
                ComparisonOperator.NotEqual => a.IsEmpty != b.IsEmpty,
                _ => true,
            };
        var order = ValueOrder.Compare(a, b);
        return op switch
        {
            ComparisonOperator.Equal => order == 0,
            ComparisonOperator.NotEqual => order != 0,
            ComparisonOperator.Less => order < 0,
            ComparisonOperator.LessOrEqual => order <= 0,
            ComparisonOperator.Greater => order > 0,
            _ => order >= 0,
        };
    }
}
