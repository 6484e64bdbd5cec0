namespace GovDataConsole.Features.Catalog;

/// <summary>The edit model of a data resource with its info items (the dialog and the inventory workbook both fill it).</summary>
public sealed class ResourceForm
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Summary { get; set; }
    public int DepartmentId { get; set; }
    public int? InformationSystemId { get; set; }
    public ShareType ShareType { get; set; } = ShareType.Unconditional;
    public string? ShareCondition { get; set; }
    public OpenType OpenType { get; set; } = OpenType.NotOpen;
    public UpdateCycle UpdateCycle { get; set; } = UpdateCycle.Monthly;
    public SensitivityGrade SensitivityGrade { get; set; } = SensitivityGrade.General;
    public List<InfoItemForm> Items { get; set; } = [];

    /// <summary>The field-level rules that need no database; the service adds uniqueness and references.</summary>
    public List<string> Validate(string departmentCode)
    {
        var errors = new List<string>();
        Add(errors, ResourceRules.Code(Code, departmentCode));
        Add(errors, ResourceRules.Name(Name));
        Add(errors, ResourceRules.Summary(Summary));
        Add(errors, ResourceRules.ShareCondition(ShareType, ShareCondition));
        if (Items.Count == 0) errors.Add(Resources.UiText.Catalog_NoItems);
        foreach (var (item, index) in Items.Select((item, i) => (item, i + 1)))
            errors.AddRange(item.Validate().Select(e => string.Format(Resources.UiText.Catalog_ItemError, index, item.Code, e)));
        foreach (var duplicate in Items.GroupBy(i => i.Code.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            errors.Add(string.Format(Resources.UiText.Catalog_DuplicateItemCode, duplicate.Key));
        return errors;
    }

    private static void Add(List<string> errors, string? error)
    {
        if (error is not null) errors.Add(error);
    }
}

public sealed class InfoItemForm
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public ItemDataType DataType { get; set; } = ItemDataType.String;
    public int? Length { get; set; }
    public int? Precision { get; set; }
    public bool Required { get; set; }
    public bool IsKey { get; set; }
    public int? DictionaryId { get; set; }
    public SensitivityKind Sensitivity { get; set; } = SensitivityKind.None;
    public string? Description { get; set; }

    public IEnumerable<string> Validate() => new[]
    {
        ResourceRules.ItemCode(Code),
        ResourceRules.ItemName(Name),
        ResourceRules.ItemLength(DataType, Length, Precision),
        ResourceRules.Description(Description),
    }.OfType<string>();
}
