using System.IO.Compression;
using System.Text.Json;
using ClosedXML.Excel;
using GovDataConsole.Excel;
using GovDataConsole.Features.Catalog;
using GovDataConsole.Features.Quality;
using GovDataConsole.Features.Rectification;
using GovDataConsole.Features.Shared;
using GovDataConsole.Standards;
using GovDataConsole.Tests.Cleansing;
using GovDataConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static GovDataConsole.Tests.Cleansing.CleansingKit;
using static GovDataConsole.Tests.Rectification.CorrectionKit;

namespace GovDataConsole.Tests.Rectification;

/// <summary>The correction workbook round trip on a real order: download, correct in the workbook, upload, re-check, review.</summary>
[Collection(CleansingAppCollection.Name)]
public sealed class CorrectionWorkbookTests(DemoAppFixture app)
{
    private const string NotBlank = "户籍地址不能为空（空白或“无”等空值也不可以）";

    [Fact]
    public async Task The_owning_department_downloads_its_problem_records_unmasked_and_everyone_else_masked()
    {
        var order = await OrderAsync(app.Services);
        var own = await DownloadAsync(app.Services, "gongan", order.Id);
        Assert.EndsWith("_整改工作簿.xlsx", own.FileName);
        var rows = Rows(own.Content);
        Assert.Equal(["2", "3", "6", "7"], rows.Select(r => r["#ROW"]));
        Assert.Equal([Cleansed[0][0], Cleansed[1][0], Cleansed[4][0], Cleansed[5][0]], rows.Select(r => r["SFZH"]));
        Assert.All(rows, r => Assert.Equal(("户籍地址", "", order.BatchId.ToString()), (r["#FIELDS"], r["#EXPLANATION"], r["#BATCH"])));
        Assert.All(rows, r => Assert.Contains("户籍地址", r["#PROBLEMS"]));
        using (var book = new XLWorkbook(new MemoryStream(own.Content)))
        {
            var sheet = book.Worksheet(DataSheet);
            Assert.Equal(["记录ID", "批次", "行号", "公民身份号码", "姓名", "性别", "出生日期", "户籍地址", "联系电话", "问题字段", "问题描述", "整改说明"],
                sheet.Row(2).CellsUsed().Select(c => c.GetString().TrimEnd(' ', '*')));
            Assert.True(sheet.Column(1).IsHidden && sheet.Row(1).IsHidden && sheet.IsProtected);
            Assert.DoesNotContain(sheet.CellsUsed(), c => c.HasFormula);
            Assert.DoesNotContain("脱敏", book.Worksheet("填写说明").Cell(3, 1).GetString());
        }

        foreach (var user in new[] { "steward", "manager" })
        {
            var masked = await DownloadAsync(app.Services, user, order.Id);
            var maskedRows = Rows(masked.Content);
            Assert.Equal(rows.Select(r => Masking.Mask(SensitivityKind.ResidentId, r["SFZH"])), maskedRows.Select(r => r["SFZH"]));
            Assert.Equal(rows.Select(r => Masking.Mask(SensitivityKind.PersonName, r["XM"])), maskedRows.Select(r => r["XM"]));
            Assert.NotEqual(rows[0]["SFZH"], maskedRows[0]["SFZH"]);
            using var book = new XLWorkbook(new MemoryStream(masked.Content));
            Assert.Contains("脱敏", book.Worksheet("填写说明").Cell(3, 1).GetString());
        }
        await Assert.ThrowsAsync<NotFoundException>(() => DownloadAsync(app.Services, "shichang", order.Id));
        await using var db = ActAs.Db(app.Services);
        var number = await db.WorkOrders.Where(o => o.Id == order.Id).Select(o => o.Number).SingleAsync(Ct);
        Assert.Equal(3, await db.AuditEntries.CountAsync(a => a.Action == "CorrectionDownloaded" && a.Target == number, Ct));
    }

    [Fact]
    public async Task Corrected_rows_are_re_checked_fixed_ones_close_and_when_none_remain_the_order_goes_to_review()
    {
        var order = await OrderAsync(app.Services);
        var first = Edit((await DownloadAsync(app.Services, "gongan", order.Id)).Content, (sheet, row) =>
        {
            var address = Column(sheet, "HJDZ");
            row(2).Cell(address).Value = " 杭州市上城区 ";
            row(2).Cell(Column(sheet, "#EXPLANATION")).Value = "已核实户籍地址";
            row(3).Cell(address).Value = "杭州市滨江区";
            row(7).Cell(address).Value = "NULL";
        });
        var result = await UploadAsync(app.Services, "gongan", order.Id, first);

        Assert.True(result.Accepted);
        Assert.Equal((4, 2, 2, false), (result.Records, result.Fixed, result.OpenCount, result.MovedToReview));
        Assert.Equal([6, 7], result.StillOpen.Select(r => r.RowNumber));
        Assert.All(result.StillOpen, r => Assert.Equal((NotBlank, ""), (r.Message, r.Value)));
        await using (var db = ActAs.Db(app.Services))
        {
            var items = await db.WorkOrderItems.AsNoTracking().Where(i => i.OrderId == order.Id).OrderBy(i => i.RowNumber).ToListAsync(Ct);
            Assert.Equal([WorkOrderItemState.Fixed, WorkOrderItemState.Fixed, WorkOrderItemState.Open, WorkOrderItemState.Open], items.Select(i => i.State));
            Assert.Equal(["已核实户籍地址", null, null, null], items.Select(i => i.Explanation));
            Assert.NotNull(items[0].FixedUtc);
            var records = await db.BatchRecords.AsNoTracking().Where(r => r.BatchId == order.BatchId).OrderBy(r => r.RowNumber).ToListAsync(Ct);
            Assert.Equal([.. Cleansed[0][..4], "杭州市上城区", Cleansed[0][5]], JsonSerializer.Deserialize<string[]>(records[0].CorrectedJson!)!); // cleansed: trimmed
            Assert.Equal([.. Cleansed[1][..4], "杭州市滨江区", Cleansed[1][5]], JsonSerializer.Deserialize<string[]>(records[1].CorrectedJson!)!);
            Assert.Equal([null, null, null, null], records.Skip(2).Select(r => r.CorrectedJson)); // "NULL" cleanses back to blank: unchanged
            var history = await db.BatchRecordHistory.AsNoTracking().Where(h => h.OrderId == order.Id).OrderBy(h => h.Id).ToListAsync(Ct);
            Assert.Equal([records[0].Id, records[1].Id], history.Select(h => h.RecordId));
            Assert.Equal(records[0].CleansedJson, history[0].PreviousJson);
            Assert.Equal(records[0].CorrectedJson, history[0].CurrentJson);
            Assert.All(history, h => Assert.Equal("gongan", h.ChangedBy));
            var saved = await db.WorkOrders.AsNoTracking().SingleAsync(o => o.Id == order.Id, Ct);
            Assert.Equal((WorkOrderStatus.InProgress, 2), (saved.Status, saved.OpenCount));
            var uploaded = await db.WorkOrderEvents.AsNoTracking().Where(e => e.OrderId == order.Id).OrderBy(e => e.Id).LastAsync(Ct);
            Assert.Equal((WorkOrderEventKind.CorrectionUploaded, "整改.xlsx", "复核 4 条记录：已整改 2 个问题，工单仍有 2 个问题待整改"),
                (uploaded.Kind, uploaded.AttachmentName, uploaded.Comment));
            Assert.NotNull(uploaded.AttachmentPath);
        }

        var second = await DownloadAsync(app.Services, "gongan", order.Id);
        Assert.Equal(["6", "7"], Rows(second.Content).Select(r => r["#ROW"]));
        result = await UploadAsync(app.Services, "gongan", order.Id, Edit(second.Content, (sheet, row) =>
        {
            row(6).Cell(Column(sheet, "HJDZ")).Value = "杭州市拱墅区";
            row(7).Cell(Column(sheet, "HJDZ")).Value = "杭州市余杭区";
        }));
        Assert.Equal((2, 2, 0, true), (result.Records, result.Fixed, result.OpenCount, result.MovedToReview));
        Assert.Empty(result.StillOpen);
        await using (var db = ActAs.Db(app.Services))
        {
            var saved = await db.WorkOrders.AsNoTracking().SingleAsync(o => o.Id == order.Id, Ct);
            Assert.Equal((WorkOrderStatus.AwaitingReview, 0), (saved.Status, saved.OpenCount));
            Assert.NotNull(saved.SubmittedUtc);
            var events = await db.WorkOrderEvents.AsNoTracking().Where(e => e.OrderId == order.Id).OrderBy(e => e.Id).ToListAsync(Ct);
            Assert.Equal([WorkOrderEventKind.CorrectionUploaded, WorkOrderEventKind.Submit], events.TakeLast(2).Select(e => e.Kind));
            Assert.Equal((WorkOrderStatus.InProgress, WorkOrderStatus.AwaitingReview, "gongan", "复核 2 条记录：已整改 2 个问题，工单仍有 0 个问题待整改"),
                (events[^1].FromStatus!.Value, events[^1].ToStatus!.Value, events[^1].Actor, events[^1].Comment));
            Assert.True(await db.Notifications.AnyAsync(n => n.UserName == "steward" && n.Link == $"rectification/orders/{order.Id}", Ct));
        }

        // A later check of the whole resource reads the corrected values: the address problems are gone.
        var runId = await RunAsync(app.Services, order.ResourceId, null);
        await using (var db = ActAs.Db(app.Services))
        {
            Assert.Equal(CheckRunStatus.Completed, await db.CheckRuns.Where(r => r.Id == runId).Select(r => r.Status).SingleAsync(Ct));
            Assert.Equal(0, await db.Problems.CountAsync(p => p.RunId == runId, Ct));
        }
    }

    [Fact]
    public async Task A_uniqueness_problem_is_fixed_by_a_new_key_and_stays_open_while_the_key_is_still_taken()
    {
        var order = await OrderAsync(app.Services, unique: true);
        var workbook = await DownloadAsync(app.Services, "gongan", order.Id);
        Assert.Equal(["2", "3", "5", "6", "7"], Rows(workbook.Content).Select(r => r["#ROW"]));
        var result = await UploadAsync(app.Services, "gongan", order.Id, Edit(workbook.Content, (sheet, row) =>
            row(5).Cell(Column(sheet, "SFZH")).Value = "330102199001011236"));

        Assert.Equal((5, 1, 5), (result.Records, result.Fixed, result.OpenCount));
        var unique = Assert.Single(result.StillOpen, r => r.ItemName == "公民身份号码");
        Assert.Equal(6, unique.RowNumber);
        Assert.Equal("330102198001051231", unique.Value);
        Assert.Equal("公民身份号码重复：与本批第 4 行相同", unique.Message);
        await using var db = ActAs.Db(app.Services);
        Assert.Equal(["R2"], await db.WorkOrderItems.Where(i => i.OrderId == order.Id && i.State == WorkOrderItemState.Fixed).Select(i => i.RuleKey).ToListAsync(Ct));
    }

    [Fact]
    public async Task Bad_workbooks_change_nothing_and_say_what_is_wrong()
    {
        var order = await OrderAsync(app.Services);
        var other = await OrderAsync(app.Services, departmentCode: "330100SCJ");
        var workbook = (await DownloadAsync(app.Services, "gongan", order.Id)).Content;
        var before = await StateAsync(order.Id);

        var macro = await Assert.ThrowsAsync<BusinessRuleException>(() => UploadAsync(app.Services, "gongan", order.Id, WithMacro(workbook)));
        Assert.Contains("宏", macro.Message);
        await Assert.ThrowsAsync<BusinessRuleException>(() => UploadAsync(app.Services, "gongan", order.Id, workbook, "整改.xlsm"));
        await Assert.ThrowsAsync<BusinessRuleException>(() => UploadAsync(app.Services, "gongan", order.Id, workbook, "整改.csv"));
        var header = await Assert.ThrowsAsync<BusinessRuleException>(() => UploadAsync(app.Services, "gongan", order.Id,
            Edit(workbook, (sheet, _) => sheet.Cell(1, Column(sheet, "HJDZ")).Value = "ADDRESS")));
        Assert.Equal("表头与本工单的整改工作簿不一致，请重新下载整改工作簿后填写", header.Message);
        var corrupt = await Assert.ThrowsAsync<BusinessRuleException>(() => UploadAsync(app.Services, "gongan", order.Id, workbook[..(workbook.Length / 2)]));
        Assert.NotEmpty(corrupt.Message);
        var tooBig = await Assert.ThrowsAsync<BusinessRuleException>(() => UploadAsync(app.Services, "gongan", order.Id, new byte[CorrectionUpload.MaxUploadBytes + 1]));
        Assert.Contains("MB", tooBig.Message);

        long otherRecord;
        await using (var db = ActAs.Db(app.Services))
            otherRecord = (await db.WorkOrderItems.FirstAsync(i => i.OrderId == other.Id, Ct)).RecordId!.Value;
        var foreign = await UploadAsync(app.Services, "gongan", order.Id, Edit(workbook, (sheet, row) =>
        {
            row(2).Cell(Column(sheet, "HJDZ")).Value = "杭州市上城区";
            row(3).Cell(Column(sheet, "#RECORD")).Value = otherRecord.ToString();
        }));
        var error = Assert.Single(foreign.Errors);
        Assert.Equal(("记录ID", otherRecord.ToString()), (error.Column, error.Value));
        Assert.NotNull(foreign.ErrorWorkbook);

        var formula = await UploadAsync(app.Services, "gongan", order.Id, Edit(workbook, (sheet, row) => row(2).Cell(Column(sheet, "HJDZ")).FormulaA1 = "\"杭州\"&\"市\""));
        Assert.Equal(("户籍地址", "单元格包含公式，请复制后“粘贴为数值”再上传"), (Assert.Single(formula.Errors).Column, formula.Errors[0].Message));

        var invalid = await UploadAsync(app.Services, "gongan", order.Id, Edit(workbook, (sheet, row) =>
        {
            row(2).Cell(Column(sheet, "HJDZ")).Value = new string('长', 101);
            row(3).Cell(Column(sheet, "CSRQ")).Value = "不是日期";
        }));
        Assert.Equal([(2 + 1, "户籍地址"), (3 + 1, "出生日期")], invalid.Errors.Select(e => (e.Row, e.Column)));
        using (var annotated = SheetReader.Open(new MemoryStream(invalid.ErrorWorkbook!.Content)))
            Assert.Contains(annotated.Sheets, s => s.Name == ErrorWorkbookWriter.SummarySheetName);

        var masked = await UploadAsync(app.Services, "gongan", order.Id, (await DownloadAsync(app.Services, "steward", order.Id)).Content);
        Assert.Contains(masked.Errors, e => e.Column == "公民身份号码" && e.Message.Contains("脱敏"));

        Assert.Equal(before, await StateAsync(order.Id));
    }

    [Fact]
    public async Task Only_the_owning_departments_staff_upload_and_only_once_the_order_is_signed()
    {
        var order = await OrderAsync(app.Services);
        var workbook = (await DownloadAsync(app.Services, "gongan", order.Id)).Content;
        await Assert.ThrowsAsync<AccessDeniedException>(() => UploadAsync(app.Services, "steward", order.Id, workbook));
        await Assert.ThrowsAsync<AccessDeniedException>(() => UploadAsync(app.Services, "manager", order.Id, workbook));
        await Assert.ThrowsAsync<NotFoundException>(() => UploadAsync(app.Services, "shichang", order.Id, workbook));
        var stale = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            AsAsync<CorrectionUpload, CorrectionResult>(app.Services, "gongan", u => u.UploadAsync(order.Id, Guid.NewGuid(), "整改.xlsx", new MemoryStream(workbook), Ct)));
        Assert.Equal("工单已被他人更新，请查看最新状态后再操作", stale.Message);

        var unsigned = await OrderAsync(app.Services, sign: false);
        var refused = await Assert.ThrowsAsync<BusinessRuleException>(async () =>
            await UploadAsync(app.Services, "gongan", unsigned.Id, (await DownloadAsync(app.Services, "gongan", unsigned.Id)).Content));
        Assert.Equal("工单尚未签收，请先签收后再上传整改数据", refused.Message);

        await using var db = ActAs.Db(app.Services);
        Assert.False(await db.WorkOrderEvents.AnyAsync(e => (e.OrderId == order.Id || e.OrderId == unsigned.Id) && e.Kind == WorkOrderEventKind.CorrectionUploaded, Ct));
        Assert.Equal(4, await db.WorkOrderItems.CountAsync(i => i.OrderId == order.Id && i.State == WorkOrderItemState.Open, Ct));
    }

    /// <summary>A workbook that carries a VBA project part under an .xlsx name.</summary>
    private static byte[] WithMacro(byte[] workbook)
    {
        using var buffer = new MemoryStream();
        buffer.Write(workbook);
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("xl/vbaProject.bin").Open();
            entry.Write([1, 2, 3, 4]);
        }
        return buffer.ToArray();
    }

    /// <summary>Everything an upload may change, to compare before and after a refused one.</summary>
    private async Task<string> StateAsync(int orderId)
    {
        await using var db = ActAs.Db(app.Services);
        var order = await db.WorkOrders.AsNoTracking().SingleAsync(o => o.Id == orderId, Ct);
        var items = await db.WorkOrderItems.AsNoTracking().Where(i => i.OrderId == orderId).OrderBy(i => i.Id).Select(i => new { i.State, i.Message, i.Value, i.Explanation }).ToListAsync(Ct);
        var ids = await db.WorkOrderItems.Where(i => i.OrderId == orderId).Select(i => i.RecordId).ToListAsync(Ct);
        var corrected = await db.BatchRecords.CountAsync(r => ids.Contains(r.Id) && r.CorrectedJson != null, Ct);
        var history = await db.BatchRecordHistory.CountAsync(h => h.OrderId == orderId, Ct);
        var events = await db.WorkOrderEvents.CountAsync(e => e.OrderId == orderId, Ct);
        return JsonSerializer.Serialize(new { order.ConcurrencyStamp, order.Status, order.OpenCount, items, corrected, history, events });
    }
}
