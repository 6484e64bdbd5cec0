using GovDataConsole.Resources;

namespace GovDataConsole.Standards;

/// <summary>Chinese postal codes (邮政编码): six ASCII digits.</summary>
public static class Postcode
{
    public static string InvalidMessage => UiText.Postcode_Invalid;

    public static bool IsValid(ReadOnlySpan<char> value) => value.Length == 6 && !value.ContainsAnyExceptInRange('0', '9');
}
