using System.Globalization;
using GovDataConsole.Excel;
using GovDataConsole.Features.Shared;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Features.Catalog.Inventory;

/// <summary>Turns the two inventory sheets into resource forms, checking every cell and noting each bad one.</summary>
internal sealed class InventoryParser(int departmentId, string departmentCode, CatalogLookups lookups, IReadOnlyDictionary<string, int> otherDepartmentCodes)
{
    private readonly List<CellError> errors = [];
    private readonly Dictionary<string, ResourceForm> resources = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, (string Sheet, int Row, int Column)> resourceCells = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<CellError> Errors => errors;

    public IReadOnlyList<ResourceForm> Resources => [.. resources.Values];

    public void ReadResource(string sheet, SheetRow row, IReadOnlyDictionary<string, int> columns)
    {
        var cells = new RowCells(sheet, row, columns, errors);
        var code = cells.Text(InventoryColumns.ResourceCode);
        if (cells.Check(InventoryColumns.ResourceCode, ResourceRules.Code(code, departmentCode))) return;
        if (resources.ContainsKey(code!))
        {
            cells.Error(InventoryColumns.ResourceCode, string.Format(T.Inventory_DuplicateResource, code));
            return;
        }
        if (otherDepartmentCodes.ContainsKey(code!))
        {
            cells.Error(InventoryColumns.ResourceCode, string.Format(T.Inventory_OtherDepartment, code));
            return;
        }

        var form = new ResourceForm { DepartmentId = departmentId, Code = code!.Trim() };
        form.Name = cells.Text(InventoryColumns.ResourceName) ?? "";
        cells.Check(InventoryColumns.ResourceName, ResourceRules.Name(form.Name));
        form.Summary = cells.Text(InventoryColumns.Summary);
        cells.Check(InventoryColumns.Summary, ResourceRules.Summary(form.Summary));
        if (cells.Text(InventoryColumns.System) is { } systemName)
        {
            form.InformationSystemId = lookups.SystemId(departmentId, systemName);
            if (form.InformationSystemId is null) cells.Error(InventoryColumns.System, string.Format(T.Inventory_UnknownSystem, systemName));
        }
        form.ShareType = cells.Choice<ShareType>(InventoryColumns.ShareType);
        form.ShareCondition = cells.Text(InventoryColumns.ShareCondition);
        cells.Check(InventoryColumns.ShareCondition, ResourceRules.ShareCondition(form.ShareType, form.ShareCondition));
        form.OpenType = cells.Choice<OpenType>(InventoryColumns.OpenType);
        form.UpdateCycle = cells.Choice<UpdateCycle>(InventoryColumns.UpdateCycle);
        form.SensitivityGrade = cells.Choice<SensitivityGrade>(InventoryColumns.Grade);
        resources[form.Code] = form;
        resourceCells[form.Code] = (sheet, row.Number, columns[InventoryColumns.ResourceCode.Code]);
    }

    public void ReadItem(string sheet, SheetRow row, IReadOnlyDictionary<string, int> columns)
    {
        var cells = new RowCells(sheet, row, columns, errors);
        var resourceCode = cells.Text(InventoryColumns.ItemResource);
        if (resourceCode is null)
        {
            cells.Error(InventoryColumns.ItemResource, T.Inventory_Required);
            return;
        }
        if (!resources.TryGetValue(resourceCode, out var resource))
        {
            cells.Error(InventoryColumns.ItemResource, string.Format(T.Inventory_UnknownResource, resourceCode));
            return;
        }

        var item = new InfoItemForm { Code = cells.Text(InventoryColumns.ItemCode) ?? "" };
        if (!cells.Check(InventoryColumns.ItemCode, ResourceRules.ItemCode(item.Code))
            && resource.Items.Any(i => string.Equals(i.Code, item.Code.Trim(), StringComparison.OrdinalIgnoreCase)))
            cells.Error(InventoryColumns.ItemCode, string.Format(T.Catalog_DuplicateItemCode, item.Code));
        item.Name = cells.Text(InventoryColumns.ItemName) ?? "";
        cells.Check(InventoryColumns.ItemName, ResourceRules.ItemName(item.Name));
        item.DataType = cells.Choice<ItemDataType>(InventoryColumns.DataType);
        item.Length = cells.Integer(InventoryColumns.Length);
        item.Precision = cells.Integer(InventoryColumns.Precision);
        var lengthError = ResourceRules.ItemLength(item.DataType, item.Length, item.Precision);
        cells.Check(lengthError == T.Catalog_DecimalPrecision ? InventoryColumns.Precision : InventoryColumns.Length, lengthError);
        item.Required = cells.YesNo(InventoryColumns.Required);
        item.IsKey = cells.YesNo(InventoryColumns.IsKey);
        if (cells.Text(InventoryColumns.Dictionary) is { } dictionaryName)
        {
            item.DictionaryId = lookups.DictionaryId(dictionaryName);
            if (item.DictionaryId is null) cells.Error(InventoryColumns.Dictionary, string.Format(T.Inventory_UnknownDictionary, dictionaryName));
        }
        item.Sensitivity = cells.Text(InventoryColumns.Sensitivity) is null ? SensitivityKind.None : cells.Choice<SensitivityKind>(InventoryColumns.Sensitivity);
        item.Description = cells.Text(InventoryColumns.Description);
        cells.Check(InventoryColumns.Description, ResourceRules.Description(item.Description));
        resource.Items.Add(item);
    }

    /// <summary>After both sheets: every resource needs at least one info item.</summary>
    public void Complete()
    {
        foreach (var (code, form) in resources.Where(r => r.Value.Items.Count == 0))
        {
            var (sheet, row, column) = resourceCells[code];
            errors.Add(new CellError(sheet, row, column, code, T.Catalog_NoItems));
        }
    }

    /// <summary>One row's cells by column code, recording errors against the right cell.</summary>
    private sealed class RowCells(string sheet, SheetRow row, IReadOnlyDictionary<string, int> columns, List<CellError> errors)
    {
        public string? Text(InventoryColumn column)
        {
            if (!columns.TryGetValue(column.Code, out var index)) return null;
            var cell = row.Find(index);
            if (cell is { IsFormula: true })
            {
                Error(column, T.Inventory_Formula);
                return null;
            }
            var text = cell?.Text.Trim();
            return string.IsNullOrEmpty(text) ? null : text;
        }

        public TEnum Choice<TEnum>(InventoryColumn column) where TEnum : struct, Enum
        {
            var text = Text(column);
            if (text is null)
            {
                if (column.Required) Error(column, T.Inventory_Required);
                return default;
            }
            if (EnumLabels.TryParse<TEnum>(text, out var value)) return value;
            Error(column, string.Format(T.Inventory_NotInList, string.Join(" / ", EnumLabels.All<TEnum>())));
            return default;
        }

        public int? Integer(InventoryColumn column)
        {
            var text = Text(column);
            if (text is null) return null;
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) return value;
            Error(column, T.Inventory_NotInteger);
            return null;
        }

        public bool YesNo(InventoryColumn column)
        {
            var text = Text(column);
            if (text is null || text == T.Common_No) return false;
            if (text == T.Common_Yes) return true;
            Error(column, T.Inventory_YesNoOnly);
            return false;
        }

        /// <summary>Records <paramref name="error"/> when there is one; true when it did.</summary>
        public bool Check(InventoryColumn column, string? error)
        {
            if (error is null) return false;
            Error(column, error);
            return true;
        }

        public void Error(InventoryColumn column, string message)
        {
            var index = columns[column.Code];
            errors.Add(new CellError(sheet, row.Number, index, row.Find(index)?.Text, message));
        }
    }
}
