namespace GovDataConsole.Quality.Expressions;

/// <summary>The row's value at <paramref name="column"/>; null or missing (a short row) reads as empty.</summary>
internal sealed class FieldOperand(int column) : Operand
{
    public override ReadOnlySpan<char> Read(ReadOnlySpan<string> row)
    {
        string? value = column < row.Length ? row[column] : null;
        return value.AsSpan().Trim();
    }
}
