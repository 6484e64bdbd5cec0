namespace GovDataConsole.Cleansing;

/// <summary>Full-width forms → ASCII, see <see cref="FullWidth"/>.</summary>
internal sealed class FullWidthCleanser : Cleanser
{
    public static readonly FullWidthCleanser Instance = new();

    public override string Clean(string value) => FullWidth.ToHalfWidth(value);
}
