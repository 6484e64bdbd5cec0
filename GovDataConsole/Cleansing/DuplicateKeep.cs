namespace GovDataConsole.Cleansing;

/// <summary>Which row of a business key survives de-duplication.</summary>
public enum DuplicateKeep
{
    First,
    Last,
}
