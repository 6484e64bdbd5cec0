using ClosedXML.Excel;
using GovDataConsole.Features.Quality;
using GovDataConsole.Features.Shared;
using GovDataConsole.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static GovDataConsole.Tests.Quality.ProblemKit;

namespace GovDataConsole.Tests.Quality;

/// <summary>The problem export read back: the resource's items then where and why, masked, text never a formula, scoped.</summary>
[Collection(ProblemAppCollection.Name)]
public sealed class ProblemExportIntegrationTests(DemoAppFixture app)
{
    private async Task<XLWorkbook> ExportAsync(string user, ProblemQuery filter, bool reveal = false)
    {
        await using var scope = await ActAs.UserAsync(app.Services, user);
        var file = await scope.ServiceProvider.GetRequiredService<ProblemExport>().BuildAsync(filter, reveal, Ct);
        Assert.EndsWith(".xlsx", file.FileName);
        return new XLWorkbook(new MemoryStream(file.Content));
    }

    [Fact]
    public async Task Every_problem_is_a_row_with_its_record_masked_and_formula_looking_text_stays_text()
    {
        var (resource, batch, _) = await CheckedBatchAsync(app.Services);

        using var workbook = await ExportAsync("manager", new ProblemQuery { ResourceId = resource });

        var sheet = workbook.Worksheets.Single();
        Assert.StartsWith("330100GAJ-", sheet.Name);
        Assert.Equal(["公民身份号码", "姓名", "性别", "出生日期", "户籍地址", "联系电话", "规则", "维度", "严重程度", "字段", "问题值", "问题描述", "批次", "行号"],
            sheet.Row(1).Cells(1, 14).Select(c => c.GetString()));
        Assert.Equal(Total + 1, sheet.LastRowUsed().RowNumber());
        var rows = sheet.Rows(2, Total + 1).ToList();
        Assert.All(rows, r => Assert.Equal(batch.ToString(), r.Cell(13).GetString()));
        Assert.Equal(5, rows.Count(r => r.Cell(9).GetString() == "严重"));

        var unique = rows.First(r => r.Cell(8).GetString() == "唯一性");
        Assert.Equal(("330102********1237", "公民身份号码", "330102********1237", "5"),
            (unique.Cell(1).GetString(), unique.Cell(10).GetString(), unique.Cell(11).GetString(), unique.Cell(14).GetString()));

        var row8 = rows.Where(r => r.Cell(14).GetString() == "8").ToList();
        Assert.Equal(2, row8.Count);
        Assert.All(row8, r =>
        {
            Assert.False(r.Cell(3).HasFormula);
            Assert.Equal(XLDataType.Text, r.Cell(3).DataType);
            Assert.Equal("=1+2", r.Cell(3).GetString());
            Assert.False(r.Cell(2).HasFormula);
            Assert.StartsWith("=*", r.Cell(2).GetString());
        });
    }

    [Fact]
    public async Task Revealed_exports_need_the_reveal_role_and_staff_of_another_department_get_no_rows()
    {
        var (resource, _, _) = await CheckedBatchAsync(app.Services, "330100GAJ");

        using (var revealed = await ExportAsync("steward", new ProblemQuery { ResourceId = resource, RuleKey = Unique }, reveal: true))
            Assert.Equal("330102198001051237", revealed.Worksheets.Single().Cell(2, 1).GetString());
        await Assert.ThrowsAsync<AccessDeniedException>(() => ExportAsync("manager", new ProblemQuery { ResourceId = resource }, reveal: true));

        using var other = await ExportAsync("shichang", new ProblemQuery { ResourceId = resource });
        var sheet = other.Worksheets.Single();
        Assert.Equal("问题数据", sheet.Name);
        Assert.Equal(1, sheet.LastRowUsed().RowNumber());
    }
}
