using GovDataConsole.Cleansing;
using GovDataConsole.Features.Cleansing;
using Microsoft.EntityFrameworkCore;

namespace GovDataConsole.Data;

/// <summary>Version 1 of the demo resources' cleansing rules, so the demo batches arrive cleansed.</summary>
public static class DemoCleansingSeed
{
    private static CleansingRule Rule(CleanserKind kind) =>
        new(kind, CleanserCatalog.ParametersOf(kind).ToDictionary(p => p.Name, p => p.Default));

    private static readonly Dictionary<string, (DedupMode Dedup, Dictionary<string, CleanserKind[]> Rules)> Sets = new()
    {
        ["330100GAJ/00001"] = (DedupMode.KeepFirst, new()
        {
            ["SFZH"] = [CleanserKind.Trim, CleanserKind.FullWidthToHalfWidth, CleanserKind.ResidentIdUpgrade],
            ["XM"] = [CleanserKind.Trim],
            ["XB"] = [CleanserKind.Trim, CleanserKind.DictionaryMapping],
            ["CSRQ"] = [CleanserKind.FullWidthToHalfWidth, CleanserKind.Date],
            ["HJDZ"] = [CleanserKind.Trim, CleanserKind.NullTokens],
            ["LXDH"] = [CleanserKind.PhoneNumber],
        }),
        ["330100SCJ/00001"] = (DedupMode.KeepFirst, new()
        {
            ["TYSHXYDM"] = [CleanserKind.Trim, CleanserKind.FullWidthToHalfWidth, CleanserKind.UpperCase],
            ["ZCZB"] = [CleanserKind.Number],
            ["CLRQ"] = [CleanserKind.FullWidthToHalfWidth, CleanserKind.Date],
            ["ZS"] = [CleanserKind.Trim, CleanserKind.NullTokens],
        }),
        ["330100RSJ/00001"] = (DedupMode.None, new()
        {
            ["SFZH"] = [CleanserKind.Trim, CleanserKind.FullWidthToHalfWidth, CleanserKind.ResidentIdUpgrade],
            ["SJHM"] = [CleanserKind.PhoneNumber],
            ["CBRQ"] = [CleanserKind.FullWidthToHalfWidth, CleanserKind.Date],
        }),
    };

    public static async Task SeedAsync(AppDbContext db, CancellationToken ct)
    {
        var resources = await db.DataResources.Where(r => Sets.Keys.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Id, ct);
        foreach (var (code, (dedup, rules)) in Sets)
            db.CleansingRuleSets.Add(new CleansingRuleSet(resources[code], 1,
                rules.ToDictionary(r => r.Key, r => (IReadOnlyList<CleansingRule>)r.Value.Select(Rule).ToList()), dedup, "steward"));
        await db.SaveChangesAsync(ct);
    }
}
