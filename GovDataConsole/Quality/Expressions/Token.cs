namespace GovDataConsole.Quality.Expressions;

/// <summary>A token of a rule expression: <paramref name="Start"/> and <paramref name="Length"/> locate it in the text;
/// <paramref name="Value"/> is the identifier, the unescaped string or the number as written.</summary>
internal readonly record struct Token(TokenKind Kind, int Start, int Length, string Value = "");
