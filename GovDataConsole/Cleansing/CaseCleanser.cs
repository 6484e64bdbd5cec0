namespace GovDataConsole.Cleansing;

/// <summary>Upper or lower case, invariant culture.</summary>
internal sealed class CaseCleanser(bool upper) : Cleanser
{
    public static readonly CaseCleanser Upper = new(true);
    public static readonly CaseCleanser Lower = new(false);

    public override string Clean(string value)
    {
        Span<char> buffer = value.Length <= 256 ? stackalloc char[value.Length] : new char[value.Length];
        if (upper) value.AsSpan().ToUpperInvariant(buffer);
        else value.AsSpan().ToLowerInvariant(buffer);
        return buffer.SequenceEqual(value) ? value : new string(buffer);
    }
}
