namespace GovDataConsole.Features.Catalog;

/// <summary>An info item (信息项) of a data resource: one column of the data departments hand in.</summary>
public class InfoItem
{
    public int Id { get; private set; }
    public int DataResourceId { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public ItemDataType DataType { get; private set; }
    public int? Length { get; private set; }
    public int? Precision { get; private set; }
    public bool Required { get; private set; }
    public bool IsKey { get; private set; }
    public int? DictionaryId { get; private set; }
    public CodeDictionary? Dictionary { get; private set; }
    public SensitivityKind Sensitivity { get; private set; }
    public string? Description { get; private set; }
    public int SortOrder { get; private set; }

    private InfoItem() { }

    internal InfoItem(InfoItemForm form, int order) => Apply(form, order);

    internal void Apply(InfoItemForm form, int order)
    {
        Code = form.Code.Trim();
        Name = form.Name.Trim();
        DataType = form.DataType;
        Length = form.DataType is ItemDataType.String or ItemDataType.Decimal ? form.Length : null;
        Precision = form.DataType == ItemDataType.Decimal ? form.Precision ?? 0 : null;
        Required = form.Required || form.IsKey;
        IsKey = form.IsKey;
        DictionaryId = form.DictionaryId;
        Sensitivity = form.Sensitivity;
        Description = string.IsNullOrWhiteSpace(form.Description) ? null : form.Description.Trim();
        SortOrder = order;
    }

    public InfoItemForm ToForm() => new()
    {
        Code = Code, Name = Name, DataType = DataType, Length = Length, Precision = Precision, Required = Required, IsKey = IsKey,
        DictionaryId = DictionaryId, Sensitivity = Sensitivity, Description = Description,
    };
}
