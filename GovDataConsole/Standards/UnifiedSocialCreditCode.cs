namespace GovDataConsole.Standards;

/// <summary>Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters, mod-31 check character.</summary>
public static class UnifiedSocialCreditCode
{
    /// <summary>The 31-character alphabet: digits and upper-case letters without I, O, S, V, Z.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public static bool IsValid(string? code)
    {
        if (code is null || code.Length != 18) return false;
        for (var i = 0; i < 18; i++)
            if (Alphabet.IndexOf(code[i]) < 0) return false;
        return CheckCharacter(code.AsSpan(0, 17)) == code[17];
    }

    /// <summary>The check character for the first 17 characters; throws when one is outside the alphabet.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17) throw new ArgumentException("17 characters expected.", nameof(first17));
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(first17[i]);
            if (value < 0) throw new ArgumentException($"'{first17[i]}' is not in the GB 32100 alphabet.", nameof(first17));
            sum += value * Weights[i];
        }
        return Alphabet[(31 - sum % 31) % 31];
    }
}
