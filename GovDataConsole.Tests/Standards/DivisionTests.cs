using GovDataConsole.Standards;

namespace GovDataConsole.Tests.Standards;

public sealed class DivisionTests
{
    [Fact]
    public void Xihu_district_is_a_county_of_hangzhou()
    {
        var xihu = Divisions.Find("330106");

        Assert.Equal(new Division("330106", "西湖区", 3, "330100"), xihu);
        Assert.Equal(new Division("330100", "杭州市", 2, "330000"), Divisions.Find(xihu!.ParentCode));
        Assert.Equal(new Division("330000", "浙江省", 1, null), Divisions.Find("330000"));
        Assert.Equal("浙江省杭州市西湖区", Divisions.FullName("330106"));
        Assert.Equal("浙江省温州市龙港市", Divisions.FullName("330383"));
        Assert.Equal("浙江省", Divisions.FullName("330000"));
    }

    [Fact]
    public void Other_provinces_are_known_at_province_level_only()
    {
        Assert.Equal(new Division("110000", "北京市", 1, null), Divisions.Find("110000"));
        Assert.Equal("新疆维吾尔自治区", Divisions.Find("650000")?.Name);
        Assert.Null(Divisions.Find("110105"));
        Assert.Null(Divisions.FullName("110105"));
        Assert.Null(Divisions.Find("330103")); // 下城区, merged into 拱墅区 in 2021
        Assert.Null(Divisions.Find(null));
    }

    [Fact]
    public void The_table_holds_all_of_zhejiang_and_every_province()
    {
        Assert.Equal(102, Divisions.Zhejiang.Count);
        Assert.Equal(90, Divisions.ZhejiangCounties.Count);
        Assert.Equal(34, Divisions.Provinces.Count);
        Assert.Equal(102 + 33, Divisions.Known.Count);
        Assert.All(Divisions.ZhejiangCounties, county =>
        {
            Assert.Equal(3, county.Level);
            Assert.Equal(2, Divisions.Find(county.ParentCode)?.Level);
            Assert.StartsWith(county.Code[..4], county.ParentCode);
        });
        Assert.Equal(11, Divisions.Zhejiang.Count(d => d.Level == 2));
    }

    [Theory]
    [InlineData("33", true)]
    [InlineData("11", true)]
    [InlineData("82", true)]
    [InlineData("71", true)]
    [InlineData("00", false)]
    [InlineData("39", false)]
    [InlineData("3", false)]
    [InlineData("3a", false)]
    public void Province_prefixes_come_from_gbt_2260(string prefix, bool expected) =>
        Assert.Equal(expected, Divisions.IsProvincePrefix(prefix));

    [Theory]
    [InlineData("330106", false, DivisionCodeFailure.None)]
    [InlineData("330106", true, DivisionCodeFailure.None)]
    [InlineData("110000", true, DivisionCodeFailure.None)]
    [InlineData("330103", false, DivisionCodeFailure.None)]
    [InlineData("330103", true, DivisionCodeFailure.Unknown)]
    [InlineData("110105", true, DivisionCodeFailure.Unknown)]
    [InlineData("", false, DivisionCodeFailure.Empty)]
    [InlineData("33010", false, DivisionCodeFailure.Format)]
    [InlineData("3301060", false, DivisionCodeFailure.Format)]
    [InlineData("33010a", false, DivisionCodeFailure.Format)]
    [InlineData("３３０１０６", false, DivisionCodeFailure.Format)]
    [InlineData("990000", false, DivisionCodeFailure.Province)]
    public void Division_codes_report_the_failing_rule(string code, bool requireKnown, DivisionCodeFailure expected)
    {
        Assert.Equal(expected, DivisionCode.Validate(code, requireKnown));
        Assert.Equal(expected == DivisionCodeFailure.None, DivisionCode.Describe(expected) is null);
    }
}
