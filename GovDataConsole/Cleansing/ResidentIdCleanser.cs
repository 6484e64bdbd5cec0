using GovDataConsole.Standards;

namespace GovDataConsole.Cleansing;

/// <summary>
/// 15-digit resident IDs → 18 digits (birth year 19yy, check character computed, upper-case X); an 18-digit ID's
/// trailing x → X. Anything else, including a 15-digit value without a real date, is left as it is.
/// </summary>
internal sealed class ResidentIdCleanser : Cleanser
{
    public static readonly ResidentIdCleanser Instance = new();

    public override string Clean(string value) => value.Length switch
    {
        15 => ResidentId.TryUpgradeTo18(value, out var upgraded) ? upgraded : value,
        18 when value[17] == 'x' && !value.AsSpan(0, 17).ContainsAnyExceptInRange('0', '9') => string.Concat(value.AsSpan(0, 17), "X"),
        _ => value,
    };
}
