using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Quality.Expressions;

/// <summary>
/// Recursive-descent parser of rule expressions, lowest precedence first:
/// <code>
/// implication := disjunction ('=&gt;' implication)?
/// disjunction := conjunction (('or' | '||') conjunction)*
/// conjunction := negation (('and' | '&amp;&amp;') negation)*
/// negation    := ('not' | '!') negation | '(' implication ')' | condition
/// condition   := operand (comparison operand | 'is' ['not'] 'empty')
/// operand     := field | 'string' | number
/// </code>
/// Syntax errors come before unknown fields, so text that looks like a call (<c>exec('x')</c>) is refused at its
/// bracket rather than reported as an unknown field.
/// </summary>
internal sealed class ExpressionParser
{
    private const int ShownTokenLength = 20;

    private readonly string text;
    private readonly IReadOnlyList<string> fieldCodes;
    private readonly List<Token> tokens;
    private readonly List<string> fields = [];
    private Token? unknownField;
    private int position;
    private int depth;
    private int nodes;

    private ExpressionParser(string text, IReadOnlyList<string> fieldCodes)
    {
        this.text = text;
        this.fieldCodes = fieldCodes;
        tokens = ExpressionTokenizer.Tokenize(text);
    }

    /// <summary>Parses a non-blank text within <see cref="RowExpression.MaxLength"/>; returns the tree and the fields it reads.</summary>
    public static (ExpressionNode Root, IReadOnlyList<string> Fields) Parse(string text, IReadOnlyList<string> fieldCodes)
    {
        var parser = new ExpressionParser(text, fieldCodes);
        var root = parser.ParseImplication();
        if (parser.Current.Kind != TokenKind.End) throw parser.Unexpected(parser.Current);
        if (parser.unknownField is { } unknown)
            throw new InvalidRuleExpressionException(string.Format(T.Expression_UnknownField, unknown.Start + 1, unknown.Value));
        return (root, parser.fields);
    }

    private Token Current => tokens[position];

    private Token Take() => tokens[position++];

    private bool Accept(TokenKind kind)
    {
        if (Current.Kind != kind) return false;
        position++;
        return true;
    }

    private void Expect(TokenKind kind)
    {
        if (!Accept(kind)) throw Unexpected(Current);
    }

    private ExpressionNode ParseImplication()
    {
        var premise = ParseDisjunction();
        return Accept(TokenKind.Implies) ? Count(new ImplicationNode(premise, ParseImplication())) : premise;
    }

    private ExpressionNode ParseDisjunction()
    {
        var node = ParseConjunction();
        while (Accept(TokenKind.Or)) node = Count(new OrNode(node, ParseConjunction()));
        return node;
    }

    private ExpressionNode ParseConjunction()
    {
        var node = ParseNegation();
        while (Accept(TokenKind.And)) node = Count(new AndNode(node, ParseNegation()));
        return node;
    }

    private ExpressionNode ParseNegation()
    {
        if (Current.Kind is not (TokenKind.Not or TokenKind.LeftParen)) return ParseCondition();
        var opening = Take();
        if (++depth > RowExpression.MaxDepth)
            throw new InvalidRuleExpressionException(string.Format(T.Expression_TooDeep, opening.Start + 1, RowExpression.MaxDepth));
        ExpressionNode node;
        if (opening.Kind == TokenKind.Not) node = Count(new NotNode(ParseNegation()));
        else
        {
            node = ParseImplication();
            Expect(TokenKind.RightParen);
        }
        depth--;
        return node;
    }

    private ExpressionNode ParseCondition()
    {
        var start = Current;
        var (left, leftIsField) = ParseOperand();
        if (Accept(TokenKind.Is))
        {
            var negated = Accept(TokenKind.Not);
            Expect(TokenKind.Empty);
            RequireField(start, leftIsField);
            var empty = Count(new EmptyNode(left));
            return negated ? Count(new NotNode(empty)) : empty;
        }
        var op = Current.Kind switch
        {
            TokenKind.Equal => ComparisonOperator.Equal,
            TokenKind.NotEqual => ComparisonOperator.NotEqual,
            TokenKind.Less => ComparisonOperator.Less,
            TokenKind.LessOrEqual => ComparisonOperator.LessOrEqual,
            TokenKind.Greater => ComparisonOperator.Greater,
            TokenKind.GreaterOrEqual => ComparisonOperator.GreaterOrEqual,
            TokenKind.LeftParen => throw Unexpected(Current), // a call: there are none in the language
            _ => throw new InvalidRuleExpressionException(string.Format(T.Expression_ComparisonExpected, Current.Start + 1)),
        };
        position++;
        var (right, rightIsField) = ParseOperand();
        RequireField(start, leftIsField || rightIsField);
        return Count(new ComparisonNode(left, op, right));
    }

    private (Operand Operand, bool IsField) ParseOperand()
    {
        var token = Take();
        return token.Kind switch
        {
            TokenKind.Identifier => (Count(new FieldOperand(Resolve(token))), true),
            TokenKind.String or TokenKind.Number => (Count(new LiteralOperand(token.Value)), false),
            _ => throw Unexpected(token),
        };
    }

    /// <summary>The column of a field; an unknown field is remembered and reported once the syntax is known to be valid.</summary>
    private int Resolve(Token field)
    {
        for (var column = 0; column < fieldCodes.Count; column++)
        {
            var code = fieldCodes[column];
            if (!string.Equals(code, field.Value, StringComparison.OrdinalIgnoreCase)) continue;
            if (!fields.Contains(code)) fields.Add(code);
            return column;
        }
        unknownField ??= field;
        return -1;
    }

    private static void RequireField(Token start, bool hasField)
    {
        if (!hasField) throw new InvalidRuleExpressionException(string.Format(T.Expression_NoField, start.Start + 1));
    }

    private TNode Count<TNode>(TNode node)
    {
        if (++nodes > RowExpression.MaxNodes)
            throw new InvalidRuleExpressionException(string.Format(T.Expression_TooComplex, RowExpression.MaxNodes));
        return node;
    }

    private InvalidRuleExpressionException Unexpected(Token token)
    {
        if (token.Kind == TokenKind.End) return new InvalidRuleExpressionException(string.Format(T.Expression_Incomplete, token.Start + 1));
        var shown = token.Length > ShownTokenLength ? text.Substring(token.Start, ShownTokenLength) + "…" : text.Substring(token.Start, token.Length);
        return new InvalidRuleExpressionException(string.Format(T.Expression_Unexpected, token.Start + 1, shown));
    }
}
