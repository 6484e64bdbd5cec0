using ClosedXML.Excel;
using GovDataConsole.Data;
using GovDataConsole.Excel;
using GovDataConsole.Features.Catalog;
using GovDataConsole.Features.Catalog.Inventory;
using GovDataConsole.Features.Organization;
using GovDataConsole.Features.Shared;
using Microsoft.EntityFrameworkCore;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Features.Collection;

/// <summary>The data-batch template of a resource: one column per info item (codes in the hidden row), dictionary dropdowns, 填写说明.</summary>
public sealed class BatchTemplate(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser)
{
    public async Task<WorkbookFile> BuildAsync(int resourceId, CancellationToken ct)
    {
        var user = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var resource = await db.DataResources.AsNoTracking().Include(r => r.Items).ThenInclude(i => i.Dictionary).ThenInclude(d => d!.Entries)
            .FirstOrDefaultAsync(r => r.Id == resourceId, ct) ?? throw new NotFoundException(T.Catalog_NotFound);
        user.EnsureDepartment(resource.DepartmentId);

        using var workbook = new XLWorkbook();
        var instructions = workbook.Worksheets.Add(T.Inventory_InstructionSheet);
        var data = workbook.Worksheets.Add(T.BatchTemplate_DataSheet);
        var lists = workbook.Worksheets.Add(T.Inventory_ListSheet);

        var items = resource.Items.OrderBy(i => i.SortOrder).ToList();
        var choices = new Dictionary<int, IXLRange>();
        var listColumn = 1;
        foreach (var dictionary in items.Where(i => i.Dictionary is not null).Select(i => i.Dictionary!).DistinctBy(d => d.Id))
        {
            var entries = dictionary.Entries.OrderBy(e => e.SortOrder).ToList();
            if (TemplateSheet.WriteList(lists, listColumn, dictionary.Name, entries.Select(e => e.Code).ToList()) is { } range) choices[dictionary.Id] = range;
            lists.Cell(1, listColumn + 1).WriteText(T.Dictionary_EntryName).Style.Font.SetBold().Fill.SetBackgroundColor(TemplateSheet.HeaderFill);
            for (var r = 0; r < entries.Count; r++) lists.Cell(r + 2, listColumn + 1).WriteText(entries[r].Name);
            lists.Column(listColumn + 1).Width = ColumnWidths.Fit(entries.Select(e => e.Name));
            listColumn += 3;
        }

        var columns = items.Select(i => new TemplateColumn(i.Code, i.Name, i.Required, Help(i),
            i.DictionaryId is int d ? choices.GetValueOrDefault(d) : null)).ToList();
        TemplateSheet.Write(data, columns, []);
        TemplateSheet.WriteInstructions(instructions, string.Format(T.BatchTemplate_Title, resource.Code, resource.Name), T.BatchTemplate_Intro,
            columns.Select(c => (T.BatchTemplate_DataSheet, c)));
        data.SetTabActive();
        instructions.SetTabActive(false);
        return new WorkbookFile(string.Format(T.BatchTemplate_FileName, resource.Name, resource.Version), TemplateSheet.Save(workbook));
    }

    /// <summary>What a column takes: type and length, required, key, dictionary, date format, description.</summary>
    internal static string Help(InfoItem item)
    {
        var type = EnumLabels.Of(item.DataType) + (item.Length is int l ? $"({l}{(item.Precision is int p ? "," + p : "")})" : "");
        var parts = new List<string> { type };
        if (item.Required) parts.Add(T.Catalog_ItemRequired);
        if (item.IsKey) parts.Add(T.Catalog_ItemIsKey);
        if (item.Dictionary is not null) parts.Add(string.Format(T.BatchTemplate_DictionaryHelp, item.Dictionary.Name));
        if (item.DataType is ItemDataType.Date) parts.Add(T.BatchTemplate_DateHelp);
        if (item.Description is not null) parts.Add(item.Description);
        return string.Join("；", parts);
    }
}
