using GovDataConsole.Resources;

namespace GovDataConsole.Standards;

public enum UnifiedSocialCreditCodeFailure { None, Empty, Length, Characters, Division, CheckCharacter }

/// <summary>
/// Unified social credit code (统一社会信用代码), GB 32100-2015: registration authority (1), entity type (1),
/// division code (6 digits), GB 11714 organisation code (9), mod-31 check character (1).
/// </summary>
public static class UnifiedSocialCreditCode
{
    /// <summary>The 31-character alphabet: digits and upper-case letters without I, O, S, V, Z.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>Each ASCII character's value in <see cref="Alphabet"/>, -1 when it is not in it (a table: this runs per row).</summary>
    private static readonly sbyte[] Values = BuildValues();

    private static sbyte[] BuildValues()
    {
        var values = new sbyte[128];
        Array.Fill(values, (sbyte)-1);
        for (var i = 0; i < Alphabet.Length; i++) values[Alphabet[i]] = (sbyte)i;
        return values;
    }

    private static int ValueOf(char c) => c < 128 ? Values[c] : -1;

    public static bool IsValid(string? code) => Validate(code) == UnifiedSocialCreditCodeFailure.None;

    /// <summary>Checks the rules in order and reports the first one that fails. Lower-case letters are not accepted.</summary>
    public static UnifiedSocialCreditCodeFailure Validate(ReadOnlySpan<char> code)
    {
        if (code.IsEmpty) return UnifiedSocialCreditCodeFailure.Empty;
        if (code.Length != 18) return UnifiedSocialCreditCodeFailure.Length;
        foreach (var c in code)
            if (ValueOf(c) < 0) return UnifiedSocialCreditCodeFailure.Characters;
        if (code[2..8].ContainsAnyExceptInRange('0', '9')) return UnifiedSocialCreditCodeFailure.Division;
        return CheckCharacter(code[..17]) == code[17] ? UnifiedSocialCreditCodeFailure.None : UnifiedSocialCreditCodeFailure.CheckCharacter;
    }

    /// <summary>The check character for the first 17 characters; throws when one is outside the alphabet.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17) throw new ArgumentException("17 characters expected.", nameof(first17));
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = ValueOf(first17[i]);
            if (value < 0) throw new ArgumentException($"'{first17[i]}' is not in the GB 32100 alphabet.", nameof(first17));
            sum += value * Weights[i];
        }
        return Alphabet[(31 - sum % 31) % 31];
    }

    public static string? Describe(UnifiedSocialCreditCodeFailure failure) => failure switch
    {
        UnifiedSocialCreditCodeFailure.None => null,
        UnifiedSocialCreditCodeFailure.Empty => UiText.CreditCode_Empty,
        UnifiedSocialCreditCodeFailure.Length => UiText.CreditCode_Length,
        UnifiedSocialCreditCodeFailure.Characters => UiText.CreditCode_Characters,
        UnifiedSocialCreditCodeFailure.Division => UiText.CreditCode_Division,
        UnifiedSocialCreditCodeFailure.CheckCharacter => UiText.CreditCode_CheckCharacter,
        _ => throw new ArgumentOutOfRangeException(nameof(failure)),
    };
}
