using GovDataConsole.Excel;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Features.Catalog.Inventory;

/// <summary>Where a column's allowed values come from (a list on the 代码表 sheet).</summary>
public enum ValueList { None, ShareType, OpenType, UpdateCycle, SensitivityGrade, DataType, YesNo, Sensitivity, Dictionary, System }

/// <summary>One column of the inventory workbook: a stable code (hidden row 1), a Chinese label, and its rules.</summary>
public sealed record InventoryColumn(string Code, string Label, bool Required, ValueList Values, string Help);

/// <summary>The inventory workbook's layout: sheets 资源目录 and 信息项, matched on column codes, never on labels.</summary>
public static class InventoryColumns
{
    public const string TemplateProperty = "GovDataConsole.Template";
    public const string TemplateVersion = "inventory/1";
    public const int CodeRow = TemplateSheet.CodeRow;
    public const int HeaderRow = TemplateSheet.HeaderRow;
    public const int FirstDataRow = TemplateSheet.FirstDataRow;

    public static string ResourceSheet => T.Inventory_ResourceSheet;
    public static string ItemSheet => T.Inventory_ItemSheet;
    public static string InstructionSheet => T.Inventory_InstructionSheet;
    public static string ListSheet => T.Inventory_ListSheet;

    public static readonly InventoryColumn ResourceCode = new("resource_code", T.Catalog_Code, true, ValueList.None, T.InventoryHelp_ResourceCode);
    public static readonly InventoryColumn ResourceName = new("resource_name", T.Catalog_Name, true, ValueList.None, T.InventoryHelp_ResourceName);
    public static readonly InventoryColumn Summary = new("summary", T.Catalog_Summary, false, ValueList.None, T.InventoryHelp_Summary);
    public static readonly InventoryColumn System = new("system", T.Catalog_System, false, ValueList.System, T.InventoryHelp_System);
    public static readonly InventoryColumn ShareType = new("share_type", T.Catalog_ShareType, true, ValueList.ShareType, T.InventoryHelp_ShareType);
    public static readonly InventoryColumn ShareCondition = new("share_condition", T.Catalog_ShareCondition, false, ValueList.None, T.InventoryHelp_ShareCondition);
    public static readonly InventoryColumn OpenType = new("open_type", T.Catalog_OpenType, true, ValueList.OpenType, T.InventoryHelp_OpenType);
    public static readonly InventoryColumn UpdateCycle = new("update_cycle", T.Catalog_UpdateCycle, true, ValueList.UpdateCycle, T.InventoryHelp_UpdateCycle);
    public static readonly InventoryColumn Grade = new("sensitivity_grade", T.Catalog_SensitivityGrade, true, ValueList.SensitivityGrade, T.InventoryHelp_Grade);

    public static readonly InventoryColumn ItemResource = new("resource_code", T.Catalog_Code, true, ValueList.None, T.InventoryHelp_ItemResource);
    public static readonly InventoryColumn ItemCode = new("item_code", T.Catalog_ItemCode, true, ValueList.None, T.InventoryHelp_ItemCode);
    public static readonly InventoryColumn ItemName = new("item_name", T.Catalog_ItemName, true, ValueList.None, T.InventoryHelp_ItemName);
    public static readonly InventoryColumn DataType = new("data_type", T.Catalog_ItemDataType, true, ValueList.DataType, T.InventoryHelp_DataType);
    public static readonly InventoryColumn Length = new("length", T.Catalog_ItemLength, false, ValueList.None, T.InventoryHelp_Length);
    public static readonly InventoryColumn Precision = new("precision", T.Catalog_ItemPrecision, false, ValueList.None, T.InventoryHelp_Precision);
    public static readonly InventoryColumn Required = new("required", T.Catalog_ItemRequired, false, ValueList.YesNo, T.InventoryHelp_Required);
    public static readonly InventoryColumn IsKey = new("is_key", T.Catalog_ItemIsKey, false, ValueList.YesNo, T.InventoryHelp_IsKey);
    public static readonly InventoryColumn Dictionary = new("dictionary", T.Catalog_ItemDictionary, false, ValueList.Dictionary, T.InventoryHelp_Dictionary);
    public static readonly InventoryColumn Sensitivity = new("sensitivity", T.Catalog_ItemSensitivity, false, ValueList.Sensitivity, T.InventoryHelp_Sensitivity);
    public static readonly InventoryColumn Description = new("description", T.Catalog_ItemDescription, false, ValueList.None, T.InventoryHelp_Description);

    public static readonly IReadOnlyList<InventoryColumn> Resource = [ResourceCode, ResourceName, Summary, System, ShareType, ShareCondition, OpenType, UpdateCycle, Grade];

    public static readonly IReadOnlyList<InventoryColumn> Item = [ItemResource, ItemCode, ItemName, DataType, Length, Precision, Required, IsKey, Dictionary, Sensitivity, Description];
}
