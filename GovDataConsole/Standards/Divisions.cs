using System.Text;
using GovDataConsole.Data;

namespace GovDataConsole.Standards;

/// <summary>
/// The embedded GB/T 2260 table: every Zhejiang division (province, cities, counties) and the 34 province-level
/// codes of the country. Codes outside Zhejiang are known only at province level.
/// </summary>
public static class Divisions
{
    private static readonly bool[] ProvincePrefixes = new bool[100];
    private static readonly Dictionary<string, Division> ByCode = new(StringComparer.Ordinal);

    /// <summary>All 102 Zhejiang rows in table order: 330000, its 11 cities, their 90 county-level divisions.</summary>
    public static IReadOnlyList<Division> Zhejiang { get; }

    /// <summary>The 90 county-level divisions of Zhejiang (level 3), the prefixes of locally issued resident IDs.</summary>
    public static IReadOnlyList<Division> ZhejiangCounties { get; }

    /// <summary>The 34 province-level divisions as xx0000 codes.</summary>
    public static IReadOnlyList<Division> Provinces { get; }

    /// <summary>Every code in the table (Zhejiang and the province-level codes), for strict prefix checks.</summary>
    public static DivisionSet Known { get; }

    static Divisions()
    {
        Zhejiang = ReferenceData.Rows("gbt2260-zhejiang.csv")
            .Select(r => new Division(r[0], r[1], int.Parse(r[2]), r[3].Length == 0 ? null : r[3]))
            .ToArray();
        ZhejiangCounties = Zhejiang.Where(d => d.Level == 3).ToArray();
        Provinces = ReferenceData.Rows("gbt2260-provinces.csv")
            .Select(r => new Division(r[0] + "0000", r[1], 1, null))
            .ToArray();
        foreach (var province in Provinces)
        {
            ProvincePrefixes[int.Parse(province.Code.AsSpan(0, 2))] = true;
            ByCode[province.Code] = province;
        }
        foreach (var division in Zhejiang) ByCode[division.Code] = division;
        Known = new DivisionSet(ByCode.Keys);
    }

    public static Division? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var d) ? d : null;

    /// <summary>True when the two characters are the digits of a GB/T 2260 province-level code.</summary>
    public static bool IsProvincePrefix(ReadOnlySpan<char> prefix) =>
        prefix.Length == 2 && char.IsAsciiDigit(prefix[0]) && char.IsAsciiDigit(prefix[1])
        && ProvincePrefixes[(prefix[0] - '0') * 10 + prefix[1] - '0'];

    /// <summary>The names from the province down, e.g. 330106 → 浙江省杭州市西湖区; null when the code is unknown.</summary>
    public static string? FullName(string? code)
    {
        var division = Find(code);
        if (division is null) return null;
        var chain = new Stack<string>();
        for (var d = division; d is not null; d = Find(d.ParentCode)) chain.Push(d.Name);
        var name = new StringBuilder();
        foreach (var part in chain) name.Append(part);
        return name.ToString();
    }
}
