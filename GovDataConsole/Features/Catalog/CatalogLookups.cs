using GovDataConsole.Data;
using Microsoft.EntityFrameworkCore;

namespace GovDataConsole.Features.Catalog;

/// <summary>Names of systems and dictionaries by id (and back), loaded once per operation.</summary>
public sealed class CatalogLookups
{
    private readonly Dictionary<int, (int DepartmentId, string Name)> systems;
    private readonly Dictionary<int, string> dictionaries;

    private CatalogLookups(Dictionary<int, (int, string)> systems, Dictionary<int, string> dictionaries)
    {
        this.systems = systems;
        this.dictionaries = dictionaries;
    }

    public static async Task<CatalogLookups> LoadAsync(AppDbContext db, CancellationToken ct) => new(
        await db.InformationSystems.AsNoTracking().ToDictionaryAsync(s => s.Id, s => (s.DepartmentId, s.Name), ct),
        await db.CodeDictionaries.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct));

    public string? SystemName(int? id) => id is int i && systems.TryGetValue(i, out var s) ? s.Name : null;

    public bool SystemBelongsTo(int systemId, int departmentId) => systems.TryGetValue(systemId, out var s) && s.DepartmentId == departmentId;

    public int? SystemId(int departmentId, string? name) =>
        systems.Where(s => s.Value.DepartmentId == departmentId && s.Value.Name == name?.Trim()).Select(s => (int?)s.Key).FirstOrDefault();

    public string? DictionaryName(int? id) => id is int i ? dictionaries.GetValueOrDefault(i) : null;

    public int? DictionaryId(string? name) =>
        dictionaries.Where(d => d.Value == name?.Trim()).Select(d => (int?)d.Key).FirstOrDefault();

    public IEnumerable<string> DictionaryNames => dictionaries.Values.Order();

    public IEnumerable<string> SystemNames(int departmentId) =>
        systems.Values.Where(s => s.DepartmentId == departmentId).Select(s => s.Name).Order();
}
