namespace GovDataConsole.Quality.Expressions;

/// <summary>A condition of a parsed rule expression; immutable, so one tree serves every thread.</summary>
internal abstract class ExpressionNode
{
    /// <summary>Whether the row passes; never throws.</summary>
    public abstract bool Evaluate(ReadOnlySpan<string> row);
}
