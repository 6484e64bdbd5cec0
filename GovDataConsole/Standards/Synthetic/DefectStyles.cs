using System.Globalization;

namespace GovDataConsole.Standards.Synthetic;

/// <summary>How each defect kind spoils a clean value, the way departments' data really looks.</summary>
internal static class DefectStyles
{
    private static readonly string[] BlankTokens = ["", "", "", " ", "无", "NULL", "-"];
    private static readonly string[] DateFormats = ["yyyy/M/d", "yyyy.MM.dd", "yyyyMMdd", "yyyy年M月d日"];

    public static string Apply(DefectKind kind, string value, Random random) => kind switch
    {
        DefectKind.WrongCheckCharacter => WrongLastCharacter(value, random),
        DefectKind.BlankRequired => BlankTokens[random.Next(BlankTokens.Length)],
        DefectKind.FullWidthDigits => string.Create(value.Length, value, static (span, v) =>
        {
            for (var i = 0; i < v.Length; i++) span[i] = char.IsAsciiDigit(v[i]) ? (char)(v[i] + 0xFEE0) : v[i];
        }),
        DefectKind.NonIsoDate => DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture)
            .ToString(DateFormats[random.Next(DateFormats.Length)], CultureInfo.InvariantCulture),
        DefectKind.GenderMismatch => value == "1" ? "2" : "1",
        DefectKind.DecoratedPhone => Decorate(value, random.Next(5)),
        DefectKind.LegacyId => string.Concat(value.AsSpan(0, 6), value.AsSpan(8, 9)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a per-value defect."),
    };

    private static string WrongLastCharacter(string value, Random random)
    {
        var wrong = (char)('0' + random.Next(9));
        if (wrong >= value[^1]) wrong++;
        return string.Concat(value.AsSpan(0, value.Length - 1), new ReadOnlySpan<char>(in wrong));
    }

    private static string Decorate(string mobile, int style) => style switch
    {
        0 => $"+86 {mobile[..3]}-{mobile[3..7]}-{mobile[7..]}",
        1 => "+86" + mobile,
        2 => $"0086 {mobile[..3]} {mobile[3..7]} {mobile[7..]}",
        3 => $"{mobile[..3]}-{mobile[3..7]}-{mobile[7..]}",
        _ => $"{mobile[..3]} {mobile[3..7]} {mobile[7..]}",
    };
}
