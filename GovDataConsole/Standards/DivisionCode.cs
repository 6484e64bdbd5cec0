using GovDataConsole.Resources;

namespace GovDataConsole.Standards;

public enum DivisionCodeFailure { None, Empty, Format, Province, Unknown }

/// <summary>Six-digit GB/T 2260 administrative division codes.</summary>
public static class DivisionCode
{
    /// <summary>
    /// Six ASCII digits with a province-level prefix; with <paramref name="requireKnown"/> the code must also be in
    /// <see cref="Divisions.Known"/> (all of Zhejiang, province level elsewhere).
    /// </summary>
    public static DivisionCodeFailure Validate(ReadOnlySpan<char> code, bool requireKnown = false)
    {
        if (code.IsEmpty) return DivisionCodeFailure.Empty;
        if (code.Length != 6 || code.ContainsAnyExceptInRange('0', '9')) return DivisionCodeFailure.Format;
        if (!Divisions.IsProvincePrefix(code[..2])) return DivisionCodeFailure.Province;
        if (requireKnown && !Divisions.Known.Contains(code)) return DivisionCodeFailure.Unknown;
        return DivisionCodeFailure.None;
    }

    public static string? Describe(DivisionCodeFailure failure) => failure switch
    {
        DivisionCodeFailure.None => null,
        DivisionCodeFailure.Empty => UiText.DivisionCode_Empty,
        DivisionCodeFailure.Format => UiText.DivisionCode_Format,
        DivisionCodeFailure.Province => UiText.DivisionCode_Province,
        DivisionCodeFailure.Unknown => UiText.DivisionCode_Unknown,
        _ => throw new ArgumentOutOfRangeException(nameof(failure)),
    };
}
