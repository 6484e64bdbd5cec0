using ClosedXML.Excel;
using GovDataConsole.Excel;
using GovDataConsole.Features.Shared;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Features.Catalog.Inventory;

/// <summary>Writes the inventory workbook: the department template (prefilled with its catalog) and the catalog export share it.</summary>
public static class InventoryWorkbook
{
    public static byte[] Build(IReadOnlyList<ResourceForm> resources, CatalogLookups lookups, IEnumerable<string> systemNames)
    {
        using var workbook = new XLWorkbook();
        workbook.CustomProperties.Add(InventoryColumns.TemplateProperty, InventoryColumns.TemplateVersion);

        var instructions = workbook.Worksheets.Add(InventoryColumns.InstructionSheet);
        var resourceSheet = workbook.Worksheets.Add(InventoryColumns.ResourceSheet);
        var itemSheet = workbook.Worksheets.Add(InventoryColumns.ItemSheet);
        var lists = WriteLists(workbook.Worksheets.Add(InventoryColumns.ListSheet), lookups, systemNames);

        var resourceColumns = Columns(InventoryColumns.Resource, lists);
        var itemColumns = Columns(InventoryColumns.Item, lists);
        TemplateSheet.Write(resourceSheet, resourceColumns, resources.Select(r => ResourceCells(r, lookups)));
        TemplateSheet.Write(itemSheet, itemColumns, resources.SelectMany(r => r.Items.Select(i => ItemCells(r.Code, i, lookups))));
        TemplateSheet.WriteInstructions(instructions, T.Inventory_Title, T.Inventory_Intro,
            resourceColumns.Select(c => (InventoryColumns.ResourceSheet, c)).Concat(itemColumns.Select(c => (InventoryColumns.ItemSheet, c))));
        resourceSheet.SetTabActive();
        instructions.SetTabActive(false);
        return TemplateSheet.Save(workbook);
    }

    private static List<TemplateColumn> Columns(IEnumerable<InventoryColumn> columns, IReadOnlyDictionary<ValueList, IXLRange> lists) =>
        columns.Select(c => new TemplateColumn(c.Code, c.Label, c.Required, c.Help, lists.GetValueOrDefault(c.Values))).ToList();

    private static string?[] ResourceCells(ResourceForm r, CatalogLookups lookups) =>
    [
        r.Code, r.Name, r.Summary, lookups.SystemName(r.InformationSystemId), EnumLabels.Of(r.ShareType), r.ShareCondition,
        EnumLabels.Of(r.OpenType), EnumLabels.Of(r.UpdateCycle), EnumLabels.Of(r.SensitivityGrade),
    ];

    private static string?[] ItemCells(string resourceCode, InfoItemForm i, CatalogLookups lookups) =>
    [
        resourceCode, i.Code, i.Name, EnumLabels.Of(i.DataType), i.Length?.ToString(), i.Precision?.ToString(), YesNo(i.Required),
        YesNo(i.IsKey), lookups.DictionaryName(i.DictionaryId), i.Sensitivity == SensitivityKind.None ? null : EnumLabels.Of(i.Sensitivity),
        i.Description,
    ];

    private static string YesNo(bool value) => value ? T.Common_Yes : T.Common_No;

    /// <summary>The allowed values, one column per list on the 代码表 sheet; dropdowns refer to these ranges.</summary>
    private static Dictionary<ValueList, IXLRange> WriteLists(IXLWorksheet sheet, CatalogLookups lookups, IEnumerable<string> systemNames)
    {
        var lists = new (ValueList List, string Title, IReadOnlyList<string> Values)[]
        {
            (ValueList.ShareType, T.Catalog_ShareType, EnumLabels.All<ShareType>()),
            (ValueList.OpenType, T.Catalog_OpenType, EnumLabels.All<OpenType>()),
            (ValueList.UpdateCycle, T.Catalog_UpdateCycle, EnumLabels.All<UpdateCycle>()),
            (ValueList.SensitivityGrade, T.Catalog_SensitivityGrade, EnumLabels.All<SensitivityGrade>()),
            (ValueList.DataType, T.Catalog_ItemDataType, EnumLabels.All<ItemDataType>()),
            (ValueList.YesNo, T.Inventory_YesNo, [T.Common_Yes, T.Common_No]),
            (ValueList.Sensitivity, T.Catalog_ItemSensitivity, EnumLabels.All<SensitivityKind>()),
            (ValueList.Dictionary, T.Catalog_ItemDictionary, lookups.DictionaryNames.ToList()),
            (ValueList.System, T.Catalog_System, systemNames.Distinct().ToList()),
        };
        var ranges = new Dictionary<ValueList, IXLRange>();
        for (var c = 0; c < lists.Length; c++)
            if (TemplateSheet.WriteList(sheet, c + 1, lists[c].Title, lists[c].Values) is { } range) ranges[lists[c].List] = range;
        return ranges;
    }
}
