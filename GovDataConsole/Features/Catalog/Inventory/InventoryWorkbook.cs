using ClosedXML.Excel;
using GovDataConsole.Excel;
using GovDataConsole.Features.Shared;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Features.Catalog.Inventory;

/// <summary>
/// Writes the inventory workbook: the department template (prefilled with its catalog) and the catalog export share it.
/// Hidden code row, marked required headers, dropdowns fed from the 代码表 sheet, frozen header, computed widths.
/// </summary>
public static class InventoryWorkbook
{
    private const int ValidatedRows = 2000;
    private static readonly XLColor RequiredFill = XLColor.FromHtml("#FDECEA");
    private static readonly XLColor HeaderFill = XLColor.FromHtml("#E8F0FB");

    public static byte[] Build(IReadOnlyList<ResourceForm> resources, CatalogLookups lookups, IEnumerable<string> systemNames)
    {
        using var workbook = new XLWorkbook();
        workbook.CustomProperties.Add(InventoryColumns.TemplateProperty, InventoryColumns.TemplateVersion);

        var instructions = workbook.Worksheets.Add(InventoryColumns.InstructionSheet);
        var resourceSheet = workbook.Worksheets.Add(InventoryColumns.ResourceSheet);
        var itemSheet = workbook.Worksheets.Add(InventoryColumns.ItemSheet);
        var lists = WriteLists(workbook.Worksheets.Add(InventoryColumns.ListSheet), lookups, systemNames);

        WriteSheet(resourceSheet, InventoryColumns.Resource, lists, resources.Select(r => ResourceCells(r, lookups)));
        WriteSheet(itemSheet, InventoryColumns.Item, lists,
            resources.SelectMany(r => r.Items.Select(i => ItemCells(r.Code, i, lookups))));
        WriteInstructions(instructions);
        resourceSheet.SetTabActive();
        instructions.SetTabActive(false);

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

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

    private static void WriteSheet(IXLWorksheet sheet, IReadOnlyList<InventoryColumn> columns, IReadOnlyDictionary<ValueList, IXLRange> lists,
        IEnumerable<string?[]> rows)
    {
        var rowNumber = InventoryColumns.FirstDataRow;
        var widths = columns.Select(c => new List<string?> { c.Label + " *" }).ToArray();
        foreach (var cells in rows)
        {
            for (var c = 0; c < cells.Length; c++)
            {
                sheet.Cell(rowNumber, c + 1).WriteText(cells[c]);
                widths[c].Add(cells[c]);
            }
            rowNumber++;
        }

        for (var c = 0; c < columns.Count; c++)
        {
            var column = columns[c];
            sheet.Cell(InventoryColumns.CodeRow, c + 1).WriteText(column.Code);
            var header = sheet.Cell(InventoryColumns.HeaderRow, c + 1);
            header.WriteText(column.Required ? column.Label + " *" : column.Label);
            header.Style.Font.Bold = true;
            header.Style.Fill.BackgroundColor = column.Required ? RequiredFill : HeaderFill;
            if (column.Required) header.Style.Font.FontColor = XLColor.FromHtml("#B71C1C");
            header.Comment.AddText(column.Help);
            sheet.Column(c + 1).Width = ColumnWidths.Fit(widths[c]);
            var data = sheet.Range(InventoryColumns.FirstDataRow, c + 1, Math.Max(rowNumber, InventoryColumns.FirstDataRow) + ValidatedRows, c + 1);
            data.Style.NumberFormat.Format = "@";
            if (lists.TryGetValue(column.Values, out var list))
            {
                var validation = data.SetDataValidation();
                validation.List(list, true);
                validation.ErrorTitle = T.Inventory_InvalidChoiceTitle;
                validation.ErrorMessage = string.Format(T.Inventory_InvalidChoice, column.Label);
            }
        }
        sheet.Row(InventoryColumns.CodeRow).Hide();
        sheet.SheetView.FreezeRows(InventoryColumns.HeaderRow);
    }

    /// <summary>The allowed values, one column per list; dropdowns refer to these ranges.</summary>
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
        {
            var (list, title, values) = lists[c];
            var header = sheet.Cell(1, c + 1).WriteText(title);
            header.Style.Font.Bold = true;
            header.Style.Fill.BackgroundColor = HeaderFill;
            for (var r = 0; r < values.Count; r++) sheet.Cell(r + 2, c + 1).WriteText(values[r]);
            sheet.Column(c + 1).Width = ColumnWidths.Fit(values.Append(title));
            if (values.Count > 0) ranges[list] = sheet.Range(2, c + 1, values.Count + 1, c + 1);
        }
        sheet.SheetView.FreezeRows(1);
        return ranges;
    }

    private static void WriteInstructions(IXLWorksheet sheet)
    {
        string[] headers = [T.Inventory_HelpSheet, T.Inventory_HelpColumn, T.Inventory_HelpCode, T.Catalog_ItemRequired, T.Inventory_HelpText];
        sheet.Cell(1, 1).WriteText(T.Inventory_Title).Style.Font.SetBold().Font.SetFontSize(14);
        sheet.Cell(2, 1).WriteText(T.Inventory_Intro);
        for (var c = 0; c < headers.Length; c++)
        {
            var cell = sheet.Cell(4, c + 1).WriteText(headers[c]);
            cell.Style.Font.Bold = true;
            cell.Style.Fill.BackgroundColor = HeaderFill;
        }
        var row = 5;
        foreach (var (sheetName, columns) in new[] { (InventoryColumns.ResourceSheet, InventoryColumns.Resource), (InventoryColumns.ItemSheet, InventoryColumns.Item) })
            foreach (var column in columns)
            {
                sheet.Cell(row, 1).WriteText(sheetName);
                sheet.Cell(row, 2).WriteText(column.Label);
                sheet.Cell(row, 3).WriteText(column.Code);
                sheet.Cell(row, 4).WriteText(column.Required ? T.Common_Yes : T.Common_No);
                sheet.Cell(row, 5).WriteText(column.Help);
                row++;
            }
        double[] widths = [12, 20, 20, 8, 90];
        for (var c = 0; c < widths.Length; c++) sheet.Column(c + 1).Width = widths[c];
        sheet.Column(5).Style.Alignment.WrapText = true;
    }
}
