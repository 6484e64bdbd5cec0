using GovDataConsole.Data;
using GovDataConsole.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace GovDataConsole.Features.Catalog;

/// <summary>Seeds the standard code dictionaries every deployment needs; idempotent (adds only what is missing).</summary>
public static class StandardDictionaries
{
    public const string Gender = "GB2261.1-XB";
    public const string Ethnic = "GB3304-MZ";
    public const string Division = "GB2260-XZQH";
    public const string ShareTypes = "GXLX";
    public const string OpenTypes = "KFLX";
    public const string UpdateCycles = "GXZQ";

    public static async Task EnsureAsync(AppDbContext db, CancellationToken ct)
    {
        var existing = await db.CodeDictionaries.Select(d => d.Code).ToListAsync(ct);
        foreach (var (code, build) in Definitions())
            if (!existing.Contains(code)) db.CodeDictionaries.Add(build());
        await db.SaveChangesAsync(ct);
    }

    private static IEnumerable<(string Code, Func<CodeDictionary> Build)> Definitions()
    {
        yield return (Gender, () => FromRows(Gender, "性别", "GB/T 2261.1-2003", ReferenceData.Rows("gbt2261-gender.csv").Select(r => (r[0], r[1], (string?)null))));
        yield return (Ethnic, () => FromRows(Ethnic, "民族", "GB/T 3304-1991", ReferenceData.Rows("gbt3304-ethnic.csv").Select(r => (r[0], r[1], (string?)null))));
        yield return (Division, () => FromRows(Division, "行政区划", "GB/T 2260", Divisions()));
        yield return (ShareTypes, () => FromEnum<ShareType>(ShareTypes, "共享类型"));
        yield return (OpenTypes, () => FromEnum<OpenType>(OpenTypes, "开放类型"));
        yield return (UpdateCycles, () => FromEnum<UpdateCycle>(UpdateCycles, "更新周期"));
    }

    /// <summary>All provinces (for resident-ID prefixes) plus every city and county of the seeded province.</summary>
    private static IEnumerable<(string, string, string?)> Divisions()
    {
        var province = ReferenceData.Rows("gbt2260-zhejiang.csv").Select(r => (Code: r[0], Name: r[1], Parent: r[3].Length == 0 ? null : r[3])).ToList();
        var provinceCodes = province.Select(p => p.Code).ToHashSet();
        var others = ReferenceData.Rows("gbt2260-provinces.csv").Select(r => (Code: r[0] + "0000", Name: r[1], Parent: (string?)null))
            .Where(p => !provinceCodes.Contains(p.Code));
        return others.Concat(province).OrderBy(p => p.Code).Select(p => (p.Code, p.Name, p.Parent));
    }

    private static CodeDictionary FromRows(string code, string name, string standard, IEnumerable<(string Code, string Name, string? Parent)> rows)
    {
        var dictionary = new CodeDictionary(code, name, standard, isSystem: true);
        foreach (var row in rows) dictionary.AddEntry(row.Code, row.Name, row.Parent);
        return dictionary;
    }

    private static CodeDictionary FromEnum<TEnum>(string code, string name) where TEnum : struct, Enum
    {
        var dictionary = new CodeDictionary(code, name, "政务数据资源目录", isSystem: true);
        foreach (var (value, index) in Enum.GetValues<TEnum>().Select((v, i) => (v, i + 1)))
            dictionary.AddEntry(index.ToString(), EnumLabels.Of(value));
        return dictionary;
    }
}
