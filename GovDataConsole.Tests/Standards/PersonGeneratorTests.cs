using System.Globalization;
using GovDataConsole.Data;
using GovDataConsole.Standards;
using GovDataConsole.Standards.Synthetic;
using static GovDataConsole.Tests.Standards.GeneratedValues;

namespace GovDataConsole.Tests.Standards;

public sealed class PersonGeneratorTests
{
    private static readonly DateOnly Today = new(2026, 6, 30);
    private static readonly ResidentIdRules StrictRules = new(Today) { Divisions = Divisions.Known };
    private const int Rows = 20_000;

    private static readonly Dictionary<DefectKind, double> Rates = new()
    {
        [DefectKind.WrongCheckCharacter] = 0.02,
        [DefectKind.BlankRequired] = 0.015,
        [DefectKind.FullWidthDigits] = 0.01,
        [DefectKind.NonIsoDate] = 0.0125,
        [DefectKind.GenderMismatch] = 0.005,
        [DefectKind.DuplicateKey] = 0.01,
        [DefectKind.DecoratedPhone] = 0.0075,
        [DefectKind.LegacyId] = 0.0033333,
    };

    private static PersonGenerator Generator(int seed = 20260630, IReadOnlyDictionary<DefectKind, double>? rates = null) =>
        new(seed, PersonGenerator.AllColumns, rates ?? Rates, Today);

    [Fact]
    public void Same_seed_gives_the_same_rows_and_report()
    {
        var first = new DefectReport();
        var second = new DefectReport();

        var a = Generator().Generate(2_000, first).ToList();
        var b = Generator().Generate(2_000, second).ToList();

        Assert.Equal(a, b);
        Assert.Equal(first.Defects, second.Defects);
        Assert.NotEqual(a, Generator(seed: 1).Generate(2_000, new DefectReport()).ToList());
    }

    [Fact]
    public void Enumerating_the_same_sequence_again_starts_over()
    {
        var report = new DefectReport();
        var rows = Generator().Generate(1_000, report);

        var first = rows.ToList();
        var defects = report.Defects.ToList();
        var second = rows.ToList();

        Assert.Equal(first, second);
        Assert.Equal(defects, report.Defects);
        Assert.Equal(1_000, report.Rows);
    }

    [Fact]
    public void Defect_counts_are_exactly_the_configured_rates_of_the_rows()
    {
        var report = new DefectReport();
        foreach (var _ in Generator().Generate(Rows, report)) { }

        Assert.Equal(Rows, report.Rows);
        foreach (var kind in Enum.GetValues<DefectKind>())
            Assert.Equal((long)Math.Round(Rates[kind] * Rows, MidpointRounding.AwayFromZero), report.Count(kind));
        Assert.Equal(67, report.Count(DefectKind.LegacyId)); // 0.0033333 × 20 000 = 66.67 → 67
        Assert.Equal(report.Defects.Count, report.Defects.Select(d => d.Row).Distinct().Count());
        Assert.DoesNotContain(report.Defects, d => d.Row == 0);
    }

    [Fact]
    public void The_report_names_exactly_the_rows_and_fields_an_independent_check_finds_wrong()
    {
        var report = new DefectReport();
        var rows = Generator().Generate(Rows, report).ToList();

        var found = new List<Defect>();
        var firstRowOfId = new Dictionary<string, long>();
        for (var row = 0; row < rows.Count; row++)
        {
            var values = rows[row];
            var id = values[(int)PersonColumn.ResidentId];
            if (firstRowOfId.TryGetValue(id, out var original))
            {
                Assert.Equal(rows[(int)original], values);
                found.Add(new Defect(row, (int)PersonColumn.ResidentId, DefectKind.DuplicateKey, original));
                continue;
            }
            if (!IsBlank(id)) firstRowOfId[id] = row;
            found.AddRange(Problems(row, values));
        }

        Assert.Equal(report.Defects.OrderBy(d => d.Row), found);
    }

    [Fact]
    public void Clean_rows_are_valid_and_consistent_with_their_resident_id()
    {
        var report = new DefectReport();
        var rows = Generator(rates: new Dictionary<DefectKind, double>()).Generate(5_000, report).ToList();
        var ethnicCodes = ReferenceData.Rows("gbt3304-ethnic.csv").Select(r => r[0]).ToHashSet();

        Assert.Empty(report.Defects);
        Assert.Equal(rows.Count, rows.Select(r => r[(int)PersonColumn.ResidentId]).Distinct().Count());
        Assert.All(rows, values =>
        {
            var id = ResidentId.Validate(values[(int)PersonColumn.ResidentId], StrictRules);
            Assert.True(id.IsValid, $"{values[1]}: {id.Failure}");
            Assert.Equal(id.GenderCode, values[(int)PersonColumn.Gender]);
            Assert.Equal(id.BirthDate!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), values[(int)PersonColumn.BirthDate]);
            Assert.Equal(id.DivisionPrefix, values[(int)PersonColumn.DivisionCode]);
            var county = Divisions.Find(values[(int)PersonColumn.DivisionCode]);
            Assert.Equal(3, county?.Level);
            Assert.StartsWith(Divisions.FullName(county!.Code)!, values[(int)PersonColumn.Address]);
            Assert.Matches(@"^\p{IsCJKUnifiedIdeographs}{2,4}$", values[(int)PersonColumn.Name]);
            Assert.Contains(values[(int)PersonColumn.Ethnicity], ethnicCodes);
            Assert.True(PhoneNumber.IsMobile(values[(int)PersonColumn.Mobile]), values[(int)PersonColumn.Mobile]);
            Assert.True(Postcode.IsValid(values[(int)PersonColumn.Postcode]));
            Assert.True(Email.IsValid(values[(int)PersonColumn.Email]), values[(int)PersonColumn.Email]);
        });
    }

    [Fact]
    public void Distributions_look_like_a_chinese_population()
    {
        var rows = Generator(rates: new Dictionary<DefectKind, double>()).Generate(Rows, new DefectReport()).ToList();

        var han = rows.Count(r => r[(int)PersonColumn.Ethnicity] == "01") / (double)Rows;
        var male = rows.Count(r => r[(int)PersonColumn.Gender] == "1") / (double)Rows;
        var topSurnames = rows.GroupBy(r => r[(int)PersonColumn.Name][0]).OrderByDescending(g => g.Count()).Take(3).Select(g => g.Key);
        var hangzhou = rows.Count(r => r[(int)PersonColumn.DivisionCode].StartsWith("3301", StringComparison.Ordinal)) / (double)Rows;
        var adults = rows.Count(r => DateOnly.Parse(r[(int)PersonColumn.BirthDate], CultureInfo.InvariantCulture) <= Today.AddYears(-18)) / (double)Rows;

        Assert.InRange(han, 0.94, 0.98);
        Assert.InRange(male, 0.48, 0.52);
        Assert.Subset(new HashSet<char>("王李张刘陈"), topSurnames.ToHashSet());
        Assert.InRange(hangzhou, 0.13, 0.20);
        Assert.InRange(adults, 0.72, 0.85);
    }

    [Fact]
    public void Rows_stream_in_the_requested_column_order()
    {
        var report = new DefectReport();
        var first = new PersonGenerator(5, [PersonColumn.Mobile, PersonColumn.ResidentId], null, Today)
            .Generate(10_000_000_000, report).Take(3).ToList();

        Assert.Equal(3, first.Count);
        Assert.All(first, values =>
        {
            Assert.Equal(2, values.Length);
            Assert.True(PhoneNumber.IsMobile(values[0]));
            Assert.True(ResidentId.Validate(values[1], StrictRules).IsValid);
        });
        Assert.Equal(3, report.Rows);
    }

    [Fact]
    public void Impossible_configurations_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new PersonGenerator(1, [PersonColumn.Name, PersonColumn.Gender],
            new Dictionary<DefectKind, double> { [DefectKind.GenderMismatch] = 0.1 }, Today));
        Assert.Throws<ArgumentException>(() => new PersonGenerator(1, [PersonColumn.Name],
            new Dictionary<DefectKind, double> { [DefectKind.DecoratedPhone] = 0.1 }, Today));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PersonGenerator(1, PersonGenerator.AllColumns,
            new Dictionary<DefectKind, double> { [DefectKind.BlankRequired] = 1.5 }, Today));
        Assert.Throws<ArgumentException>(() => new PersonGenerator(1, [PersonColumn.Name, PersonColumn.Name], null, Today));
        var tooMany = new PersonGenerator(1, PersonGenerator.AllColumns,
            new Dictionary<DefectKind, double> { [DefectKind.BlankRequired] = 0.6, [DefectKind.NonIsoDate] = 0.5 }, Today);
        Assert.Throws<ArgumentException>(() => tooMany.Generate(100, new DefectReport()));
        Assert.Throws<ArgumentException>(() => new PersonGenerator(1, PersonGenerator.AllColumns,
            new Dictionary<DefectKind, double> { [DefectKind.BlankRequired] = 1 }, Today).Generate(1, new DefectReport()));
    }

    /// <summary>What is wrong with a row that is not a duplicate, judged field by field.</summary>
    private static IEnumerable<Defect> Problems(long row, string[] values)
    {
        var id = values[(int)PersonColumn.ResidentId];
        var gender = values[(int)PersonColumn.Gender];
        var birth = values[(int)PersonColumn.BirthDate];
        var mobile = values[(int)PersonColumn.Mobile];
        var postcode = values[(int)PersonColumn.Postcode];

        if (IsBlank(values[(int)PersonColumn.Name])) yield return new(row, (int)PersonColumn.Name, DefectKind.BlankRequired);
        if (IsBlank(gender)) yield return new(row, (int)PersonColumn.Gender, DefectKind.BlankRequired);

        ResidentIdResult idResult = default;
        if (IsBlank(id)) yield return new(row, (int)PersonColumn.ResidentId, DefectKind.BlankRequired);
        else if (HasFullWidthDigits(id))
        {
            Assert.True(ResidentId.Validate(ToHalfWidth(id), StrictRules).IsValid);
            yield return new(row, (int)PersonColumn.ResidentId, DefectKind.FullWidthDigits);
        }
        else if (id.Length == 15)
        {
            idResult = ResidentId.Validate(id, StrictRules with { AllowLegacy = true });
            Assert.True(idResult.IsValid);
            Assert.True(ResidentId.Validate(ResidentId.UpgradeTo18(id), StrictRules).IsValid);
            yield return new(row, (int)PersonColumn.ResidentId, DefectKind.LegacyId);
        }
        else
        {
            idResult = ResidentId.Validate(id, StrictRules);
            if (idResult.Failure == ResidentIdFailure.CheckCharacter)
                yield return new(row, (int)PersonColumn.ResidentId, DefectKind.WrongCheckCharacter);
            else Assert.True(idResult.IsValid, $"row {row}: {id} {idResult.Failure}");
        }
        if (idResult.GenderCode is { } idGender && !IsBlank(gender) && gender != idGender)
            yield return new(row, (int)PersonColumn.Gender, DefectKind.GenderMismatch);

        if (HasFullWidthDigits(birth)) yield return new(row, (int)PersonColumn.BirthDate, DefectKind.FullWidthDigits);
        else if (!IsIsoDate(birth))
        {
            Assert.Equal(idResult.BirthDate, ParseNonIsoDate(birth));
            yield return new(row, (int)PersonColumn.BirthDate, DefectKind.NonIsoDate);
        }

        if (HasFullWidthDigits(mobile)) yield return new(row, (int)PersonColumn.Mobile, DefectKind.FullWidthDigits);
        else if (!PhoneNumber.IsMobile(mobile))
        {
            Assert.True(PhoneNumber.IsMobile(PhoneNumber.Normalize(mobile)), mobile);
            yield return new(row, (int)PersonColumn.Mobile, DefectKind.DecoratedPhone);
        }

        if (HasFullWidthDigits(postcode)) yield return new(row, (int)PersonColumn.Postcode, DefectKind.FullWidthDigits);
        else Assert.True(Postcode.IsValid(postcode));
    }
}
