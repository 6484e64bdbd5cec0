namespace GovDataConsole.Quality.Expressions;

/// <summary>A rule expression that cannot be parsed; the message is Chinese and shown to the steward as is.</summary>
public sealed class InvalidRuleExpressionException(string message) : Exception(message);
