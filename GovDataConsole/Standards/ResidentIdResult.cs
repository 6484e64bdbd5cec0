namespace GovDataConsole.Standards;

/// <summary>
/// The outcome of <see cref="ResidentId.Validate"/>. Birth date and gender are known once the ID got past the
/// format and date rules, even when a later rule (division, check character) failed.
/// </summary>
public readonly record struct ResidentIdResult(ResidentIdFailure Failure, string? Value, DateOnly? BirthDate, int? GenderDigit)
{
    public bool IsValid => Failure == ResidentIdFailure.None;

    public bool IsLegacy => Value?.Length == 15;

    /// <summary>The six-digit division prefix, when the ID has its digits.</summary>
    public string? DivisionPrefix => BirthDate is null ? null : Value![..6];

    /// <summary>GB/T 2261.1 code of the ID's gender: "1" male (odd digit), "2" female (even digit).</summary>
    public string? GenderCode => GenderDigit is { } digit ? (digit % 2 == 1 ? "1" : "2") : null;

    /// <summary>The Chinese message for the failed rule; null when valid.</summary>
    public string? Message => ResidentId.Describe(Failure);
}
