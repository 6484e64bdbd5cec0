using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Features.Shared;

/// <summary>Chinese labels of enums (resource key "{Enum}_{Value}"), and the reverse lookup imports use.</summary>
public static class EnumLabels
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum =>
        T.ResourceManager.GetString($"{typeof(TEnum).Name}_{value}", T.Culture) ?? value.ToString();

    public static IReadOnlyList<string> All<TEnum>() where TEnum : struct, Enum => Enum.GetValues<TEnum>().Select(Of).ToList();

    public static bool TryParse<TEnum>(string? label, out TEnum value) where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
            if (Of(candidate) == label?.Trim())
            {
                value = candidate;
                return true;
            }
        value = default;
        return false;
    }
}
