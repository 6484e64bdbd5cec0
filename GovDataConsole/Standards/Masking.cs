using GovDataConsole.Features.Catalog;

namespace GovDataConsole.Standards;

/// <summary>Masks personal values for display: 110105********002X, 138****8000, 张*明, 杭州市西湖区****.</summary>
public static class Masking
{
    public static string Mask(SensitivityKind kind, string value) => kind switch
    {
        _ when value.Length == 0 => value,
        SensitivityKind.ResidentId => Keep(value, 6, 4),
        SensitivityKind.Mobile => Keep(value, 3, 4),
        SensitivityKind.CreditCode => Keep(value, 8, 2),
        SensitivityKind.PersonName => value.Length <= 2 ? value[..1] + "*" : value[..1] + new string('*', value.Length - 2) + value[^1..],
        SensitivityKind.Address => value.Length <= 6 ? value[..Math.Min(3, value.Length)] + "****" : value[..6] + "****",
        _ => value,
    };

    private static string Keep(string value, int head, int tail) =>
        value.Length <= head + tail ? new string('*', value.Length) : value[..head] + new string('*', value.Length - head - tail) + value[^tail..];
}
