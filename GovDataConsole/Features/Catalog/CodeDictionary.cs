namespace GovDataConsole.Features.Catalog;

/// <summary>A code dictionary (代码表), e.g. GB/T 2261.1 性别; info items point at one to restrict their values.</summary>
public class CodeDictionary
{
    private readonly List<CodeDictionaryEntry> entries = [];

    public int Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string? Standard { get; private set; }
    public bool IsSystem { get; private set; }
    public IReadOnlyList<CodeDictionaryEntry> Entries => entries;

    private CodeDictionary() { }

    public CodeDictionary(string code, string name, string? standard, bool isSystem)
    {
        Code = code;
        Name = name;
        Standard = standard;
        IsSystem = isSystem;
    }

    public void Rename(string name, string? standard)
    {
        Name = name.Trim();
        Standard = string.IsNullOrWhiteSpace(standard) ? null : standard.Trim();
    }

    public CodeDictionaryEntry AddEntry(string code, string name, string? parentCode = null)
    {
        var entry = new CodeDictionaryEntry(code.Trim(), name.Trim(), parentCode, entries.Count + 1);
        entries.Add(entry);
        return entry;
    }
}

public class CodeDictionaryEntry
{
    public int Id { get; private set; }
    public int DictionaryId { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string? ParentCode { get; private set; }
    public int SortOrder { get; private set; }

    private CodeDictionaryEntry() { }

    internal CodeDictionaryEntry(string code, string name, string? parentCode, int sortOrder)
    {
        Code = code;
        Name = name;
        ParentCode = parentCode;
        SortOrder = sortOrder;
    }

    public void Update(string code, string name)
    {
        Code = code.Trim();
        Name = name.Trim();
    }
}
