namespace GovDataConsole.Standards;

/// <summary>
/// Organisation code (组织机构代码), GB 11714-1997: eight digits or upper-case letters and a mod-11 check character
/// (0–9 or X). It forms characters 9–17 of a unified social credit code.
/// </summary>
public static class OrganizationCode
{
    private static readonly int[] Weights = [3, 7, 9, 10, 5, 8, 4, 2];

    public static bool IsValid(ReadOnlySpan<char> code)
    {
        if (code.Length != 9) return false;
        foreach (var c in code[..8])
            if (!char.IsAsciiDigit(c) && !char.IsAsciiLetterUpper(c)) return false;
        return CheckCharacter(code[..8]) == code[8];
    }

    /// <summary>The check character for the first eight characters (digits 0–9, letters A–Z valued 10–35).</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first8)
    {
        if (first8.Length != 8) throw new ArgumentException("8 characters expected.", nameof(first8));
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            var c = first8[i];
            var value = char.IsAsciiDigit(c) ? c - '0'
                : char.IsAsciiLetterUpper(c) ? c - 'A' + 10
                : throw new ArgumentException($"'{c}' is not a digit or upper-case letter.", nameof(first8));
            sum += value * Weights[i];
        }
        return (11 - sum % 11) switch { 10 => 'X', 11 => '0', var check => (char)('0' + check) };
    }
}
