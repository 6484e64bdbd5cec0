using System.Text.RegularExpressions;

namespace GovDataConsole.Standards;

/// <summary>Mainland China mobile numbers (11 digits starting 13–19) and fixed-line numbers with area code.</summary>
public static partial class PhoneNumber
{
    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex MobilePattern();

    [GeneratedRegex(@"^0\d{2,3}-?\d{7,8}(-\d{1,6})?$")]
    private static partial Regex LandlinePattern();

    public static bool IsMobile(string? value) => value is not null && MobilePattern().IsMatch(value);

    public static bool IsMobileOrLandline(string? value) =>
        value is not null && (MobilePattern().IsMatch(value) || LandlinePattern().IsMatch(value));
}
