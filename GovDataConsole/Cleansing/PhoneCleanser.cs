using GovDataConsole.Standards;

namespace GovDataConsole.Cleansing;

/// <summary>Phone numbers through <see cref="PhoneNumber.Normalize"/>: +86 / 0086, spaces, dashes and full-width removed.</summary>
internal sealed class PhoneCleanser : Cleanser
{
    public static readonly PhoneCleanser Instance = new();

    public override string Clean(string value) => PhoneNumber.Normalize(value)!;
}
