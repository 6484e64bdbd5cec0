using System.Globalization;
using GovDataConsole.Standards;
using GovDataConsole.Standards.Synthetic;
using static GovDataConsole.Tests.Standards.GeneratedValues;

namespace GovDataConsole.Tests.Standards;

public sealed class CompanyGeneratorTests
{
    private static readonly DateOnly Today = new(2026, 6, 30);
    private const int Rows = 20_000;

    private static readonly Dictionary<DefectKind, double> Rates = new()
    {
        [DefectKind.WrongCheckCharacter] = 0.02,
        [DefectKind.BlankRequired] = 0.01,
        [DefectKind.FullWidthDigits] = 0.015,
        [DefectKind.NonIsoDate] = 0.01,
        [DefectKind.DuplicateKey] = 0.005,
        [DefectKind.DecoratedPhone] = 0.01,
    };

    private static CompanyGenerator Generator(int seed = 32100, IReadOnlyDictionary<DefectKind, double>? rates = null) =>
        new(seed, CompanyGenerator.AllColumns, rates ?? Rates, Today);

    [Fact]
    public void Same_seed_gives_the_same_rows_and_report()
    {
        var first = new DefectReport();
        var second = new DefectReport();

        Assert.Equal(Generator().Generate(2_000, first).ToList(), Generator().Generate(2_000, second).ToList());
        Assert.Equal(first.Defects, second.Defects);
        Assert.NotEqual(Generator().Generate(100, first).ToList(), Generator(seed: 2).Generate(100, second).ToList());
    }

    [Fact]
    public void The_report_names_exactly_the_rows_and_fields_an_independent_check_finds_wrong()
    {
        var report = new DefectReport();
        var rows = Generator().Generate(Rows, report).ToList();

        var found = new List<Defect>();
        var firstRowOfCode = new Dictionary<string, long>();
        for (var row = 0; row < rows.Count; row++)
        {
            var values = rows[row];
            var code = values[(int)CompanyColumn.CreditCode];
            if (firstRowOfCode.TryGetValue(code, out var original))
            {
                Assert.Equal(rows[(int)original], values);
                found.Add(new Defect(row, (int)CompanyColumn.CreditCode, DefectKind.DuplicateKey, original));
                continue;
            }
            if (!IsBlank(code)) firstRowOfCode[code] = row;
            found.AddRange(Problems(row, values));
        }

        Assert.Equal(report.Defects, found);
        foreach (var kind in Rates.Keys)
            Assert.Equal((long)Math.Round(Rates[kind] * Rows, MidpointRounding.AwayFromZero), report.Count(kind));
        Assert.Equal(0, report.Count(DefectKind.LegacyId));
    }

    [Fact]
    public void Clean_rows_are_realistic_companies()
    {
        var rows = Generator(rates: new Dictionary<DefectKind, double>()).Generate(5_000, new DefectReport()).ToList();

        Assert.Equal(rows.Count, rows.Select(r => r[(int)CompanyColumn.CreditCode]).Distinct().Count());
        Assert.All(rows, values =>
        {
            var code = values[(int)CompanyColumn.CreditCode];
            Assert.True(UnifiedSocialCreditCode.IsValid(code), code);
            Assert.StartsWith("91" + values[(int)CompanyColumn.DivisionCode] + "MA", code);
            Assert.True(OrganizationCode.IsValid(code.AsSpan(8, 9)), code);
            var county = Divisions.Find(values[(int)CompanyColumn.DivisionCode]);
            Assert.Equal(3, county?.Level);
            Assert.StartsWith(Divisions.FullName(county!.Code)!, values[(int)CompanyColumn.Address]);
            Assert.Matches(@"^\p{IsCJKUnifiedIdeographs}{2,4}\p{IsCJKUnifiedIdeographs}{2}.+(有限公司|有限责任公司|股份有限公司)$", values[(int)CompanyColumn.Name]);
            Assert.Matches(@"^\p{IsCJKUnifiedIdeographs}{2,4}$", values[(int)CompanyColumn.LegalRepresentative]);
            Assert.InRange(int.Parse(values[(int)CompanyColumn.RegisteredCapital], CultureInfo.InvariantCulture), 10, 10_000);
            Assert.InRange(DateOnly.ParseExact(values[(int)CompanyColumn.FoundedOn], "yyyy-MM-dd", CultureInfo.InvariantCulture), new DateOnly(1990, 1, 1), Today);
            Assert.True(PhoneNumber.IsMobileOrLandline(values[(int)CompanyColumn.Phone]), values[(int)CompanyColumn.Phone]);
        });
    }

    [Fact]
    public void Company_names_start_with_the_city_or_county_level_city()
    {
        var rows = Generator(rates: new Dictionary<DefectKind, double>()).Generate(2_000, new DefectReport());

        Assert.All(rows, values =>
        {
            var county = Divisions.Find(values[(int)CompanyColumn.DivisionCode])!;
            var city = Divisions.Find(county.ParentCode)!;
            var name = values[(int)CompanyColumn.Name];
            Assert.True(name.StartsWith(city.Name[..^1], StringComparison.Ordinal) || name.StartsWith(county.Name[..^1], StringComparison.Ordinal), name);
        });
    }

    [Fact]
    public void Person_only_defects_are_refused() =>
        Assert.Throws<ArgumentException>(() => new CompanyGenerator(1, CompanyGenerator.AllColumns,
            new Dictionary<DefectKind, double> { [DefectKind.LegacyId] = 0.01 }, Today));

    private static IEnumerable<Defect> Problems(long row, string[] values)
    {
        var code = values[(int)CompanyColumn.CreditCode];
        var capital = values[(int)CompanyColumn.RegisteredCapital];
        var founded = values[(int)CompanyColumn.FoundedOn];
        var phone = values[(int)CompanyColumn.Phone];

        if (IsBlank(code)) yield return new(row, (int)CompanyColumn.CreditCode, DefectKind.BlankRequired);
        else if (HasFullWidthDigits(code))
        {
            Assert.True(UnifiedSocialCreditCode.IsValid(ToHalfWidth(code)));
            yield return new(row, (int)CompanyColumn.CreditCode, DefectKind.FullWidthDigits);
        }
        else if (UnifiedSocialCreditCode.Validate(code) == UnifiedSocialCreditCodeFailure.CheckCharacter)
            yield return new(row, (int)CompanyColumn.CreditCode, DefectKind.WrongCheckCharacter);
        else Assert.True(UnifiedSocialCreditCode.IsValid(code), code);

        if (IsBlank(values[(int)CompanyColumn.Name])) yield return new(row, (int)CompanyColumn.Name, DefectKind.BlankRequired);
        if (IsBlank(values[(int)CompanyColumn.LegalRepresentative])) yield return new(row, (int)CompanyColumn.LegalRepresentative, DefectKind.BlankRequired);
        if (HasFullWidthDigits(capital)) yield return new(row, (int)CompanyColumn.RegisteredCapital, DefectKind.FullWidthDigits);

        if (HasFullWidthDigits(founded)) yield return new(row, (int)CompanyColumn.FoundedOn, DefectKind.FullWidthDigits);
        else if (!IsIsoDate(founded))
        {
            Assert.NotNull(ParseNonIsoDate(founded));
            yield return new(row, (int)CompanyColumn.FoundedOn, DefectKind.NonIsoDate);
        }

        if (HasFullWidthDigits(phone)) yield return new(row, (int)CompanyColumn.Phone, DefectKind.FullWidthDigits);
        else if (!PhoneNumber.IsMobileOrLandline(phone))
        {
            Assert.True(PhoneNumber.IsMobile(PhoneNumber.Normalize(phone)), phone);
            yield return new(row, (int)CompanyColumn.Phone, DefectKind.DecoratedPhone);
        }
    }
}
