using System.Text;
using ClosedXML.Excel;
using GovDataConsole.Features.Catalog;
using GovDataConsole.Features.Collection;
using GovDataConsole.Features.Shared;
using GovDataConsole.Ingest;
using GovDataConsole.Tests.Infrastructure;
using GovDataConsole.Tests.Excel;
using GovDataConsole.Tests.Ingest;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GovDataConsole.Tests.Collection.CollectionKit;

namespace GovDataConsole.Tests.Collection;

/// <summary>
/// Batch imports through the real services and job, against resources the tests publish (items SFZH*, XM*(10), CSRQ* date,
/// LXDH(11)): exact records as received, exact row errors, counts, encodings, the mapping step and re-upload detection.
/// </summary>
public sealed class BatchImportTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    static BatchImportTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly string LongName = "欧阳" + new string('娜', 9);

    /// <summary>Nine lines: header, then rows 2..9 with four good rows and four bad ones (row 8 has two bad cells).</summary>
    private static string PersonCsv(string newline) => string.Join(newline,
        "公民身份号码,姓名,出生日期,联系电话",
        "110105199003071234,张三,1990-03-07,13800138000",
        "33010219851212002X,李四,1985/12/12,",
        ",王五,1970-01-01,13900000000",
        $"330102198512120011,{LongName},1985-12-12,",
        "330102198512120022,赵六,1985-13-45,",
        "\" 330102198001010033 \",钱七,19800101,１３８００１３８０００",
        "330102198001010044,,不详,",
        "330102198001010055,\"王,二\",1980-01-01,") + newline;

    private static readonly (int, string[])[] PersonCsvRecords =
    [
        (2, ["110105199003071234", "张三", "1990-03-07", "13800138000"]),
        (3, ["33010219851212002X", "李四", "1985/12/12", ""]),
        (7, [" 330102198001010033 ", "钱七", "19800101", "１３８００１３８０００"]),
        (9, ["330102198001010055", "王,二", "1980-01-01", ""]),
    ];

    private static readonly (int, int, string, string?, string)[] PersonCsvErrors =
    [
        (4, 1, "SFZH", "", "必填项为空"),
        (5, 2, "XM", LongName, "长度超过 10（实际 11 个字符）"),
        (6, 3, "CSRQ", "1985-13-45", "不是可识别的日期"),
        (8, 2, "XM", "", "必填项为空"),
        (8, 3, "CSRQ", "不详", "不是可识别的日期"),
    ];

    private async Task<(int Resource, string Period)> ResourceWithTaskAsync()
    {
        var resource = await PublishResourceAsync(app.Services, "330100GAJ", UpdateCycle.Monthly);
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<CollectionTaskJob>().RunAsync(ChinaTime.Today, Ct);
        return (resource, CollectionPeriod.Containing(UpdateCycle.Monthly, ChinaTime.Today).Key);
    }

    private async Task<CollectionTask> TaskAsync(int resourceId, string period)
    {
        await using var db = ActAs.Db(app.Services);
        return await db.CollectionTasks.AsNoTracking().SingleAsync(t => t.DataResourceId == resourceId && t.PeriodKey == period, Ct);
    }

    public static TheoryData<string, string> Encodings() => new()
    {
        { "utf8", "UTF-8" },
        { "utf8bom", "UTF-8（带 BOM）" },
        { "gbk", "GB18030/GBK" },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task Csv_imports_store_accepted_rows_as_received_and_report_each_bad_cell(string encoding, string label)
    {
        var content = encoding switch
        {
            "utf8" => new UTF8Encoding(false).GetBytes(PersonCsv("\n")),
            "utf8bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(PersonCsv("\r\n"))],
            _ => Encoding.GetEncoding("GBK").GetBytes(PersonCsv("\r\n")),
        };
        var (resource, period) = await ResourceWithTaskAsync();
        Assert.Equal(CollectionTaskStatus.Pending, (await TaskAsync(resource, period)).Status);

        var draft = await PrepareAsync(app.Services, "gongan", resource, period, $"人口_{encoding}.csv", content);
        Assert.Equal(BatchFormat.Csv, draft.Format);
        Assert.Null(draft.DuplicateOfBatchId);
        Assert.Equal(new Dictionary<string, int> { ["SFZH"] = 0, ["XM"] = 1, ["CSRQ"] = 2, ["LXDH"] = 3 }, draft.Detection.Mapping.Columns);
        Assert.Equal(1, draft.Detection.Mapping.HeaderRow);
        Assert.All(draft.Detection.Matches, m => Assert.Equal(MatchKind.ExactName, m.Kind));
        var id = await ConfirmAsync(app.Services, "gongan", draft);
        Assert.Equal(BatchStatus.Queued, (await BatchAsync(app.Services, id)).Status);
        await RunJobAsync(app.Services, id);

        var batch = await BatchAsync(app.Services, id);
        Assert.Equal((BatchStatus.Imported, 8, 4, 4, label, 1), (batch.Status, batch.RowsRead, batch.RowsAccepted, batch.RowsRejected, batch.Encoding, batch.Attempts));
        Assert.Null(batch.FailureReason);
        Assert.Equal(content.Length, batch.FileSize);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)), batch.FileHash);
        Assert.Equal(PersonCsvRecords, (await StoredRecordsAsync(app.Services, id)).Select(r => (r.Row, r.Values)), RecordComparer.Instance);
        Assert.Equal(PersonCsvErrors, await StoredErrorsAsync(app.Services, id));

        var task = await TaskAsync(resource, period);
        Assert.Equal((CollectionTaskStatus.Submitted, id), (task.Status, task.BatchId));

        await using var scope = await ActAs.UserAsync(app.Services, "gongan");
        var batches = scope.ServiceProvider.GetRequiredService<BatchService>();
        var errors = await batches.ErrorsAsync(id, new GridRequest { PageSize = 2 }, Ct);
        Assert.Equal(5, errors.TotalCount);
        Assert.Equal([new RowErrorRow(4, "SFZH", "公民身份号码", "", "必填项为空"), new RowErrorRow(5, "XM", "姓名", LongName, "长度超过 10（实际 11 个字符）")], errors.Items);
        var records = await batches.RecordsAsync(id, new GridRequest { PageSize = 200 }, reveal: true, Ct);
        Assert.Equal(PersonCsvRecords.Select(r => r.Item1), records.Items.Select(r => r.RowNumber));
        Assert.Equal(PersonCsvRecords.Select(r => r.Item2), records.Items.Select(r => r.Values.ToArray()));
    }

    /// <summary>
    /// A department's own workbook: 填写说明 sheet first, then 人口信息 with a merged title row, the header on row 2 with an extra
    /// 序号 column before and 备注 after, a real date cell, a text date, a numeric phone, and a note row only in 备注.
    /// </summary>
    private static byte[] DepartmentWorkbook()
    {
        using var workbook = new XLWorkbook();
        workbook.AddWorksheet("填写说明").Cell(1, 1).Value = "请按表填写常住人口信息，公民身份号码、姓名、出生日期必填。";
        var sheet = workbook.AddWorksheet("人口信息");
        sheet.Cell(1, 1).Value = "2026年常住人口基本信息报送表";
        sheet.Range(1, 1, 1, 6).Merge();
        object[][] rows =
        [
            ["序号", "公民身份号码", "姓名", "出生日期", "联系电话", "备注"],
            [1, "110105199003071234", "张三", new DateTime(1990, 3, 7), "13800138000", ""],
            [2, "33010219851212002X", "李四", "1985年12月12日", "", "外出务工"],
            [3, "", "王五", new DateTime(1970, 1, 1), "", ""],
            [4, "330102198512120022", "赵六", "不详", "1380013800012", ""],
            [5, "330102198001010033", "钱七", new DateTime(1980, 1, 1), 13800138000L, ""],
        ];
        for (var r = 0; r < rows.Length; r++)
            for (var c = 0; c < rows[r].Length; c++)
                BatchWorkbooks.Put(sheet.Cell(r + 2, c + 1), rows[r][c]);
        sheet.Cell(9, 6).Value = "制表人：王五";
        workbook.AddWorksheet("字典").Cell(1, 1).Value = "男";
        return TestWorkbooks.Save(workbook);
    }

    [Fact]
    public async Task An_xlsx_with_a_title_row_extra_columns_and_sheets_imports_the_right_cells()
    {
        var (resource, period) = await ResourceWithTaskAsync();
        var draft = await PrepareAsync(app.Services, "gongan", resource, period, "公安局人口.xlsx", DepartmentWorkbook());

        Assert.Equal(BatchFormat.Xlsx, draft.Format);
        Assert.Equal("人口信息", draft.Detection.Mapping.Sheet);
        Assert.Equal(2, draft.Detection.Mapping.HeaderRow);
        Assert.Equal(new Dictionary<string, int> { ["SFZH"] = 1, ["XM"] = 2, ["CSRQ"] = 3, ["LXDH"] = 4 }, draft.Detection.Mapping.Columns);
        Assert.Equal(["序号", "备注"], draft.Detection.ExtraColumns.Select(c => c.Text));
        Assert.False(draft.Detection.IsExact); // found by name, not by the template's code row: the user confirms
        var id = await ConfirmAsync(app.Services, "gongan", draft);
        await RunJobAsync(app.Services, id);

        var batch = await BatchAsync(app.Services, id);
        Assert.Equal((BatchStatus.Imported, 5, 3, 2, (string?)null), (batch.Status, batch.RowsRead, batch.RowsAccepted, batch.RowsRejected, batch.Encoding));
        Assert.Equal(
        [
            (3, ["110105199003071234", "张三", "1990-03-07", "13800138000"]),
            (4, ["33010219851212002X", "李四", "1985年12月12日", ""]),
            (7, ["330102198001010033", "钱七", "1980-01-01", "13800138000"]),
        ], (await StoredRecordsAsync(app.Services, id)).Select(r => (r.Row, r.Values)), RecordComparer.Instance);
        Assert.Equal(
        [
            (5, 2, "SFZH", "", "必填项为空"),
            (6, 4, "CSRQ", "不详", "不是可识别的日期"),
            (6, 5, "LXDH", "1380013800012", "长度超过 11（实际 13 个字符）"),
        ], await StoredErrorsAsync(app.Services, id));
        Assert.Equal(CollectionTaskStatus.Submitted, (await TaskAsync(resource, period)).Status);

        // The error workbook marks the cells of the uploaded sheet.
        await using var scope = await ActAs.UserAsync(app.Services, "gongan");
        var file = await scope.ServiceProvider.GetRequiredService<BatchService>().ErrorWorkbookAsync(id, Ct);
        Assert.Equal("公安局人口_错误标注.xlsx", file.FileName);
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(file.Content), false);
        var workbookPart = document.WorkbookPart!;
        var sheetId = workbookPart.Workbook.Descendants<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single(s => s.Name == "人口信息").Id!.Value!;
        var comments = ((DocumentFormat.OpenXml.Packaging.WorksheetPart)workbookPart.GetPartById(sheetId)).WorksheetCommentsPart!.Comments
            .Descendants<DocumentFormat.OpenXml.Spreadsheet.Comment>().ToDictionary(c => c.Reference!.Value!, c => c.InnerText);
        Assert.Equal(new Dictionary<string, string> { ["B5"] = "必填项为空", ["D6"] = "不是可识别的日期", ["E6"] = "长度超过 11（实际 13 个字符）" }, comments);
    }

    [Fact]
    public async Task Renamed_headers_need_the_mapping_step_and_a_corrected_mapping_imports_correctly()
    {
        var resource = await PublishResourceAsync(app.Services, "330100GAJ", UpdateCycle.Monthly);
        var csv = Encoding.UTF8.GetBytes("证件号,姓名,生日,手机,备注\n110105199003071234,张三,1990-03-07,13800138000,无\n33010219851212002X,李四,1985-12-12,,\n");
        var draft = await PrepareAsync(app.Services, "gongan", resource, "2026-11", "改名表头.csv", csv);

        Assert.False(draft.Detection.IsExact);
        Assert.Equal(1, draft.Detection.Mapping.HeaderRow);
        Assert.Equal((1, MatchKind.ExactName), draft.Detection.Matches.Where(m => m.Code == "XM").Select(m => (m.Column!.Value, m.Kind)).Single());
        Assert.Contains(draft.Detection.Matches, m => m.Kind is MatchKind.FuzzyName or MatchKind.Unmapped);

        await using var scope = await ActAs.UserAsync(app.Services, "gongan");
        var batches = scope.ServiceProvider.GetRequiredService<BatchService>();
        await using (var db = ActAs.Db(app.Services))
            Assert.False(await db.DataBatches.AnyAsync(b => b.DataResourceId == resource, Ct));

        var missing = await Assert.ThrowsAsync<BusinessRuleException>(() => batches.ConfirmAsync(draft,
            new ColumnMapping(null, 1, new Dictionary<string, int> { ["XM"] = 1, ["LXDH"] = 3 }), Ct));
        Assert.Equal("以下必填信息项没有对应的列：公民身份号码、出生日期", missing.Message);
        var twice = await Assert.ThrowsAsync<BusinessRuleException>(() => batches.ConfirmAsync(draft,
            new ColumnMapping(null, 1, new Dictionary<string, int> { ["SFZH"] = 0, ["XM"] = 1, ["CSRQ"] = 2, ["LXDH"] = 1 }), Ct));
        Assert.Equal("同一列不能对应两个信息项", twice.Message);
        var negative = await Assert.ThrowsAsync<BusinessRuleException>(() => batches.ConfirmAsync(draft,
            new ColumnMapping(null, 1, new Dictionary<string, int> { ["SFZH"] = 0, ["XM"] = 1, ["CSRQ"] = -1 }), Ct));
        Assert.Equal("列号或表头行号无效，请重新核对列的对应关系", negative.Message);
        await using (var db = ActAs.Db(app.Services))
            Assert.False(await db.DataBatches.AnyAsync(b => b.DataResourceId == resource, Ct));

        var id = await batches.ConfirmAsync(draft, new ColumnMapping(null, 1, new Dictionary<string, int> { ["SFZH"] = 0, ["XM"] = 1, ["CSRQ"] = 2, ["LXDH"] = 3 }), Ct);
        await RunJobAsync(app.Services, id);
        var batch = await BatchAsync(app.Services, id);
        Assert.Equal((BatchStatus.Imported, 2, 2, 0), (batch.Status, batch.RowsRead, batch.RowsAccepted, batch.RowsRejected));
        Assert.Equal(
        [
            (2, ["110105199003071234", "张三", "1990-03-07", "13800138000"]),
            (3, ["33010219851212002X", "李四", "1985-12-12", ""]),
        ], (await StoredRecordsAsync(app.Services, id)).Select(r => (r.Row, r.Values)), RecordComparer.Instance);
        Assert.Empty(await StoredErrorsAsync(app.Services, id));
    }

    [Fact]
    public async Task Re_uploading_the_same_file_for_the_same_resource_and_period_is_detected()
    {
        var resource = await PublishResourceAsync(app.Services, "330100GAJ", UpdateCycle.Monthly);
        var csv = Encoding.UTF8.GetBytes("公民身份号码,姓名,出生日期\n110105199003071234,张三,1990-03-07\n");
        var first = await ImportAsync(app.Services, "gongan", resource, "2026-10", "十月.csv", csv);

        Assert.Equal(first, (await PrepareAsync(app.Services, "gongan", resource, "2026-10", "十月-重传.csv", csv)).DuplicateOfBatchId);
        Assert.Null((await PrepareAsync(app.Services, "gongan", resource, "2026-09", "九月.csv", csv)).DuplicateOfBatchId);
        Assert.Null((await PrepareAsync(app.Services, "gongan", resource, "2026-10", "十月.csv", [.. csv, .. "33010219851212002X,李四,1985-12-12\n"u8])).DuplicateOfBatchId);

        // Asked and confirmed anyway: a second batch, flagged again next time as a copy of the newest one.
        var again = await ConfirmAsync(app.Services, "gongan", await PrepareAsync(app.Services, "gongan", resource, "2026-10", "十月.csv", csv));
        Assert.Equal(again, (await PrepareAsync(app.Services, "gongan", resource, "2026-10", "十月.csv", csv)).DuplicateOfBatchId);
    }
}

/// <summary>Compares (row, values) sequences by value.</summary>
internal sealed class RecordComparer : IEqualityComparer<(int, string[])>
{
    public static readonly RecordComparer Instance = new();

    public bool Equals((int, string[]) x, (int, string[]) y) => x.Item1 == y.Item1 && x.Item2.SequenceEqual(y.Item2);

    public int GetHashCode((int, string[]) obj) => obj.Item1;
}
