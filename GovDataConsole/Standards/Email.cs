using System.Text.RegularExpressions;
using GovDataConsole.Resources;

namespace GovDataConsole.Standards;

/// <summary>E-mail addresses as government forms accept them: ASCII local part and a dotted domain with a letter TLD.</summary>
public static partial class Email
{
    [GeneratedRegex(@"^[A-Za-z0-9_%+\-]+(\.[A-Za-z0-9_%+\-]+)*@([A-Za-z0-9]([A-Za-z0-9\-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}\z")]
    private static partial Regex Pattern();

    public static string InvalidMessage => UiText.Email_Invalid;

    public static bool IsValid(string? value) =>
        value is { Length: <= 254 } && value.IndexOf('@') is > 0 and <= 64 && Pattern().IsMatch(value);
}
