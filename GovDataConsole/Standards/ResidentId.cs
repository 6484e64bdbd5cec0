using System.Diagnostics.CodeAnalysis;
using GovDataConsole.Resources;

namespace GovDataConsole.Standards;

/// <summary>
/// Resident identity numbers (公民身份号码), GB 11643-1999: six-digit division code, yyyyMMdd birth date, three-digit
/// sequence (odd = male), ISO 7064 mod 11-2 check character. Also the 15-digit form (yyMMdd, birth year 19yy).
/// </summary>
public static class ResidentId
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// <summary>Checks the rules in order and reports the first one that fails.</summary>
    public static ResidentIdResult Validate(string? value, ResidentIdRules rules)
    {
        if (string.IsNullOrEmpty(value)) return Fail(ResidentIdFailure.Empty);
        var legacy = value.Length == 15;
        if (value.Length != 18 && !legacy) return Fail(ResidentIdFailure.Length);
        if (legacy && !rules.AllowLegacy) return Fail(ResidentIdFailure.LegacyNotAllowed);

        var digits = legacy ? 15 : 17;
        if (value.AsSpan(0, digits).ContainsAnyExceptInRange('0', '9')) return Fail(ResidentIdFailure.Characters);
        var last = value[^1];
        if (!legacy && !char.IsAsciiDigit(last) && last is not ('X' or 'x')) return Fail(ResidentIdFailure.Characters);
        if (!Divisions.IsProvincePrefix(value.AsSpan(0, 2))) return Fail(ResidentIdFailure.Province);

        var year = legacy ? 1900 + Number(value, 6, 2) : Number(value, 6, 4);
        var dateAt = legacy ? 8 : 10;
        var month = Number(value, dateAt, 2);
        var day = Number(value, dateAt + 2, 2);
        if (year < 1900) return Fail(ResidentIdFailure.BirthDateBefore1900);
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return Fail(ResidentIdFailure.BirthDate);

        var birth = new DateOnly(year, month, day);
        var gender = value[legacy ? 14 : 16] - '0';
        if (birth > rules.Today) return new(ResidentIdFailure.BirthDateInFuture, value, birth, gender);
        if (rules.Divisions is { } divisions && !divisions.Contains(value.AsSpan(0, 6)))
            return new(ResidentIdFailure.Division, value, birth, gender);
        if (!legacy)
        {
            if (CheckCharacter(value.AsSpan(0, 17)) != char.ToUpperInvariant(last))
                return new(ResidentIdFailure.CheckCharacter, value, birth, gender);
            if (last == 'x' && !rules.AllowLowerCaseX) return new(ResidentIdFailure.LowerCaseX, value, birth, gender);
        }
        return new(ResidentIdFailure.None, value, birth, gender);

        ResidentIdResult Fail(ResidentIdFailure failure) => new(failure, value, null, null);
    }

    /// <summary>The check character (0–9 or upper-case X) for the first 17 digits.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17 || first17.ContainsAnyExceptInRange('0', '9'))
            throw new ArgumentException("17 ASCII digits expected.", nameof(first17));
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return CheckCharacters[sum % 11];
    }

    /// <summary>
    /// 15-digit ID → 18 digits: "19" is inserted before the year and the check character (upper-case X) appended.
    /// Fails unless the input is 15 ASCII digits with a real yyMMdd date; province and division are not judged.
    /// </summary>
    public static bool TryUpgradeTo18(ReadOnlySpan<char> legacy, [NotNullWhen(true)] out string? upgraded)
    {
        upgraded = null;
        if (legacy.Length != 15 || legacy.ContainsAnyExceptInRange('0', '9')) return false;
        var month = (legacy[8] - '0') * 10 + legacy[9] - '0';
        var day = (legacy[10] - '0') * 10 + legacy[11] - '0';
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(1900 + (legacy[6] - '0') * 10 + legacy[7] - '0', month))
            return false;
        Span<char> id = stackalloc char[18];
        legacy[..6].CopyTo(id);
        id[6] = '1';
        id[7] = '9';
        legacy[6..].CopyTo(id[8..]);
        id[17] = CheckCharacter(id[..17]);
        upgraded = id.ToString();
        return true;
    }

    /// <inheritdoc cref="TryUpgradeTo18"/>
    /// <exception cref="FormatException">The input is not a 15-digit ID with a real date.</exception>
    public static string UpgradeTo18(string legacy) =>
        TryUpgradeTo18(legacy, out var upgraded) ? upgraded : throw new FormatException($"'{legacy}' is not a 15-digit resident ID.");

    public static string? Describe(ResidentIdFailure failure) => failure switch
    {
        ResidentIdFailure.None => null,
        ResidentIdFailure.Empty => UiText.ResidentId_Empty,
        ResidentIdFailure.Length => UiText.ResidentId_Length,
        ResidentIdFailure.LegacyNotAllowed => UiText.ResidentId_LegacyNotAllowed,
        ResidentIdFailure.Characters => UiText.ResidentId_Characters,
        ResidentIdFailure.Province => UiText.ResidentId_Province,
        ResidentIdFailure.BirthDate => UiText.ResidentId_BirthDate,
        ResidentIdFailure.BirthDateBefore1900 => UiText.ResidentId_BirthDateBefore1900,
        ResidentIdFailure.BirthDateInFuture => UiText.ResidentId_BirthDateInFuture,
        ResidentIdFailure.Division => UiText.ResidentId_Division,
        ResidentIdFailure.CheckCharacter => UiText.ResidentId_CheckCharacter,
        ResidentIdFailure.LowerCaseX => UiText.ResidentId_LowerCaseX,
        _ => throw new ArgumentOutOfRangeException(nameof(failure)),
    };

    private static int Number(string value, int start, int length)
    {
        var n = 0;
        for (var i = start; i < start + length; i++) n = n * 10 + value[i] - '0';
        return n;
    }
}
