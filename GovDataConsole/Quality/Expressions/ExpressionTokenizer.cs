using System.Globalization;
using System.Text;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Quality.Expressions;

/// <summary>
/// Splits a rule expression into tokens, ending with <see cref="TokenKind.End"/>. Any character outside the language
/// (; . $ { ` " and the like) is refused at its position, so nothing resembling code gets past this step.
/// </summary>
internal static class ExpressionTokenizer
{
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            var token = c switch
            {
                '\'' => ReadString(text, i),
                '(' => new Token(TokenKind.LeftParen, i, 1),
                ')' => new Token(TokenKind.RightParen, i, 1),
                '=' => Next(text, i) switch
                {
                    '>' => new Token(TokenKind.Implies, i, 2),
                    '=' => new Token(TokenKind.Equal, i, 2),
                    _ => new Token(TokenKind.Equal, i, 1),
                },
                '<' => Next(text, i) switch
                {
                    '=' => new Token(TokenKind.LessOrEqual, i, 2),
                    '>' => new Token(TokenKind.NotEqual, i, 2),
                    _ => new Token(TokenKind.Less, i, 1),
                },
                '>' => Next(text, i) == '=' ? new Token(TokenKind.GreaterOrEqual, i, 2) : new Token(TokenKind.Greater, i, 1),
                '!' => Next(text, i) == '=' ? new Token(TokenKind.NotEqual, i, 2) : new Token(TokenKind.Not, i, 1),
                '&' when Next(text, i) == '&' => new Token(TokenKind.And, i, 2),
                '|' when Next(text, i) == '|' => new Token(TokenKind.Or, i, 2),
                '-' when char.IsAsciiDigit(Next(text, i)) => ReadNumber(text, i),
                _ when char.IsAsciiDigit(c) => ReadNumber(text, i),
                _ when IsIdentifierStart(c) => ReadWord(text, i),
                _ => throw Unexpected(text, i),
            };
            tokens.Add(token);
            i += token.Length;
        }
        tokens.Add(new Token(TokenKind.End, text.Length, 0));
        return tokens;
    }

    /// <summary>The message for a character outside the language, with its 1-based position.</summary>
    public static InvalidRuleExpressionException Unexpected(string text, int index)
    {
        var c = text[index];
        var shown = char.IsControl(c) ? $"U+{(int)c:X4}"
            : char.IsSurrogatePair(text, index) ? text.Substring(index, 2)
            : c.ToString();
        return new InvalidRuleExpressionException(string.Format(T.Expression_Unexpected, index + 1, shown));
    }

    private static char Next(string text, int i) => i + 1 < text.Length ? text[i + 1] : '\0';

    private static Token ReadString(string text, int start)
    {
        var value = new StringBuilder();
        var i = start + 1;
        while (i < text.Length)
        {
            if (text[i] == '\'')
            {
                if (Next(text, i) != '\'') return new Token(TokenKind.String, start, i + 1 - start, value.ToString());
                i++;
            }
            value.Append(text[i++]);
        }
        throw new InvalidRuleExpressionException(string.Format(T.Expression_UnterminatedString, start + 1));
    }

    private static Token ReadNumber(string text, int start)
    {
        var i = start + 1;
        while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        if (i < text.Length && text[i] == '.' && char.IsAsciiDigit(Next(text, i)))
        {
            i += 2;
            while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        }
        return new Token(TokenKind.Number, start, i - start, text[start..i]);
    }

    private static Token ReadWord(string text, int start)
    {
        var i = start + 1;
        while (i < text.Length && (IsIdentifierStart(text[i]) || char.IsAsciiDigit(text[i]))) i++;
        var word = text[start..i];
        var kind = word.ToLowerInvariant() switch
        {
            "and" => TokenKind.And,
            "or" => TokenKind.Or,
            "not" => TokenKind.Not,
            "is" => TokenKind.Is,
            "empty" => TokenKind.Empty,
            _ => TokenKind.Identifier,
        };
        return new Token(kind, start, i - start, word);
    }

    /// <summary>ASCII letters, underscore and CJK (other-letter) characters; digits may follow.</summary>
    private static bool IsIdentifierStart(char c) =>
        c == '_' || char.IsAsciiLetter(c) || (c > '\x7f' && char.GetUnicodeCategory(c) == UnicodeCategory.OtherLetter);
}
