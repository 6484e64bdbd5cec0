namespace GovDataConsole.Quality.Expressions;

internal sealed class AndNode(ExpressionNode left, ExpressionNode right) : ExpressionNode
{
    public override bool Evaluate(ReadOnlySpan<string> row) => left.Evaluate(row) && right.Evaluate(row);
}
