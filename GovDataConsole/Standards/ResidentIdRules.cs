namespace GovDataConsole.Standards;

/// <summary>How strictly <see cref="ResidentId.Validate"/> judges an ID.</summary>
/// <param name="Today">Birth dates after this day are rejected (pass the date in China Standard Time).</param>
public sealed record ResidentIdRules(DateOnly Today)
{
    /// <summary>Accept the 15-digit form issued before 1999 (no check character, birth year 19yy).</summary>
    public bool AllowLegacy { get; init; }

    /// <summary>Accept a lower-case x as check character; by default it is reported as <see cref="ResidentIdFailure.LowerCaseX"/>.</summary>
    public bool AllowLowerCaseX { get; init; }

    /// <summary>Strict mode: the six-digit prefix must be in this set. IDs keep abolished codes, so use with care.</summary>
    public DivisionSet? Divisions { get; init; }
}
