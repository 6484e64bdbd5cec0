namespace GovDataConsole.Quality.Expressions;

internal sealed class NotNode(ExpressionNode operand) : ExpressionNode
{
    public override bool Evaluate(ReadOnlySpan<string> row) => !operand.Evaluate(row);
}
