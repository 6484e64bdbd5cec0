namespace GovDataConsole.Quality.Expressions;

/// <summary>A string or number written in the expression.</summary>
internal sealed class LiteralOperand(string value) : Operand
{
    private readonly string value = value.Trim();

    public override ReadOnlySpan<char> Read(ReadOnlySpan<string> row) => value;
}
