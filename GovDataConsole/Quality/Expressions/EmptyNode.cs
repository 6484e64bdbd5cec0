namespace GovDataConsole.Quality.Expressions;

/// <summary><c>field is empty</c>: blank after trimming (<c>is not empty</c> wraps it in a <see cref="NotNode"/>).</summary>
internal sealed class EmptyNode(Operand operand) : ExpressionNode
{
    public override bool Evaluate(ReadOnlySpan<string> row) => operand.Read(row).IsEmpty;
}
