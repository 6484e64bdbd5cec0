using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Quality.Expressions;

/// <summary>
/// A data-quality condition over one row, such as <c>field_a &lt;= field_b</c> or <c>field_c = 'x' =&gt; field_d &lt;&gt; ''</c>.
/// Parsed by the app into a tree and evaluated by walking it; never compiled or run as code.
/// <list type="bullet">
/// <item>Logic, lowest precedence first: <c>=&gt;</c> (right-associative; a false premise passes), <c>or</c> / <c>||</c>,
/// <c>and</c> / <c>&amp;&amp;</c>, <c>not</c> / <c>!</c>, and parentheses.</item>
/// <item>Conditions: <c>a op b</c> with op one of <c>= == &lt;&gt; != &lt; &lt;= &gt; &gt;=</c>, and <c>field is [not] empty</c>
/// (blank after trimming). Each needs at least one field; there are no function calls.</item>
/// <item>Operands: fields (item codes: letters, digits, underscore, CJK letters, not starting with a digit; matched
/// case-insensitively), 'strings' ('' is a quote) and numbers (<c>-12.5</c>). Keywords and, or, not, is, empty are
/// case-insensitive and reserved.</item>
/// <item>Comparison: values are trimmed; two numbers (invariant decimals) compare numerically, else two ISO dates or
/// date-times (yyyy-MM-dd, optionally with HH:mm or HH:mm:ss after a space or T) chronologically, else ordinally.
/// With an empty side, = and &lt;&gt; compare as text (<c>x &lt;&gt; ''</c> means "not empty"), while &lt; &lt;= &gt; &gt;= are
/// not applicable and evaluate to true: blanks are the completeness rules' job.</item>
/// </list>
/// Immutable and thread-safe.
/// </summary>
public sealed class RowExpression
{
    public const int MaxLength = 500;
    public const int MaxDepth = 32;
    public const int MaxNodes = 64;

    private readonly ExpressionNode root;

    private RowExpression(string text, ExpressionNode root, IReadOnlyList<string> fields)
    {
        Text = text;
        this.root = root;
        Fields = fields;
    }

    public string Text { get; }

    /// <summary>Distinct field codes the expression reads, as written in the parse's field codes, in order of first use.</summary>
    public IReadOnlyList<string> Fields { get; }

    /// <summary>
    /// Parses <paramref name="text"/>; field names are matched case-insensitively against <paramref name="fieldCodes"/>,
    /// whose indexes are the column indexes of the rows given to <see cref="Evaluate"/>.
    /// </summary>
    /// <exception cref="InvalidRuleExpressionException">Empty or too long text, a syntax error, an unknown field, or a
    /// limit (<see cref="MaxDepth"/>, <see cref="MaxNodes"/>) exceeded.</exception>
    public static RowExpression Parse(string text, IReadOnlyList<string> fieldCodes)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new InvalidRuleExpressionException(T.Expression_Empty);
        if (text.Length > MaxLength) throw new InvalidRuleExpressionException(string.Format(T.Expression_TooLong, MaxLength, text.Length));
        var (root, fields) = ExpressionParser.Parse(text, fieldCodes);
        return new RowExpression(text, root, fields);
    }

    /// <summary>Whether the row passes. Null values and columns beyond the row's end read as empty; never throws.</summary>
    public bool Evaluate(ReadOnlySpan<string> row) => root.Evaluate(row);
}
