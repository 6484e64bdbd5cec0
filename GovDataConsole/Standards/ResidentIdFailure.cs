namespace GovDataConsole.Standards;

/// <summary>The first GB 11643-1999 rule a resident ID number breaks, in the order the rules are checked.</summary>
public enum ResidentIdFailure
{
    None,
    Empty,
    /// <summary>Neither 18 nor 15 characters.</summary>
    Length,
    /// <summary>15 characters where the rule accepts only the 18-character form.</summary>
    LegacyNotAllowed,
    /// <summary>Not all digits (an 18-character ID may end in X).</summary>
    Characters,
    /// <summary>The first two digits are not a GB/T 2260 province-level code.</summary>
    Province,
    /// <summary>The birth date digits are not a calendar date.</summary>
    BirthDate,
    BirthDateBefore1900,
    BirthDateInFuture,
    /// <summary>Strict mode: the six-digit prefix is not in the supplied division set.</summary>
    Division,
    CheckCharacter,
    /// <summary>The check character is a correct but lower-case x.</summary>
    LowerCaseX,
}
