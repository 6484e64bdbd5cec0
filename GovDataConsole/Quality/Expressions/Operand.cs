namespace GovDataConsole.Quality.Expressions;

/// <summary>A value compared by a condition: a row's field or a literal.</summary>
internal abstract class Operand
{
    /// <summary>The value, trimmed; empty for a blank or missing field.</summary>
    public abstract ReadOnlySpan<char> Read(ReadOnlySpan<string> row);
}
