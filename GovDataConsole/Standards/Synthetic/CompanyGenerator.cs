using System.Globalization;

namespace GovDataConsole.Standards.Synthetic;

/// <summary>
/// Zhejiang companies: names like 杭州恒达网络科技有限公司, a unified social credit code 91 + county code +
/// GB 11714 organisation code (MA… with its own check character, unique within a run) + GB 32100 check character,
/// a legal representative, registered capital, founding dates skewed to recent years, addresses and phone numbers.
/// Defects: <see cref="DefectKind.BlankRequired"/> hits credit code, name or legal representative; the rest hit the
/// field they name. Gender and legacy-ID defects do not apply.
/// </summary>
public sealed class CompanyGenerator(int seed, IReadOnlyList<CompanyColumn> columns, IReadOnlyDictionary<DefectKind, double>? defectRates, DateOnly today)
    : SyntheticGenerator<CompanyColumn>(seed, columns, defectRates, today)
{
    public static IReadOnlyList<CompanyColumn> AllColumns { get; } = Enum.GetValues<CompanyColumn>();

    private const long OrganizationSerials = 887_503_681; // 31^6: six characters of the credit-code alphabet
    private const long SerialStride = 387_420_489; // 3^18, coprime with 31, so row → serial is a bijection

    private const string TradeNameCharacters = "恒达华信宏盛鑫源泰瑞博创正天利新康嘉安汇通联业兴丰远卓越智云海星宇辰诚和金";
    private static readonly string[] Industries =
    [
        "科技", "网络科技", "信息技术", "电子商务", "贸易", "实业", "建设", "建材", "机械", "电子",
        "服饰", "食品", "物流", "医药", "文化传媒", "环保科技", "新能源", "智能科技", "纺织", "包装",
    ];
    private static readonly Weighted<string> LegalForms = new([("有限公司", 75.0), ("有限责任公司", 15), ("股份有限公司", 10)]);
    private static readonly Weighted<int> Capitals = new(
        [(10, 10.0), (30, 8), (50, 15), (100, 25), (200, 12), (300, 8), (500, 10), (1000, 7), (2000, 3), (5000, 1.5), (10000, 0.5)]);

    protected override IReadOnlyCollection<CompanyColumn> TargetsOf(DefectKind kind) => kind switch
    {
        DefectKind.WrongCheckCharacter or DefectKind.DuplicateKey => [CompanyColumn.CreditCode],
        DefectKind.BlankRequired => [CompanyColumn.CreditCode, CompanyColumn.Name, CompanyColumn.LegalRepresentative],
        DefectKind.FullWidthDigits => [CompanyColumn.CreditCode, CompanyColumn.RegisteredCapital, CompanyColumn.FoundedOn, CompanyColumn.Phone],
        DefectKind.NonIsoDate => [CompanyColumn.FoundedOn],
        DefectKind.DecoratedPhone => [CompanyColumn.Phone],
        _ => [],
    };

    protected override Action<long, string[], DefectKind?> CreateRowWriter(Random random)
    {
        var columns = Columns.ToArray();
        var serialOffset = (long)(((ulong)(uint)Seed * 2_654_435_761UL + 123_456_789UL) % OrganizationSerials);
        var firstFounding = new DateOnly(1990, 1, 1).DayNumber;
        return (row, values, defect) =>
        {
            var place = ZhejiangPlaces.Next(random);
            for (var i = 0; i < columns.Length; i++)
                values[i] = columns[i] switch
                {
                    CompanyColumn.CreditCode => CreditCode(place.County.Code, (row * SerialStride + serialOffset) % OrganizationSerials),
                    CompanyColumn.Name => CompanyName(place, random),
                    CompanyColumn.LegalRepresentative => ChineseNames.NextSurname(random).Surname + ChineseNames.NextGivenName(random, random.Next(10) < 7),
                    CompanyColumn.RegisteredCapital => Capitals.Next(random).ToString(CultureInfo.InvariantCulture),
                    CompanyColumn.FoundedOn => DateOnly.FromDayNumber(Today.DayNumber - (int)(Math.Pow(random.NextDouble(), 2) * (Today.DayNumber - firstFounding)))
                        .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    CompanyColumn.DivisionCode => place.County.Code,
                    CompanyColumn.Address => ZhejiangPlaces.BusinessAddress(place, random),
                    CompanyColumn.Phone => defect == DefectKind.DecoratedPhone || random.Next(10) < 3
                        ? MobileNumbers.Next(random)
                        : $"{place.AreaCode}-{"85678"[random.Next(5)]}{random.Next(10_000_000):0000000}",
                    _ => throw new InvalidOperationException(columns[i].ToString()),
                };
        };
    }

    /// <summary>91 (market regulator, enterprise) + county + MA + six serial characters + GB 11714 check + GB 32100 check.</summary>
    private static string CreditCode(string county, long serial) => string.Create(18, (county, serial), static (span, state) =>
    {
        span[0] = '9';
        span[1] = '1';
        state.county.CopyTo(span[2..]);
        span[8] = 'M';
        span[9] = 'A';
        var serial = state.serial;
        for (var i = 15; i >= 10; i--, serial /= 31) span[i] = UnifiedSocialCreditCode.Alphabet[(int)(serial % 31)];
        span[16] = OrganizationCode.CheckCharacter(span[8..16]);
        span[17] = UnifiedSocialCreditCode.CheckCharacter(span[..17]);
    });

    private static string CompanyName(ZhejiangPlaces.Place place, Random random)
    {
        var county = place.County.Name;
        var locality = county.EndsWith('市') && random.Next(2) == 0 ? county[..^1] : place.CityShortName;
        return $"{locality}{TradeNameCharacters[random.Next(TradeNameCharacters.Length)]}{TradeNameCharacters[random.Next(TradeNameCharacters.Length)]}{Industries[random.Next(Industries.Length)]}{LegalForms.Next(random)}";
    }
}
