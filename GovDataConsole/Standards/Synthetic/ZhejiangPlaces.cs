using System.Globalization;

namespace GovDataConsole.Standards.Synthetic;

/// <summary>
/// Where synthetic Zhejiang people and companies live: county-level divisions from the embedded GB/T 2260 table,
/// weighted by their city's resident population (2020 census, millions, shared evenly among its counties), with the
/// city's short name, telephone area code and postcode prefix, and addresses built from them.
/// </summary>
internal static class ZhejiangPlaces
{
    public sealed record Place(Division County, long CountyNumber, string FullName, string CityShortName, string AreaCode, string PostcodePrefix);

    private static readonly Dictionary<string, (double Population, string AreaCode, string PostcodePrefix)> Cities = new()
    {
        ["330100"] = (11.9, "0571", "3100"), ["330200"] = (9.4, "0574", "3150"), ["330300"] = (9.6, "0577", "3250"),
        ["330400"] = (5.4, "0573", "3140"), ["330500"] = (3.4, "0572", "3130"), ["330600"] = (5.3, "0575", "3120"),
        ["330700"] = (7.1, "0579", "3210"), ["330800"] = (2.3, "0570", "3240"), ["330900"] = (1.2, "0580", "3160"),
        ["331000"] = (6.6, "0576", "3180"), ["331100"] = (2.5, "0578", "3230"),
    };

    private static readonly string[] Roads =
    [
        "人民路", "解放路", "中山路", "建设路", "新华路", "文化路", "环城东路", "环城西路", "江南大道", "学院路",
        "延安路", "凤起路", "庆春路", "湖滨路", "天目山路", "文一路", "文三路", "教工路", "古墩路", "莫干山路",
        "工业路", "兴业街", "东方大道", "世纪大道", "长江路", "青年路", "胜利路", "和平路", "光明路", "商城大道",
    ];
    private static readonly string[] EstateNames = ["阳光", "金色", "翠苑", "锦绣", "和园", "景苑", "绿城", "东方", "明珠", "世纪", "春江", "嘉禾", "江南", "桂花", "丽都", "滨江"];
    private static readonly string[] EstateKinds = ["花园", "小区", "公寓", "新村", "家园", "府"];

    private static readonly Weighted<Place> Counties = new(Divisions.ZhejiangCounties.Select(county =>
    {
        var city = Divisions.Find(county.ParentCode)!;
        var (population, areaCode, postcode) = Cities[city.Code];
        var place = new Place(county, long.Parse(county.Code, CultureInfo.InvariantCulture), Divisions.FullName(county.Code)!, city.Name.TrimEnd('市'), areaCode, postcode);
        return (place, population / Divisions.ZhejiangCounties.Count(c => c.ParentCode == city.Code));
    }));

    public static Place Next(Random random) => Counties.Next(random);

    /// <summary>A home address: 浙江省杭州市西湖区文三路128号锦绣花园3幢2单元501室.</summary>
    public static string HomeAddress(Place place, Random random) =>
        $"{place.FullName}{Roads[random.Next(Roads.Length)]}{random.Next(1, 400)}号{EstateNames[random.Next(EstateNames.Length)]}{EstateKinds[random.Next(EstateKinds.Length)]}{random.Next(1, 30)}幢{random.Next(1, 5)}单元{random.Next(1, 33)}0{random.Next(1, 5)}室";

    /// <summary>A business address: 浙江省宁波市鄞州区世纪大道88号2幢1203室.</summary>
    public static string BusinessAddress(Place place, Random random) =>
        $"{place.FullName}{Roads[random.Next(Roads.Length)]}{random.Next(1, 1000)}号{random.Next(1, 12)}幢{random.Next(1, 25)}{random.Next(1, 20):00}室";

    public static string Postcode(Place place, Random random) => $"{place.PostcodePrefix}{random.Next(100):00}";
}
