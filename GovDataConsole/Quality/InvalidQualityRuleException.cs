namespace GovDataConsole.Quality;

/// <summary>A rule that cannot be built as configured; the message (Chinese) says why.</summary>
public sealed class InvalidQualityRuleException(string message) : Exception(message);
