using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GovDataConsole.Features.Catalog;
using GovDataConsole.Features.Collection;
using GovDataConsole.Tests.Excel;
using GovDataConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GovDataConsole.Tests.Collection.CollectionKit;

namespace GovDataConsole.Tests.Collection;

/// <summary>The batch template of 常住人口基本信息: its layout, and that a filled-in copy maps exactly by the code row.</summary>
public sealed class BatchTemplateTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    private static readonly string[] Codes = ["SFZH", "XM", "XB", "MZ", "CSRQ", "HJDZ", "LXDH"];

    private async Task<(int Resource, byte[] Template, string FileName)> TemplateAsync()
    {
        var resource = await ResourceIdAsync(app.Services, "330100GAJ/00001");
        await using var scope = await ActAs.UserAsync(app.Services, "gongan");
        var file = await scope.ServiceProvider.GetRequiredService<BatchTemplate>().BuildAsync(resource, Ct);
        return (resource, file.Content, file.FileName);
    }

    private static WorksheetPart Part(SpreadsheetDocument document, string name) =>
        (WorksheetPart)document.WorkbookPart!.GetPartById(document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name).Id!);

    [Fact]
    public async Task The_template_has_the_hidden_code_row_required_marks_dropdowns_and_instructions()
    {
        var (_, template, fileName) = await TemplateAsync();
        Assert.Equal("数据批次模板_常住人口基本信息_v2.xlsx", fileName);

        using (var workbook = new XLWorkbook(new MemoryStream(template)))
        {
            Assert.Equal(["填写说明", "数据", "代码表"], workbook.Worksheets.Select(w => w.Name));
            var data = workbook.Worksheet("数据");
            Assert.True(data.Row(1).IsHidden);
            Assert.Equal(Codes, Enumerable.Range(1, 7).Select(c => data.Cell(1, c).GetString()));
            Assert.Equal(["公民身份号码 *", "姓名 *", "性别 *", "民族", "出生日期 *", "户籍地址", "联系电话"], Enumerable.Range(1, 7).Select(c => data.Cell(2, c).GetString()));
            Assert.True(data.Cell(3, 1).IsEmpty());
            Assert.Equal("@", data.Cell(3, 1).Style.NumberFormat.Format); // IDs stay text

            var instructions = workbook.Worksheet("填写说明");
            var lines = instructions.RowsUsed().Select(r => (r.Cell(2).GetString(), r.Cell(3).GetString(), r.Cell(4).GetString())).ToList();
            Assert.Contains(("性别", "XB", "是"), lines);
            Assert.Contains(("公民身份号码", "SFZH", "是"), lines); // a key item is required
            Assert.Contains(("民族", "MZ", "否"), lines);
            Assert.Contains("330100GAJ/00001", instructions.Cell(1, 1).GetString());

            // 代码表 holds the dictionary codes the dropdowns point to, in dictionary order.
            await using var db = ActAs.Db(app.Services);
            var gender = await db.CodeDictionaries.Where(d => d.Code == StandardDictionaries.Gender)
                .SelectMany(d => d.Entries).OrderBy(e => e.SortOrder).Select(e => e.Code).ToListAsync(Ct);
            Assert.Equal(["0", "1", "2", "9"], gender);
            var lists = workbook.Worksheet("代码表");
            var listColumn = lists.Row(1).CellsUsed().First(c => c.GetString() == "性别").Address.ColumnNumber;
            Assert.Equal(gender, Enumerable.Range(2, gender.Count).Select(r => lists.Cell(r, listColumn).GetString()));
        }

        using var document = SpreadsheetDocument.Open(new MemoryStream(template), false);
        var validations = Part(document, "数据").Worksheet.Descendants<DataValidation>()
            .ToDictionary(v => (v.SequenceOfReferences?.InnerText ?? "").Split(':')[0], v => (v.Type?.Value, v.Formula1?.Text ?? ""));
        Assert.Equal(["C3", "D3"], validations.Keys.Order());
        Assert.All(validations.Values, v => Assert.Equal(DataValidationValues.List, v.Item1));
        Assert.Contains("代码表", validations["C3"].Item2);
        Assert.NotEqual(validations["C3"].Item2, validations["D3"].Item2);
    }

    [Fact]
    public async Task A_filled_template_maps_exactly_by_its_codes_and_imports()
    {
        var (resource, template, _) = await TemplateAsync();
        byte[] filled;
        using (var workbook = new XLWorkbook(new MemoryStream(template)))
        {
            var data = workbook.Worksheet("数据");
            string[][] rows =
            [
                ["110105199003071234", "张三", "1", "01", "1990-03-07", "浙江省杭州市西湖区文三路1号", "13800138000"],
                ["33010219851212002X", "李四", "2", "", "19851312", "", ""],
            ];
            for (var r = 0; r < rows.Length; r++)
                for (var c = 0; c < rows[r].Length; c++)
                    if (rows[r][c].Length > 0) data.Cell(3 + r, c + 1).SetValue(rows[r][c]);
            filled = TestWorkbooks.Save(workbook);
        }

        var draft = await PrepareAsync(app.Services, "gongan", resource, "2025-W01", "数据批次模板_常住人口基本信息_v2.xlsx", filled);
        Assert.True(draft.Detection.IsExact);
        Assert.Equal((1, 2, "数据"), (draft.Detection.CodeRow, draft.Detection.Mapping.HeaderRow, draft.Detection.Mapping.Sheet));
        Assert.Equal(Codes.Select((c, i) => (c, i)), draft.Detection.Mapping.Columns.Select(p => (p.Key, p.Value)).OrderBy(p => p.Value));
        Assert.Empty(draft.Detection.ExtraColumns);

        var id = await ConfirmAsync(app.Services, "gongan", draft);
        await RunJobAsync(app.Services, id);
        var batch = await BatchAsync(app.Services, id);
        Assert.Equal((BatchStatus.Imported, 2, 1, 1), (batch.Status, batch.RowsRead, batch.RowsAccepted, batch.RowsRejected));
        Assert.Equal([(3, ["110105199003071234", "张三", "1", "01", "1990-03-07", "浙江省杭州市西湖区文三路1号", "13800138000"])],
            (await StoredRecordsAsync(app.Services, id)).Select(r => (r.Row, r.Values)), RecordComparer.Instance);
        Assert.Equal([(4, 5, "CSRQ", "19851312", "不是可识别的日期")], await StoredErrorsAsync(app.Services, id));
    }
}
