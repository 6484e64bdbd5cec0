using GovDataConsole.Quality.Expressions;

namespace GovDataConsole.Tests.Quality.Expressions;

public sealed class RowExpressionTests
{
    private static readonly string[] Codes = ["field_a", "field_b", "field_c", "field_d", "XM", "CSRQ", "出生日期"];

    /// <summary>Evaluates against a row written as values separated by |, in the order of <see cref="Codes"/>.</summary>
    private static bool Passes(string expression, string row) => RowExpression.Parse(expression, Codes).Evaluate(row.Split('|'));

    private static string Refused(string expression) =>
        Assert.Throws<InvalidRuleExpressionException>(() => RowExpression.Parse(expression, Codes)).Message;

    [Theory]
    [InlineData("field_a <= field_b", "1|2", true)]
    [InlineData("field_a <= field_b", "2|2", true)]
    [InlineData("field_a <= field_b", "3|2", false)]
    [InlineData("field_a <= field_b", "|2", true)]
    [InlineData("field_a <= field_b", "3|", true)]
    [InlineData("field_c = 'x' => field_d <> ''", "||x|y", true)]
    [InlineData("field_c = 'x' => field_d <> ''", "||x|", false)]
    [InlineData("field_c = 'x' => field_d <> ''", "|| x |  ", false)]
    [InlineData("field_c = 'x' => field_d <> ''", "||y|", true)]
    [InlineData("field_c = 'x' => field_d <> ''", "||X|", true)]
    public void The_issue_examples_hold(string expression, string row, bool expected) =>
        Assert.Equal(expected, Passes(expression, row));

    [Theory]
    [InlineData("field_a < field_b", "9|10", true)]
    [InlineData("field_a < field_b", "9a|10a", false)]
    [InlineData("field_a < field_b", "-1|0", true)]
    [InlineData("field_a = field_b", "1.50|1.5", true)]
    [InlineData("field_a = field_b", " 7 |7", true)]
    [InlineData("field_a = field_b", "abc|ABC", false)]
    [InlineData("field_a < field_b", "B|a", true)]
    [InlineData("field_a >= 18", "18", true)]
    [InlineData("field_a >= 18", "17.99", false)]
    [InlineData("field_a >= 18", "abc", true)]
    [InlineData("field_a > -0.5", "-0.4", true)]
    [InlineData("field_a > field_b", "+5|-3.5", true)]
    [InlineData("field_a < field_b", ".5|1", true)]
    [InlineData("field_a > field_b", "5.|4", true)]
    [InlineData("field_a < field_b", "1-3|1-20", false)]
    [InlineData("field_a < field_b", "-|0", true)]
    [InlineData("field_a = 1", "1.0", true)]
    [InlineData("field_a = '1.0'", "1", true)]
    [InlineData("field_a > 1", "79228162514264337593543950336", true)]
    [InlineData("field_a = field_b", "2024-01-01|2024-01-01 00:00", true)]
    [InlineData("field_a = field_b", "2024-01-01T10:00|2024-01-01 10:00:00", true)]
    [InlineData("field_a < field_b", "2024-01-01 23:59:59|2024-01-02", true)]
    [InlineData("field_a < field_b", "2024-01-01 9:00|2024-01-01 10:00", false)]
    [InlineData("field_a = field_b", "2024-02-30|2024-02-30 00:00", false)]
    [InlineData("field_a = field_b", "2024-02-29|2024-02-29 00:00", true)]
    [InlineData("field_a = field_b", "2023-02-29|2023-02-29 00:00", false)]
    [InlineData("field_a < field_b", "2024-01-01T23:59|2024-01-01 23:59:30", true)]
    [InlineData("field_a < field_b", "2024-01-01T24:00|2024-01-01 23:59:30", false)]
    [InlineData("field_a < field_b", "2024-12-31 23:59:59|2025-01-01T00:00:00", true)]
    [InlineData("field_a > field_b", "2024-1-01|2024-01-02", true)]
    [InlineData("CSRQ <= 出生日期", "||||||2024-03-01|2024-03-01", true)]
    [InlineData("CSRQ < '2000-01-01'", "|||||1999-12-31", true)]
    public void Numbers_dates_and_text_compare_by_kind(string expression, string row, bool expected) =>
        Assert.Equal(expected, Passes(expression, row));

    [Theory]
    [InlineData("1|1", true)]
    [InlineData("1|0", false)]
    [InlineData("0|1", true)]
    [InlineData("0|0", true)]
    public void Implication_fails_only_on_a_true_premise_and_false_conclusion(string row, bool expected) =>
        Assert.Equal(expected, Passes("field_a = 1 => field_b = 1", row));

    [Theory]
    [InlineData("field_a = 1 => field_b = 1 => field_c = 1", "0|0|0", true)]
    [InlineData("field_a = 1 => field_b = 1 => field_c = 1", "1|1|0", false)]
    [InlineData("field_a = 1 or field_b = 1 and field_c = 1", "1|0|0", true)]
    [InlineData("field_a = 1 || field_b = 1 && field_c = 1", "1|0|0", true)]
    [InlineData("(field_a = 1 or field_b = 1) and field_c = 1", "1|0|0", false)]
    [InlineData("field_a = 1 and field_b = 1 or field_c = 1", "0|0|1", true)]
    [InlineData("not field_a = 1 and field_b = 1", "0|0", false)]
    [InlineData("not (field_a = 1 and field_b = 1)", "0|0", true)]
    [InlineData("!(field_a = 1) && field_b = 1", "0|1", true)]
    [InlineData("not not field_a = 1", "1", true)]
    [InlineData("field_a = 1 or field_b = 1 => field_c = 1", "1|0|0", false)]
    [InlineData("field_a = 1 and (field_b = 1 => field_c = 1)", "1|0|0", true)]
    public void Precedence_is_implication_or_and_not(string expression, string row, bool expected) =>
        Assert.Equal(expected, Passes(expression, row));

    [Theory]
    [InlineData("xm = 'a'", "||||a", true)]
    [InlineData("Field_A == 1 AND FIELD_B != 2", "1|3", true)]
    [InlineData("XM IS NOT EMPTY OR field_a Is Empty", "", true)]
    [InlineData("NOT xm = 'a'", "||||a", false)]
    public void Fields_and_keywords_are_case_insensitive(string expression, string row, bool expected) =>
        Assert.Equal(expected, Passes(expression, row));

    [Fact]
    public void Fields_lists_each_referenced_code_once_as_configured()
    {
        var expression = RowExpression.Parse("xm = 'a' and XM <> field_a and Field_A > 1 and 出生日期 is empty", Codes);
        Assert.Equal(["XM", "field_a", "出生日期"], expression.Fields);
        Assert.Equal("xm = 'a' and XM <> field_a and Field_A > 1 and 出生日期 is empty", expression.Text);
    }

    [Theory]
    [InlineData("XM is empty", "", true)]
    [InlineData("XM is empty", "||||   ", true)]
    [InlineData("XM is empty", "||||\u3000", true)]
    [InlineData("XM is empty", "||||a", false)]
    [InlineData("XM is not empty", "||||a", true)]
    [InlineData("XM = ''", "||||  ", true)]
    [InlineData("XM = ' '", "", true)]
    [InlineData("XM <> ''", "||||a", true)]
    [InlineData("XM <> ''", "||||  ", false)]
    [InlineData("field_a = 5", "", false)]
    [InlineData("field_a <> 5", "", true)]
    [InlineData("field_a < 5", "", true)]
    [InlineData("field_a > 5", "", true)]
    [InlineData("field_a >= field_b", "|", true)]
    [InlineData("field_a = field_b", "|", true)]
    public void Blanks_are_empty_and_ordered_comparisons_with_a_blank_pass(string expression, string row, bool expected) =>
        Assert.Equal(expected, Passes(expression, row));

    [Theory]
    [InlineData("XM = 'O''Brien'", "||||O'Brien", true)]
    [InlineData("XM = ''''", "||||'", true)]
    [InlineData("XM = '${x}'", "||||${x}", true)]
    [InlineData("XM = '${x}'", "||||abc", false)]
    [InlineData("XM = 'a''; DROP TABLE x; --'", "||||a'; DROP TABLE x; --", true)]
    [InlineData("XM = 'System.IO.File.Delete(\"x\")'", "||||System.IO.File.Delete(\"x\")", true)]
    [InlineData("XM = '张三'", "||||张三", true)]
    public void String_literals_are_plain_text(string expression, string row, bool expected) =>
        Assert.Equal(expected, Passes(expression, row));

    [Theory]
    [InlineData("XM = 'a'; DROP TABLE x", "表达式第 9 个字符处不应出现“;”。")]
    [InlineData("System.IO.File.Delete('x')", "表达式第 7 个字符处不应出现“.”。")]
    [InlineData("exec('x')", "表达式第 5 个字符处不应出现“(”。")]
    [InlineData("XM = exec('x')", "表达式第 10 个字符处不应出现“(”。")]
    [InlineData("XM.Length > 3", "表达式第 3 个字符处不应出现“.”。")]
    [InlineData("field_a.ToString() = 'x'", "表达式第 8 个字符处不应出现“.”。")]
    [InlineData("`rm -rf /`", "表达式第 1 个字符处不应出现“`”。")]
    [InlineData("XM = $x", "表达式第 6 个字符处不应出现“$”。")]
    [InlineData("{XM} = 1", "表达式第 1 个字符处不应出现“{”。")]
    [InlineData("XM = \"a\"", "表达式第 6 个字符处不应出现“\"”。")]
    [InlineData("XM = 1 & field_a = 2", "表达式第 8 个字符处不应出现“&”。")]
    [InlineData("XM = 1 | field_a = 2", "表达式第 8 个字符处不应出现“|”。")]
    [InlineData("XM = 1 field_a", "表达式第 8 个字符处不应出现“field_a”。")]
    [InlineData("XM = 0x10", "表达式第 7 个字符处不应出现“x10”。")]
    [InlineData("XM = 1.2.3", "表达式第 9 个字符处不应出现“.”。")]
    [InlineData("XM = -", "表达式第 6 个字符处不应出现“-”。")]
    [InlineData("XM = = 1", "表达式第 6 个字符处不应出现“=”。")]
    [InlineData("XM = 1)", "表达式第 7 个字符处不应出现“)”。")]
    [InlineData("and = 1", "表达式第 1 个字符处不应出现“and”。")]
    [InlineData("XM is null", "表达式第 7 个字符处不应出现“null”。")]
    [InlineData("XM = 1\u0000", "表达式第 7 个字符处不应出现“U+0000”。")]
    [InlineData("XM = 'a' 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb'", "表达式第 10 个字符处不应出现“'bbbbbbbbbbbbbbbbbbb…”。")]
    [InlineData("XM = ", "表达式不完整，第 6 个字符处缺少内容。")]
    [InlineData("(XM = 1", "表达式不完整，第 8 个字符处缺少内容。")]
    [InlineData("XM is", "表达式不完整，第 6 个字符处缺少内容。")]
    [InlineData("XM", "表达式第 3 个字符处应为比较运算符（=、<>、<、<=、>、>=）或 is empty。")]
    [InlineData("XM and field_a = 1", "表达式第 4 个字符处应为比较运算符（=、<>、<、<=、>、>=）或 is empty。")]
    [InlineData("XM = 'abc", "表达式第 6 个字符开始的字符串缺少结束的单引号。")]
    [InlineData("1 = 1", "表达式第 1 个字符处的条件没有引用信息项，比较的至少一边应为信息项。")]
    [InlineData("XM = 1 or 'a' = 'a'", "表达式第 11 个字符处的条件没有引用信息项，比较的至少一边应为信息项。")]
    [InlineData("'x' is empty", "表达式第 1 个字符处的条件没有引用信息项，比较的至少一边应为信息项。")]
    [InlineData("foo = 1", "表达式第 1 个字符处的信息项“foo”不存在。")]
    [InlineData("XM = 1 and bar > 2 and baz < 1", "表达式第 12 个字符处的信息项“bar”不存在。")]
    [InlineData("", "请填写表达式。")]
    [InlineData("  \t ", "请填写表达式。")]
    public void Invalid_expressions_are_refused_in_chinese_at_their_position(string expression, string error) =>
        Assert.Equal(error, Refused(expression));

    [Fact]
    public void Length_is_limited()
    {
        var longest = "XM = '" + new string('a', RowExpression.MaxLength - 7) + "'";
        Assert.Equal(RowExpression.MaxLength, longest.Length);
        RowExpression.Parse(longest, Codes);
        Assert.Equal("表达式不能超过 500 个字符（实际 501 个字符）。", Refused(longest + " "));
    }

    [Theory]
    [InlineData("(", ")")]
    [InlineData("not ", "")]
    [InlineData("!", "")]
    public void Nesting_is_limited(string open, string close)
    {
        string Nested(int depth) => string.Concat(Enumerable.Repeat(open, depth)) + "XM = 1" + string.Concat(Enumerable.Repeat(close, depth));
        RowExpression.Parse(Nested(RowExpression.MaxDepth), Codes);
        Assert.Equal($"表达式第 {RowExpression.MaxDepth * open.Length + 1} 个字符处嵌套过深（最多 32 层）。", Refused(Nested(RowExpression.MaxDepth + 1)));
        Assert.StartsWith("表达式第 ", Refused(Nested(100)));
    }

    [Fact]
    public void Size_is_limited()
    {
        // A clause is a comparison and its two operands, joined by one "or": 16 clauses make 63 nodes.
        string Clauses(int count) => string.Join(" or ", Enumerable.Repeat("XM = 1", count));
        RowExpression.Parse(Clauses(16), Codes);
        Assert.Equal("表达式过于复杂（最多 64 个节点），请拆分为多条规则。", Refused(Clauses(17)));
    }

    [Fact]
    public void Null_and_missing_values_read_as_empty()
    {
        var expression = RowExpression.Parse("XM is empty and field_a = '' and field_b < 3", Codes);
        Assert.True(expression.Evaluate(new string[] { null!, null!, null!, null!, null! }));
        Assert.True(expression.Evaluate([]));
        Assert.True(expression.Evaluate(["", "", "", "", "", "", "", "extra", "columns"]));
    }

    public static TheoryData<string> Expressions => new()
    {
        "field_a <= field_b",
        "field_c = 'x' => field_d <> ''",
        "XM is not empty and CSRQ >= '2000-01-01' or 出生日期 < 0",
        "not (field_a = field_b or field_a > -1.5) => XM <> '张三'",
    };

    [Theory]
    [MemberData(nameof(Expressions))]
    public void Evaluation_never_throws_on_odd_values(string text)
    {
        var expression = RowExpression.Parse(text, Codes);
        string[] odd =
        [
            "", " ", "\0", "\uD800", "\uDC00x", "😀", "79228162514264337593543950336", "-79228162514264337593543950336",
            "1e400", "NaN", "∞", "0.0000000000000000000000000000001", "9999-12-31 23:59:59", "0001-01-01", "2024-13-45",
            "１２３", "'; DROP TABLE x; --", new string('9', 10_000), "\u202Eevil", "\r\n\t",
        ];
        foreach (var value in odd)
            expression.Evaluate([value, value, value, value, value, value, value]);

        var random = new Random(20260105);
        const string pool = "0123456789-.: T'aZ张😀\0\uD800\u3000";
        for (var i = 0; i < 2_000; i++)
        {
            var row = new string[Codes.Length];
            for (var c = 0; c < row.Length; c++)
                row[c] = random.Next(8) == 0 ? null! : new string(Enumerable.Range(0, random.Next(24)).Select(_ => pool[random.Next(pool.Length)]).ToArray());
            expression.Evaluate(row.AsSpan(0, random.Next(row.Length + 1)));
        }
    }

    [Fact]
    public void Random_text_parses_or_is_refused_but_never_fails_otherwise()
    {
        var random = new Random(20260106);
        string[] pieces =
        [
            "XM", "field_a", "出生日期", "foo", "'a'", "''", "'", "1", "-2.5", "(", ")", "=", "==", "<>", "!=", "<", "<=", ">", ">=", "=>",
            "and", "or", "not", "is", "empty", "&&", "||", "!", ";", ".", "$", "{", "`", "\"", "-", "\0", "😀", " ",
        ];
        for (var i = 0; i < 5_000; i++)
        {
            var text = string.Join(" ", Enumerable.Range(0, random.Next(1, 16)).Select(_ => pieces[random.Next(pieces.Length)]));
            var thrown = Record.Exception(() => RowExpression.Parse(text, Codes).Evaluate(["1", "2", "x", "", "张三"]));
            Assert.True(thrown is null or InvalidRuleExpressionException, $"{text}: {thrown}");
        }
    }
}
