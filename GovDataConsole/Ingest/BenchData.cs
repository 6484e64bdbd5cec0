using System.Globalization;

namespace GovDataConsole.Ingest;

/// <summary>
/// Deterministic synthetic rows of a 20-column population resource for the import benchmark: text (names, IDs, addresses,
/// some notes with commas and quotes), codes with leading zeros, numbers, dates and date-times.
/// </summary>
public static class BenchData
{
    public enum Kind { Text, Number, Date, DateTime }

    public static IReadOnlyList<ExpectedColumn> Columns { get; } =
    [
        new("XM", "姓名", true), new("XB", "性别", true), new("SFZH", "公民身份号码", true), new("CSRQ", "出生日期"),
        new("MZ", "民族"), new("SJHM", "手机号码"), new("HJDZ", "户籍地址"), new("XZQH", "行政区划代码"),
        new("JZDZ", "居住地址"), new("GZDW", "工作单位"), new("TYSHXYDM", "统一社会信用代码"), new("NSR", "年收入"),
        new("JTRK", "家庭人口数"), new("DJRQ", "登记日期"), new("DJSJ", "登记时间"), new("ZT", "状态"),
        new("BZ", "备注"), new("JD", "经度"), new("WD", "纬度"), new("GXSJ", "更新时间"),
    ];

    public static IReadOnlyList<Kind> Kinds { get; } =
    [
        Kind.Text, Kind.Text, Kind.Text, Kind.Date, Kind.Text, Kind.Text, Kind.Text, Kind.Text, Kind.Text, Kind.Text,
        Kind.Text, Kind.Number, Kind.Number, Kind.Date, Kind.DateTime, Kind.Text, Kind.Text, Kind.Number, Kind.Number, Kind.DateTime,
    ];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "欧阳"];
    private static readonly string[] Given = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建国"];
    private static readonly string[] Districts = ["330102上城区", "330105拱墅区", "330106西湖区", "330108滨江区", "330109萧山区", "330110余杭区", "330111富阳区", "330112临安区"];
    private static readonly string[] Streets = ["解放路", "延安路", "文三路", "江南大道", "市心中路", "文一西路", "天目山路", "凤起路"];
    private static readonly string[] Units = ["市数据资源管理局", "区市场监督管理局", "市公安局", "区人力资源和社会保障局", "某某科技有限公司", "某某商贸有限公司", "市第一人民医院", "个体经营"];
    private static readonly string[] Notes = ["", "", "", "", "", "", "联系人不在家，已电话回访", "地址变更，\"新址\"待核实", "多行备注：第一行\n第二行"];

    /// <summary>The value of column <paramref name="column"/> in data row <paramref name="row"/> (0-based) as invariant text;
    /// dates and date-times as their Excel serial.</summary>
    public static string Value(int row, int column)
    {
        var h = (uint)(row * 2654435761u) ^ (uint)(column * 40503);
        var district = Districts[h % Districts.Length];
        var birth = new DateTime(1950, 1, 1).AddDays(h % 25_000);
        return column switch
        {
            0 => Surnames[h % Surnames.Length] + Given[h / 7 % Given.Length],
            1 => (1 + h % 2).ToString(CultureInfo.InvariantCulture),
            2 => string.Create(CultureInfo.InvariantCulture, $"{district[..6]}{birth:yyyyMMdd}{row % 1000:D3}{"0123456789X"[(int)(h % 11)]}"),
            3 => Serial(birth),
            4 => (1 + h % 56).ToString("D2", CultureInfo.InvariantCulture),
            5 => string.Create(CultureInfo.InvariantCulture, $"1{3 + h % 7}{h % 1_000_000_000:D9}"),
            6 or 8 => string.Create(CultureInfo.InvariantCulture, $"浙江省杭州市{district[6..]}{Streets[h / 3 % Streets.Length]}{1 + h % 300}号"),
            7 => district[..6],
            9 => Units[h / 5 % Units.Length],
            10 => string.Create(CultureInfo.InvariantCulture, $"91330100MA{h % 100_000_000:D8}"),
            11 => (h % 50_000_000 / 100.0).ToString(CultureInfo.InvariantCulture),
            12 => (1 + h % 6).ToString(CultureInfo.InvariantCulture),
            13 => Serial(new DateTime(2020, 1, 1).AddDays(h % 2_000)),
            14 or 19 => Serial(new DateTime(2024, 1, 1).AddSeconds(h % 70_000_000)),
            15 => h % 10 == 0 ? "注销" : "有效",
            16 => Notes[h / 11 % Notes.Length],
            17 => (120 + h % 1_000_000 / 1_000_000.0).ToString(CultureInfo.InvariantCulture),
            18 => (30 + h % 1_000_000 / 1_000_000.0).ToString(CultureInfo.InvariantCulture),
            _ => throw new ArgumentOutOfRangeException(nameof(column)),
        };
    }

    /// <summary>The ISO text of a <see cref="Value"/> serial, as the CSV carries it and the xlsx reader yields it.</summary>
    public static string IsoText(string serial) => CellTexts.Iso(DateTime.FromOADate(double.Parse(serial, CultureInfo.InvariantCulture)), false);

    private static string Serial(DateTime value) => value.ToOADate().ToString("R", CultureInfo.InvariantCulture);
}
