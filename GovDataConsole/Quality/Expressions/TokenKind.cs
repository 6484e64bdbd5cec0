namespace GovDataConsole.Quality.Expressions;

internal enum TokenKind
{
    Identifier,
    String,
    Number,
    LeftParen,
    RightParen,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Implies,
    And,
    Or,
    Not,
    Is,
    Empty,
    End,
}
