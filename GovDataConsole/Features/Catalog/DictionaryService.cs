using GovDataConsole.Data;
using GovDataConsole.Features.Audit;
using GovDataConsole.Features.Organization;
using GovDataConsole.Features.Shared;
using Microsoft.EntityFrameworkCore;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Features.Catalog;

public sealed record DictionaryRow(int Id, string Code, string Name, string? Standard, bool IsSystem, int EntryCount);

public sealed record EntryRow(int Id, string Code, string Name, string? ParentCode);

/// <summary>Code dictionaries (代码表): everyone may read them; stewards and admins maintain them.</summary>
public sealed class DictionaryService(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, AuditLog audit)
{
    public async Task<IReadOnlyList<DictionaryRow>> ListAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.CodeDictionaries.AsNoTracking().OrderBy(d => d.Code)
            .Select(d => new DictionaryRow(d.Id, d.Code, d.Name, d.Standard, d.IsSystem, d.Entries.Count)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<EntryRow>> EntriesAsync(int dictionaryId, string? search, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entries = db.CodeDictionaryEntries.AsNoTracking().Where(e => e.DictionaryId == dictionaryId);
        if (!string.IsNullOrWhiteSpace(search)) entries = entries.Where(e => e.Code.Contains(search.Trim()) || e.Name.Contains(search.Trim()));
        return await entries.OrderBy(e => e.SortOrder).Select(e => new EntryRow(e.Id, e.Code, e.Name, e.ParentCode)).ToListAsync(ct);
    }

    public async Task<int> CreateAsync(string code, string name, string? standard, CancellationToken ct)
    {
        (await currentUser.GetAsync()).EnsureRole(Roles.Steward, Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(code) || code.Trim().Length > 40) errors.Add(T.Dictionary_CodeInvalid);
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100) errors.Add(T.Dictionary_NameInvalid);
        if (errors.Count == 0 && await db.CodeDictionaries.AnyAsync(d => d.Code == code.Trim(), ct)) errors.Add(T.Dictionary_CodeTaken);
        if (errors.Count > 0) throw new BusinessRuleException(errors);
        var dictionary = new CodeDictionary(code.Trim(), name.Trim(), string.IsNullOrWhiteSpace(standard) ? null : standard.Trim(), isSystem: false);
        db.CodeDictionaries.Add(dictionary);
        await audit.StageAsync(db, AuditActions.CatalogCategory, AuditActions.DictionarySaved, dictionary.Code, dictionary.Name);
        await db.SaveChangesAsync(ct);
        return dictionary.Id;
    }

    /// <summary>Adds an entry, or changes one when <paramref name="entryId"/> is given.</summary>
    public async Task SaveEntryAsync(int dictionaryId, int? entryId, string code, string name, CancellationToken ct)
    {
        (await currentUser.GetAsync()).EnsureRole(Roles.Steward, Roles.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dictionary = await db.CodeDictionaries.Include(d => d.Entries).FirstOrDefaultAsync(d => d.Id == dictionaryId, ct)
            ?? throw new NotFoundException(T.Dictionary_NotFound);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(code) || code.Trim().Length > 40) errors.Add(T.Dictionary_EntryCodeInvalid);
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100) errors.Add(T.Dictionary_EntryNameInvalid);
        if (dictionary.Entries.Any(e => e.Code == code?.Trim() && e.Id != entryId)) errors.Add(T.Dictionary_EntryCodeTaken);
        if (errors.Count > 0) throw new BusinessRuleException(errors);
        if (entryId is int id)
            (dictionary.Entries.FirstOrDefault(e => e.Id == id) ?? throw new NotFoundException(T.Dictionary_NotFound)).Update(code, name);
        else
            dictionary.AddEntry(code, name);
        await audit.StageAsync(db, AuditActions.CatalogCategory, AuditActions.DictionarySaved, dictionary.Code, $"{code.Trim()} {name.Trim()}");
        await db.SaveChangesAsync(ct);
    }
}
