namespace GovDataConsole.Quality;

/// <summary>The rule templates of the library; stored by name.</summary>
public enum RuleTemplate
{
    NotNull, NotBlank, GroupCompleteness,
    Length, Pattern, InDictionary, NumberRange, DateRange, DateParsable,
    ResidentId, CreditCode, Mobile, Email, Postcode, DivisionCode,
    BirthDateMatchesId, GenderMatchesId, DivisionMatchesId, StartBeforeEnd, Expression,
    Unique, Reference,
    ReceivedInCycle, DateFreshness, RowCountChange,
}

/// <summary>What a template looks at: one row at a time, the whole resource's keys, or the batch as a whole.</summary>
public enum RuleScope { Row, Uniqueness, Batch }

/// <summary>How many fields a rule of a template names.</summary>
public enum FieldArity
{
    None,
    One,
    /// <summary>Two fields in a fixed order (e.g. ID then birth date, start then end).</summary>
    Two,
    /// <summary>One or more fields (a composite key, a field group).</summary>
    Many,
    /// <summary>The fields the expression names.</summary>
    FromExpression,
}
