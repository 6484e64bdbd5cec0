using System.Globalization;
using GovDataConsole.Data;

namespace GovDataConsole.Standards.Synthetic;

/// <summary>
/// Residents of Zhejiang: realistic names, an 18-digit resident ID (unique within a run) whose prefix is a real
/// county code and whose birth date and gender digit agree with the other fields, GB/T 3304 ethnicity (Han about
/// 96 %), an age pyramid after the 2020 census, real mobile prefixes, and addresses in the seeded division table.
/// Defects: <see cref="DefectKind.BlankRequired"/> hits name, resident ID or gender; the rest hit the field they name.
/// </summary>
public sealed class PersonGenerator(int seed, IReadOnlyList<PersonColumn> columns, IReadOnlyDictionary<DefectKind, double>? defectRates, DateOnly today)
    : SyntheticGenerator<PersonColumn>(seed, columns, defectRates, today)
{
    public static IReadOnlyList<PersonColumn> AllColumns { get; } = Enum.GetValues<PersonColumn>();

    private static readonly Weighted<string> Ethnicities = new(ReferenceData.Rows("gbt3304-ethnic.csv").Select(row => (row[0], row[0] switch
    {
        "01" => 960.0, "22" => 6, "15" => 6, "06" => 6, "09" => 5, "08" => 4, "12" => 4, "03" => 3, "07" => 2, "11" => 2, "02" => 1, "13" => 1, "10" => 1,
        _ => 0.05,
    })));

    // Share of the population per ten-year age band, 0–9 … 90–99 (2020 census, rounded).
    private static readonly Weighted<int> AgeBands = new(new[] { 11.5, 11.5, 12.5, 16, 14.5, 16, 10.5, 5.5, 2.2, 0.3 }.Select((share, band) => (band, share)));

    private static readonly string[] MailDomains = ["163.com", "126.com", "139.com", "sina.com", "foxmail.com", "outlook.com"];

    protected override IReadOnlyCollection<PersonColumn> TargetsOf(DefectKind kind) => kind switch
    {
        DefectKind.WrongCheckCharacter or DefectKind.DuplicateKey or DefectKind.LegacyId => [PersonColumn.ResidentId],
        DefectKind.BlankRequired => [PersonColumn.Name, PersonColumn.ResidentId, PersonColumn.Gender],
        DefectKind.FullWidthDigits => [PersonColumn.ResidentId, PersonColumn.BirthDate, PersonColumn.Mobile, PersonColumn.Postcode],
        DefectKind.NonIsoDate => [PersonColumn.BirthDate],
        DefectKind.GenderMismatch => Columns.Contains(PersonColumn.ResidentId) ? [PersonColumn.Gender] : [],
        DefectKind.DecoratedPhone => [PersonColumn.Mobile],
        _ => [],
    };

    protected override Action<long, string[], DefectKind?> CreateRowWriter(Random random)
    {
        var issued = new HashSet<long>();
        var columns = Columns.ToArray();
        var legacyFirst = new DateOnly(1935, 1, 1).DayNumber;
        var legacyLast = new DateOnly(1999, 12, 31).DayNumber;
        return (_, values, defect) =>
        {
            var male = random.Next(2) == 0;
            var (surname, pinyin) = ChineseNames.NextSurname(random);
            var place = ZhejiangPlaces.Next(random);
            var birth = defect == DefectKind.LegacyId
                ? DateOnly.FromDayNumber(random.Next(legacyFirst, legacyLast + 1))
                : BirthDate(random);
            var id = ResidentIdFor(place.CountyNumber, birth, male, random, issued);
            for (var i = 0; i < columns.Length; i++)
                values[i] = columns[i] switch
                {
                    PersonColumn.Name => surname + ChineseNames.NextGivenName(random, male),
                    PersonColumn.ResidentId => id,
                    PersonColumn.Gender => male ? "1" : "2",
                    PersonColumn.Ethnicity => Ethnicities.Next(random),
                    PersonColumn.BirthDate => birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    PersonColumn.Mobile => MobileNumbers.Next(random),
                    PersonColumn.DivisionCode => place.County.Code,
                    PersonColumn.Address => ZhejiangPlaces.HomeAddress(place, random),
                    PersonColumn.Postcode => ZhejiangPlaces.Postcode(place, random),
                    PersonColumn.Email => random.Next(3) == 0
                        ? $"{random.Next(10_000, 2_000_000_000)}@qq.com"
                        : $"{pinyin}{birth.Year % 100:00}{random.Next(1000)}@{MailDomains[random.Next(MailDomains.Length)]}",
                    _ => throw new InvalidOperationException(columns[i].ToString()),
                };
        };
    }

    private DateOnly BirthDate(Random random)
    {
        var band = AgeBands.Next(random);
        var daysBack = random.Next(band * 3652, (band + 1) * 3652);
        return DateOnly.FromDayNumber(Today.DayNumber - daysBack);
    }

    /// <summary>county + yyyyMMdd + sequence (odd for men) + check character; the sequence is redrawn until unique.</summary>
    private static string ResidentIdFor(long county, DateOnly birth, bool male, Random random, HashSet<long> issued)
    {
        var prefix = county * 100_000_000_000L + (birth.Year * 10_000L + birth.Month * 100 + birth.Day) * 1000;
        long body;
        do body = prefix + random.Next(500) * 2 + (male ? 1 : 0);
        while (!issued.Add(body));
        return string.Create(18, body, static (span, b) =>
        {
            b.TryFormat(span, out _, "D17", CultureInfo.InvariantCulture);
            span[17] = ResidentId.CheckCharacter(span[..17]);
        });
    }
}
