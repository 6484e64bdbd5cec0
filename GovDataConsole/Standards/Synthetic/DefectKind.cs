namespace GovDataConsole.Standards.Synthetic;

/// <summary>Problems the generators inject on purpose, one per affected row.</summary>
public enum DefectKind
{
    /// <summary>Resident ID or credit code with a wrong last character.</summary>
    WrongCheckCharacter,
    /// <summary>A required field empty, blank or a null token (无, NULL, -).</summary>
    BlankRequired,
    /// <summary>All ASCII digits of a field written full-width (０-９).</summary>
    FullWidthDigits,
    /// <summary>A date written 2026/1/5, 2026.01.05, 20260105 or 2026年1月5日 instead of ISO.</summary>
    NonIsoDate,
    /// <summary>Gender code opposite to the resident ID's gender digit.</summary>
    GenderMismatch,
    /// <summary>An exact copy of an earlier row (same business key).</summary>
    DuplicateKey,
    /// <summary>A mobile number with +86 / 0086, spaces or dashes.</summary>
    DecoratedPhone,
    /// <summary>A 15-digit legacy resident ID (birth year 19xx).</summary>
    LegacyId,
}
