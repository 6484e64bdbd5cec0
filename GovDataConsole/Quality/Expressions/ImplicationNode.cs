namespace GovDataConsole.Quality.Expressions;

/// <summary><c>premise =&gt; conclusion</c>: a row whose premise is false passes.</summary>
internal sealed class ImplicationNode(ExpressionNode premise, ExpressionNode conclusion) : ExpressionNode
{
    public override bool Evaluate(ReadOnlySpan<string> row) => !premise.Evaluate(row) || conclusion.Evaluate(row);
}
