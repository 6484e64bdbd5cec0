using ClosedXML.Excel;
using GovDataConsole.Features.Cleansing;
using GovDataConsole.Features.Quality;
using GovDataConsole.Features.Rectification;
using GovDataConsole.Quality;
using GovDataConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GovDataConsole.Tests.Cleansing.CleansingKit;

namespace GovDataConsole.Tests.Rectification;

/// <summary>
/// An order to correct, as in <see cref="RectificationKit"/> but cleansed first: the messy batch under the messy cleansing rules
/// leaves 户籍地址 blank in rows 2, 3, 6 and 7 (rule R1 not blank, 4 problems); with <c>unique</c> also R2 公民身份号码 unique
/// (rows 5 and 6 repeat rows 2 and 4). Plus workbook helpers for the correction workbook.
/// </summary>
internal static class CorrectionKit
{
    public const string DataSheet = "整改数据";

    public sealed record Order(int Id, int ResourceId, int BatchId);

    /// <summary>A dispatched order of 公安局; signed (整改中) unless <paramref name="sign"/> is false.</summary>
    public static async Task<Order> OrderAsync(IServiceProvider services, bool sign = true, bool unique = false, string departmentCode = "330100GAJ")
    {
        var resource = await PublishResourceAsync(services, departmentCode);
        await SaveAsync(services, resource, MessyRules(), DedupMode.None);
        var batchId = await ImportAsync(services, resource);
        await CleanseAsync(services, batchId);
        List<QualityRule> rules = [new("R1", RuleTemplate.NotBlank, ["HJDZ"], new Dictionary<string, string>(), RuleSeverity.Major, 1, 0)];
        if (unique) rules.Add(new("R2", RuleTemplate.Unique, ["SFZH"], new Dictionary<string, string>(), RuleSeverity.Critical, 1, 0));
        await using (var db = ActAs.Db(services))
        {
            db.QualityRuleSets.Add(new QualityRuleSet(resource, 1, rules, "steward", DateTime.UtcNow));
            await db.SaveChangesAsync(Ct);
        }
        var runId = await RunAsync(services, resource, batchId);
        List<long> problems;
        await using (var db = ActAs.Db(services))
            problems = await db.Problems.Where(p => p.RunId == runId).Select(p => p.Id).ToListAsync(Ct);
        var orderId = Assert.Single(await AsAsync<WorkOrderService, IReadOnlyList<int>>(services, "steward", s => s.CreateFromProblemsAsync(problems, Ct)));
        await ActAsync(services, "steward", orderId, WorkOrderAction.Dispatch);
        var user = departmentCode == "330100GAJ" ? "gongan" : "shichang";
        if (sign) await ActAsync(services, user, orderId, WorkOrderAction.Sign);
        return new Order(orderId, resource, batchId);
    }

    /// <summary>Queues and runs a check of the batch (null: the whole resource) in-process; returns the run id.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, int resourceId, int? batchId)
    {
        await using var scope = services.CreateAsyncScope();
        var runId = (await scope.ServiceProvider.GetRequiredService<CheckRunQueue>().QueueAsync(resourceId, batchId, CheckTrigger.Manual, "steward", Ct))!.Value;
        await scope.ServiceProvider.GetRequiredService<QualityCheckJob>().RunInlineAsync(runId, 1, Ct);
        return runId;
    }

    public static async Task<Guid> StampAsync(IServiceProvider services, int orderId)
    {
        await using var db = ActAs.Db(services);
        return await db.WorkOrders.Where(o => o.Id == orderId).Select(o => o.ConcurrencyStamp).SingleAsync(Ct);
    }

    public static async Task ActAsync(IServiceProvider services, string user, int orderId, WorkOrderAction action)
    {
        var stamp = await StampAsync(services, orderId);
        await AsAsync<WorkOrderService, int>(services, user, async s => { await s.ActAsync(orderId, action, new(stamp), Ct); return 0; });
    }

    public static async Task<TResult> AsAsync<TService, TResult>(IServiceProvider services, string user, Func<TService, Task<TResult>> act) where TService : notnull
    {
        await using var scope = await ActAs.UserAsync(services, user);
        return await act(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public static Task<Features.Catalog.Inventory.WorkbookFile> DownloadAsync(IServiceProvider services, string user, int orderId) =>
        AsAsync<CorrectionWorkbook, Features.Catalog.Inventory.WorkbookFile>(services, user, w => w.BuildAsync(orderId, Ct));

    /// <summary>Uploads <paramref name="content"/> as the user with the order's current stamp.</summary>
    public static async Task<CorrectionResult> UploadAsync(IServiceProvider services, string user, int orderId, byte[] content, string fileName = "整改.xlsx")
    {
        var stamp = await StampAsync(services, orderId);
        return await AsAsync<CorrectionUpload, CorrectionResult>(services, user, u => u.UploadAsync(orderId, stamp, fileName, new MemoryStream(content), Ct));
    }

    /// <summary>Edits the data sheet of a workbook: <paramref name="edit"/> gets the sheet and each data row by its 行号 (batch row).</summary>
    public static byte[] Edit(byte[] workbook, Action<IXLWorksheet, Func<int, IXLRow>> edit)
    {
        using var book = new XLWorkbook(new MemoryStream(workbook));
        var sheet = book.Worksheet(DataSheet);
        edit(sheet, batchRow => sheet.RowsUsed().Single(r => r.RowNumber() > 2 && r.Cell(Column(sheet, "#ROW")).GetString() == batchRow.ToString()));
        using var output = new MemoryStream();
        book.SaveAs(output);
        return output.ToArray();
    }

    /// <summary>The 1-based column of a code in the hidden code row.</summary>
    public static int Column(IXLWorksheet sheet, string code) =>
        sheet.Row(1).CellsUsed().Single(c => c.GetString() == code).Address.ColumnNumber;

    /// <summary>The data rows of a downloaded workbook as code → text.</summary>
    public static List<Dictionary<string, string>> Rows(byte[] workbook)
    {
        using var book = new XLWorkbook(new MemoryStream(workbook));
        var sheet = book.Worksheet(DataSheet);
        var codes = sheet.Row(1).CellsUsed().ToDictionary(c => c.Address.ColumnNumber, c => c.GetString());
        return sheet.RowsUsed().Where(r => r.RowNumber() > 2)
            .Select(r => codes.ToDictionary(c => c.Value, c => r.Cell(c.Key).GetString())).ToList();
    }
}
