using GovDataConsole.Cleansing;

namespace GovDataConsole.Tests.Cleansing;

public sealed class FullWidthTests
{
    [Theory]
    [InlineData("２０２６", "2026")]
    [InlineData("ＡＢＣｘｙｚ", "ABCxyz")]
    [InlineData("１１０１０５１９４９１２３１００２Ｘ", "11010519491231002X")]
    [InlineData("（０５７１）８７６５－４３２１", "(0571)8765-4321")]
    [InlineData("！＂＃＄％＆＇＊＋，－．／：；＜＝＞？＠［＼］＾＿｀｛｜｝～", "!\"#$%&'*+,-./:;<=>?@[\\]^_`{|}~")]
    [InlineData("杭州市\u3000西湖区", "杭州市 西湖区")]
    [InlineData("2026年１月5日", "2026年1月5日")]
    [InlineData("ａ1ｂ2", "a1b2")]
    [InlineData("杭州市，西湖区。", "杭州市,西湖区。")]
    public void Full_width_forms_become_ascii(string raw, string expected) =>
        Assert.Equal(expected, Clean.With(CleanserKind.FullWidthToHalfWidth, raw));

    [Theory]
    [InlineData("")]
    [InlineData("2026-01-05")]
    [InlineData("杭州市西湖区。、“”《》【】")]
    [InlineData("￥100")]
    public void Values_without_full_width_forms_come_back_as_the_same_instance(string value) =>
        Assert.Same(value, Clean.With(CleanserKind.FullWidthToHalfWidth, value));

    [Fact]
    public void Range_edges_map_exactly()
    {
        Assert.Equal('!', FullWidth.ToHalfWidth('\uFF01'));
        Assert.Equal('~', FullWidth.ToHalfWidth('\uFF5E'));
        Assert.Equal(' ', FullWidth.ToHalfWidth('\u3000'));
        Assert.Equal('\uFF5F', FullWidth.ToHalfWidth('\uFF5F'));
        Assert.Equal('\uFF00', FullWidth.ToHalfWidth('\uFF00'));
    }
}
