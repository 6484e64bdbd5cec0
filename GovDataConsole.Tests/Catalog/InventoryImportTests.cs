using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GovDataConsole.Excel;
using GovDataConsole.Features.Catalog;
using GovDataConsole.Features.Catalog.Inventory;
using GovDataConsole.Features.Shared;
using GovDataConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GovDataConsole.Tests.Catalog.InventoryWorkbooks;

namespace GovDataConsole.Tests.Catalog;

/// <summary>The inventory workbook round trip on the real app: template out, edited workbook in, every refusal changes nothing.</summary>
public sealed class InventoryImportTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    private const string Sheet = "资源目录";
    private const string Items = "信息项";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(int DepartmentId, byte[] Template)> TemplateAsync(string user, string departmentCode)
    {
        await using var db = ActAs.Db(app.Services);
        var departmentId = await db.Departments.Where(d => d.Code == departmentCode).Select(d => d.Id).SingleAsync(Ct);
        await using var scope = await ActAs.UserAsync(app.Services, user);
        var file = await scope.ServiceProvider.GetRequiredService<InventoryService>().TemplateAsync(departmentId, Ct);
        return (departmentId, file.Content);
    }

    private async Task<InventoryImportResult> ImportAsync(string user, int departmentId, byte[] file, string name = "清单.xlsx")
    {
        await using var scope = await ActAs.UserAsync(app.Services, user);
        return await scope.ServiceProvider.GetRequiredService<InventoryImporter>().ImportAsync(departmentId, name, file, Ct);
    }

    /// <summary>A fingerprint of everything an import could touch.</summary>
    private async Task<string> CatalogStateAsync()
    {
        await using var db = ActAs.Db(app.Services);
        var resources = await db.DataResources.OrderBy(r => r.Id).Select(r => $"{r.Code}:{r.Version}:{r.UpdatedUtc.Ticks}").ToListAsync(Ct);
        return $"{string.Join(",", resources)}|{await db.InfoItems.CountAsync(Ct)}|{await db.DataResourceVersions.CountAsync(Ct)}";
    }

    [Fact]
    public async Task Template_is_prefilled_with_hidden_codes_dropdowns_and_instructions()
    {
        var (_, template) = await TemplateAsync("gongan", "330100GAJ");
        using var reader = SheetReader.Open(new MemoryStream(template));
        Assert.Equal(["填写说明", "资源目录", "信息项", "代码表"], reader.Sheets.Select(s => s.Name));
        var rows = reader.ReadRows(Sheet).ToList();
        Assert.Equal("resource_code", rows[0].TextAt(1));
        Assert.Equal("资源代码 *", rows[1].TextAt(1));
        Assert.Contains(rows, r => r.TextAt(1) == "330100GAJ/00001" && r.TextAt(2) == "常住人口基本信息");
        Assert.DoesNotContain(rows, r => r.TextAt(1).StartsWith("330100SCJ"));
        Assert.Contains(reader.ReadRows(Items), r => r.TextAt(2) == "SFZH" && r.TextAt(10) == "身份证号");

        using var document = SpreadsheetDocument.Open(new MemoryStream(template), false);
        var part = (WorksheetPart)document.WorkbookPart!.GetPartById(document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == Sheet).Id!);
        Assert.True(part.Worksheet.Descendants<Row>().Single(r => r.RowIndex! == 1).Hidden?.Value);
        var validations = part.Worksheet.Descendants<DataValidation>().ToList();
        Assert.Contains(validations, v => v.Formula1!.Text.Contains("代码表"));
        Assert.NotNull(part.Worksheet.Descendants<Pane>().SingleOrDefault(p => p.VerticalSplit?.Value == 2));
    }

    [Fact]
    public async Task Unchanged_template_changes_nothing_and_new_resources_are_created()
    {
        var (departmentId, template) = await TemplateAsync("gongan", "330100GAJ");
        var before = await CatalogStateAsync();
        var unchanged = await ImportAsync("gongan", departmentId, template);
        Assert.True(unchanged.Succeeded, unchanged.Message);
        Assert.Equal((0, 0, 0), (unchanged.Created, unchanged.Updated, unchanged.VersionBumped));
        Assert.True(unchanged.Unchanged >= 1);
        Assert.Equal(before, await CatalogStateAsync());

        var filled = AddRows(template, Sheet, Resource("330100GAJ/00501", "出入境证件信息"), Resource("330100GAJ/00502", "户籍迁移信息"));
        filled = AddRows(filled, Items, Item("330100GAJ/00501", "ZJHM", "证件号码"), Item("330100GAJ/00501", "QFRQ", "签发日期", "日期", null),
            Item("330100GAJ/00502", "SFZH", "公民身份号码", length: "18"));
        var result = await ImportAsync("gongan", departmentId, WithPicture(filled, Sheet), "公安局清单（带公章）.xlsx");
        Assert.True(result.Succeeded, result.Message + string.Join("；", result.Errors.Select(e => e.Message)));
        Assert.Equal(2, result.Created);

        await using var db = ActAs.Db(app.Services);
        var created = await db.DataResources.Include(r => r.Items).SingleAsync(r => r.Code == "330100GAJ/00501", Ct);
        Assert.Equal(ResourceStatus.Draft, created.Status);
        Assert.Equal(["ZJHM", "QFRQ"], created.Items.OrderBy(i => i.SortOrder).Select(i => i.Code));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "InventoryImported" && e.Target == "公安局清单（带公章）.xlsx", Ct));
    }

    [Fact]
    public async Task Three_bad_cells_come_back_red_with_comments_and_nothing_changes()
    {
        var (departmentId, template) = await TemplateAsync("gongan", "330100GAJ");
        var bad = AddRows(template, Sheet, WithValue(Resource("330100GAJ/00601", "错误示例"), "update_cycle", "每两天"));
        bad = AddRows(bad, Items, Item("330100GAJ/00601", "1XM", "姓名"), Item("330100GAJ/09999", "XM", "姓名"), Item("330100GAJ/00601", "OK", "正常"));
        var before = await CatalogStateAsync();

        var result = await ImportAsync("gongan", departmentId, bad);

        Assert.False(result.Succeeded);
        Assert.Equal(3, result.Errors.Count);
        Assert.Contains(result.Errors, e => e.Sheet == Sheet && e.Value == "每两天" && e.Message.StartsWith("取值应为"));
        Assert.Contains(result.Errors, e => e.Sheet == Items && e.Value == "1XM");
        Assert.Contains(result.Errors, e => e.Sheet == Items && e.Value == "330100GAJ/09999" && e.Message.Contains("不在“资源目录”工作表中"));
        Assert.Equal(before, await CatalogStateAsync());

        using var document = SpreadsheetDocument.Open(new MemoryStream(result.ErrorWorkbook!), false);
        var comments = document.WorkbookPart!.WorksheetParts.SelectMany(p => p.WorksheetCommentsPart?.Comments.CommentList?.Elements<Comment>() ?? []).ToList();
        foreach (var error in result.Errors)
            Assert.Contains(comments, c => c.Reference == CellReference.Format(error.Row, error.Column) && c.InnerText.Contains(error.Message));
        Assert.Contains(document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>(), s => s.Name == "错误汇总");
    }

    [Fact]
    public async Task Another_departments_resource_code_is_refused()
    {
        var (departmentId, template) = await TemplateAsync("gongan", "330100GAJ");
        var file = AddRows(template, Sheet, Resource("330100SCJ/00001", "市场主体登记信息"));
        file = AddRows(file, Items, Item("330100SCJ/00001", "QYMC", "企业名称"));
        var result = await ImportAsync("gongan", departmentId, file);
        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Value == "330100SCJ/00001" && e.Message == "资源代码须以本部门代码 330100GAJ 开头");

        await using var db = ActAs.Db(app.Services);
        var scj = await db.Departments.Where(d => d.Code == "330100SCJ").Select(d => d.Id).SingleAsync(Ct);
        await Assert.ThrowsAsync<AccessDeniedException>(() => ImportAsync("gongan", scj, file));
    }

    [Fact]
    public async Task Hostile_and_broken_files_get_a_clear_message_and_change_nothing()
    {
        var (departmentId, template) = await TemplateAsync("gongan", "330100GAJ");
        var before = await CatalogStateAsync();

        async Task Refused(byte[] file, string name, string expected)
        {
            var result = await ImportAsync("gongan", departmentId, file, name);
            Assert.False(result.Succeeded);
            Assert.Null(result.ErrorWorkbook);
            Assert.Contains(expected, result.Message);
        }

        await Refused(Encoding.ASCII.GetBytes("%PDF-1.7\n%%EOF\n"), "清单.xlsx", "不是 Excel 工作簿");
        await Refused(template, "清单.xlsm", "不接受含宏的工作簿");
        await Refused(template, "清单.xls", "只接受 .xlsx");
        await Refused(template[..(template.Length / 2)], "清单.xlsx", "文件已损坏");
        await Refused(ZipEdit(template, zip => zip.CreateEntry("xl/vbaProject.bin").Open().Write([1, 2, 3])), "清单.xlsx", "包含宏");
        await Refused(Edit(template, wb => wb.CustomProperties.Delete(InventoryColumns.TemplateProperty)), "清单.xlsx", "模板版本已过期");
        await Refused(Edit(template, wb => wb.AddWorksheet("隐藏数据").Hide()), "清单.xlsx", "隐藏的工作表：隐藏数据");
        await Refused(Edit(template, wb => wb.Worksheet(Sheet).Range("A2:B2").Merge()), "清单.xlsx", "合并单元格");
        await Refused(Edit(template, wb => wb.Worksheet(Items).Column(3).Delete()), "清单.xlsx", "缺少列");
        var formula = Edit(AddRows(template, Sheet, Resource("330100GAJ/00701", "公式")), wb =>
            wb.Worksheet(Sheet).LastRowUsed()!.Cell(2).FormulaA1 = "CONCATENATE(\"公\",\"式\")");
        var formulaResult = await ImportAsync("gongan", departmentId, AddRows(formula, Items, Item("330100GAJ/00701", "A", "甲")));
        Assert.Contains(formulaResult.Errors, e => e.Message.Contains("公式"));

        var limits = app.Services.GetRequiredService<WorkbookLimits>();
        await Refused(new byte[limits.MaxUploadBytes + 1], "清单.xlsx", "大小上限");
        Assert.Equal(before, await CatalogStateAsync());
    }

    [Fact]
    public async Task Export_writes_text_that_looks_like_a_formula_as_plain_text()
    {
        await using var db = ActAs.Db(app.Services);
        var gaj = await db.Departments.Where(d => d.Code == "330100GAJ").Select(d => d.Id).SingleAsync(Ct);
        await using var scope = await ActAs.UserAsync(app.Services, "steward");
        var catalog = scope.ServiceProvider.GetRequiredService<CatalogService>();
        await catalog.CreateAsync(new ResourceForm
        {
            DepartmentId = gaj, Code = "330100GAJ/00801", Name = "=HYPERLINK(\"http://evil\",\"点我\")", Summary = "@SUM(1)",
            Items = [new InfoItemForm { Code = "A", Name = "+86电话", DataType = ItemDataType.String, Length = 20 }],
        }, Ct);
        var file = await scope.ServiceProvider.GetRequiredService<InventoryService>().ExportAsync(new ResourceQuery { Search = "00801" }, Ct);

        using var reader = SheetReader.Open(new MemoryStream(file.Content));
        var row = reader.ReadRows(Sheet).Single(r => r.TextAt(1) == "330100GAJ/00801");
        Assert.Equal("=HYPERLINK(\"http://evil\",\"点我\")", row.TextAt(2));
        Assert.False(row.Find(2)!.Value.IsFormula);
        Assert.False(row.Find(3)!.Value.IsFormula);
        Assert.DoesNotContain(reader.ReadRows(Items).SelectMany(r => r.Cells), c => c.IsFormula);
    }

    private static Dictionary<string, string> WithValue(Dictionary<string, string> row, string code, string value)
    {
        row[code] = value;
        return row;
    }

    private static byte[] ZipEdit(byte[] workbook, Action<ZipArchive> edit)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true)) edit(zip);
        return stream.ToArray();
    }
}
