using System.Text.RegularExpressions;
using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GovDataConsole.Excel;
using GovDataConsole.Features.Catalog.Inventory;
using GovDataConsole.Tests.Infrastructure;
using Microsoft.Playwright;
using static GovDataConsole.Tests.Catalog.InventoryWorkbooks;
using static Microsoft.Playwright.Assertions;

namespace GovDataConsole.Tests.EndToEnd;

/// <summary>
/// Issue 3 in a real Chromium: a department keeps its catalog through the inventory workbook round trip
/// (template out, filled workbook in, summary; a workbook with three bad cells comes back as an annotated error workbook),
/// submits a new resource, and a steward publishes it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CatalogJourneyTests(BrowserApp app)
{
    private const string ResourceSheet = "资源目录";
    private const string ItemSheet = "信息项";
    private const string Driving = "330100GAJ/00701";
    private const string Lodging = "330100GAJ/00702";
    private const string UnknownResource = "330100GAJ/09999";

    [Fact]
    public async Task Department_maintains_its_catalog_through_the_workbook_and_a_steward_publishes_it()
    {
        string detailPath;
        await using (var session = await app.NewSessionAsync())
        {
            var page = session.Page;
            var errors = BrowserSteps.CollectErrors(page);
            await BrowserSteps.OpenAsAsync(page, "gongan", "/catalog");
            await Expect(page.Locator("h1")).ToHaveTextAsync("数据目录");

            // 1. Download the department's template: prefilled with its own catalog, codes in the hidden row 1.
            var (templateName, template) = await BrowserSteps.DownloadAsync(page, page.GetByTestId("template-download"));
            Assert.Matches(@"^资源目录清单_杭州市公安局_\d{8}\.xlsx$", templateName);
            Assert.Contains("330100GAJ/00001", ColumnValues(template, ResourceSheet, "resource_code"));

            // 2. Fill two new resources with their info items and upload: the summary counts them.
            var filled = AddRows(template, ResourceSheet,
                Resource(Driving, "机动车驾驶人信息"),
                Resource(Lodging, "境外人员临时住宿登记信息"));
            filled = AddRows(filled, ItemSheet,
                Item(Driving, "JSZH", "驾驶证号", length: "18"),
                Item(Driving, "XM", "姓名"),
                Item(Driving, "CCLZRQ", "初次领证日期", "日期", null),
                Item(Lodging, "ZJHM", "证件号码", length: "30"),
                Item(Lodging, "RZRQ", "入住日期", "日期", null));
            var dialog = await OpenUploadDialogAsync(page);
            await BrowserSteps.ChooseFileAsync(dialog, "公安局资源目录清单.xlsx", filled);
            var summary = dialog.GetByTestId("import-summary");
            await Expect(summary).ToContainTextAsync("导入完成");
            await Expect(summary).ToContainTextAsync(new Regex(@"新建 2 · 更新 0 · 升版 0 · 未变 [1-9]\d*"));
            await BrowserApp.ScreenshotAsync(page, "catalog-1-import-summary");
            await dialog.GetByTestId("upload-close").ClickAsync();
            await Expect(dialog).ToHaveCountAsync(0);

            // The grid shows both as drafts with their info-item counts.
            await SearchAsync(page, "330100GAJ/007");
            var rows = page.Locator(".mud-table-body tr.mud-table-row");
            await Expect(rows).ToHaveCountAsync(2);
            await Expect(Row(page, Driving)).ToContainTextAsync("机动车驾驶人信息");
            await Expect(Row(page, Driving).Locator("[data-status=Draft]")).ToHaveTextAsync("草稿");
            await Expect(Row(page, Lodging).Locator("[data-status=Draft]")).ToHaveTextAsync("草稿");
            await BrowserApp.ScreenshotAsync(page, "catalog-2-new-drafts");

            // 3. Download again (now prefilled with the new resources), break three cells and upload: nothing changes,
            //    the dialog lists the three errors and offers the annotated workbook.
            var (_, second) = await BrowserSteps.DownloadAsync(page, page.GetByTestId("template-download"));
            Assert.Contains(Driving, ColumnValues(second, ResourceSheet, "resource_code"));
            Assert.Contains(Lodging, ColumnValues(second, ResourceSheet, "resource_code"));
            var (bad, badCells) = BreakThreeCells(second);

            dialog = await OpenUploadDialogAsync(page);
            await BrowserSteps.ChooseFileAsync(dialog, "公安局资源目录清单（修改）.xlsx", bad);
            await Expect(dialog.GetByTestId("import-error")).ToContainTextAsync("发现 3 处错误，未做任何修改");
            var errorRows = dialog.Locator("table tbody tr");
            await Expect(errorRows).ToHaveCountAsync(3);
            await Expect(errorRows.Filter(new() { HasText = "每两天" })).ToContainTextAsync("取值应为");
            await Expect(errorRows.Filter(new() { HasText = "1ZJHM" })).ToHaveCountAsync(1);
            await Expect(errorRows.Filter(new() { HasText = UnknownResource })).ToContainTextAsync("不在“资源目录”工作表中");
            await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "选择文件" })).ToBeEnabledAsync(); // ready for the corrected file
            await BrowserApp.ScreenshotAsync(page, "catalog-3-import-errors");

            var (errorName, errorWorkbook) = await BrowserSteps.DownloadAsync(page, dialog.GetByTestId("download-errors"));
            Assert.Equal("公安局资源目录清单（修改）_错误标注.xlsx", errorName);
            var marked = RedCellsWithComments(errorWorkbook);
            Assert.Equal(badCells.Keys.Order(), marked.Keys.Order());
            Assert.All(marked.Values, comment => Assert.False(string.IsNullOrWhiteSpace(comment)));
            foreach (var (cell, expectedMessage) in badCells) Assert.Contains(expectedMessage, marked[cell]);
            Assert.Equal(3, SummaryRowCount(errorWorkbook));

            await dialog.GetByTestId("upload-close").ClickAsync();
            await Expect(dialog).ToHaveCountAsync(0);
            // Nothing changed: still the same two drafts at v1, no trace of the broken rows.
            await page.ReloadAsync();
            await BrowserSteps.WaitForInteractiveAsync(page);
            await SearchAsync(page, "330100GAJ/007");
            await Expect(rows).ToHaveCountAsync(2);
            await Expect(Row(page, Driving)).ToContainTextAsync("v1");
            await Expect(Row(page, Driving)).ToContainTextAsync("每月");

            // 4. Open the new resource and submit it for publication.
            await Row(page, Driving).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(@"/catalog/\d+$"));
            detailPath = new Uri(page.Url).AbsolutePath;
            await Expect(page.Locator("h1")).ToHaveTextAsync("机动车驾驶人信息");
            await Expect(page.GetByTestId("item-table").Locator("tbody tr")).ToHaveCountAsync(3);
            await page.GetByTestId("resource-submit").ClickAsync();
            await Expect(HeaderStatus(page)).ToHaveAttributeAsync("data-status", "Submitted");
            await Expect(HeaderStatus(page)).ToHaveTextAsync("已提交");
            await Expect(page.GetByTestId("resource-submit")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("resource-publish")).ToHaveCountAsync(0); // only a steward publishes
            await BrowserApp.ScreenshotAsync(page, "catalog-4-submitted");
            await BrowserSteps.AssertNoErrorsAsync(page, errors);
        }

        // 5. The steward opens the submitted resource and publishes it.
        await using (var session = await app.NewSessionAsync())
        {
            var page = session.Page;
            var errors = BrowserSteps.CollectErrors(page);
            await BrowserSteps.OpenAsAsync(page, "steward", detailPath);
            await Expect(page.Locator("h1")).ToHaveTextAsync("机动车驾驶人信息");
            await Expect(HeaderStatus(page)).ToHaveAttributeAsync("data-status", "Submitted");
            await page.GetByTestId("resource-publish").ClickAsync();
            await Expect(HeaderStatus(page)).ToHaveAttributeAsync("data-status", "Published");
            await Expect(HeaderStatus(page)).ToHaveTextAsync("已发布");
            await Expect(page.GetByTestId("resource-publish")).ToHaveCountAsync(0);
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "停用" })).ToBeVisibleAsync();
            await BrowserApp.ScreenshotAsync(page, "catalog-5-published-by-steward");

            // In the catalog the other new resource is still a draft.
            await page.GotoAsync("/catalog");
            await BrowserSteps.WaitForInteractiveAsync(page);
            await SearchAsync(page, "330100GAJ/007");
            await Expect(Row(page, Driving).Locator("[data-status]")).ToHaveAttributeAsync("data-status", "Published");
            await Expect(Row(page, Lodging).Locator("[data-status]")).ToHaveAttributeAsync("data-status", "Draft");
            await BrowserSteps.AssertNoErrorsAsync(page, errors);
        }
    }

    private static async Task<ILocator> OpenUploadDialogAsync(IPage page)
    {
        await page.GetByTestId("inventory-upload").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Expect(dialog.Locator(".mud-dialog-title")).ToHaveTextAsync("上传资源目录清单");
        return dialog;
    }

    private static async Task SearchAsync(IPage page, string text)
    {
        await page.GetByPlaceholder("搜索资源名称或代码").FillAsync(text);
        await Expect(page.Locator(".mud-table-body tr.mud-table-row").First).ToContainTextAsync(text);
    }

    private static ILocator Row(IPage page, string code) =>
        page.Locator(".mud-table-body tr.mud-table-row").Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = code, Exact = true }) });

    private static ILocator HeaderStatus(IPage page) => page.Locator(".page-header [data-status]");

    /// <summary>
    /// Three mistakes a clerk makes in the prefilled workbook: an update cycle that is not in the list, an item code that
    /// starts with a digit, and an item row for a resource that is not in the workbook. Returns the file and the bad
    /// cells (sheet!A1 → the message the comment must carry).
    /// </summary>
    private static (byte[] File, Dictionary<string, string> Cells) BreakThreeCells(byte[] workbook)
    {
        var cells = new Dictionary<string, string>();
        var file = Edit(workbook, book =>
        {
            var resources = book.Worksheet(ResourceSheet);
            var cycle = RowOf(resources, "resource_code", Driving).Cell(Column(resources, "update_cycle"));
            cycle.SetValue("每两天");
            cells[$"{ResourceSheet}!{cycle.Address.ToStringRelative()}"] = "取值应为";

            var items = book.Worksheet(ItemSheet);
            var code = RowOf(items, "item_code", "ZJHM").Cell(Column(items, "item_code"));
            code.SetValue("1ZJHM");
            cells[$"{ItemSheet}!{code.Address.ToStringRelative()}"] = "";

            var next = items.LastRowUsed()!.RowNumber() + 1;
            var orphan = items.Cell(next, Column(items, "resource_code"));
            orphan.SetValue(UnknownResource);
            items.Cell(next, Column(items, "item_code")).SetValue("XM");
            items.Cell(next, Column(items, "item_name")).SetValue("姓名");
            items.Cell(next, Column(items, "data_type")).SetValue("字符串");
            items.Cell(next, Column(items, "length")).SetValue("50");
            cells[$"{ItemSheet}!{orphan.Address.ToStringRelative()}"] = "不在“资源目录”工作表中";
        });
        return (file, cells);
    }

    private static int Column(IXLWorksheet sheet, string code) =>
        sheet.Row(InventoryColumns.CodeRow).CellsUsed().Single(c => c.GetString() == code).Address.ColumnNumber;

    private static IXLRow RowOf(IXLWorksheet sheet, string code, string value) =>
        sheet.RowsUsed().Single(r => r.RowNumber() >= InventoryColumns.FirstDataRow && r.Cell(Column(sheet, code)).GetString() == value);

    private static List<string> ColumnValues(byte[] workbook, string sheet, string code)
    {
        using var book = new XLWorkbook(new MemoryStream(workbook));
        var ws = book.Worksheet(sheet);
        var column = Column(ws, code);
        return ws.RowsUsed().Where(r => r.RowNumber() >= InventoryColumns.FirstDataRow).Select(r => r.Cell(column).GetString()).ToList();
    }

    /// <summary>Every cell filled with the error red, as sheet!A1 → the text of its comment (empty when it has none).</summary>
    internal static Dictionary<string, string> RedCellsWithComments(byte[] workbook)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(workbook), false);
        var workbookPart = document.WorkbookPart!;
        var stylesheet = workbookPart.WorkbookStylesPart!.Stylesheet;
        var fills = stylesheet.Fills!.Elements<Fill>().ToList();
        var formats = stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        bool IsRed(Cell cell) => cell.StyleIndex?.Value is uint style && formats[(int)style].FillId?.Value is uint fill
            && fills[(int)fill].PatternFill?.ForegroundColor?.Rgb?.Value == ErrorWorkbookWriter.ErrorFillArgb;

        var result = new Dictionary<string, string>();
        foreach (var sheet in workbookPart.Workbook.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)workbookPart.GetPartById(sheet.Id!.Value!);
            var comments = part.WorksheetCommentsPart?.Comments.CommentList?.Elements<Comment>()
                .ToDictionary(c => c.Reference!.Value!, c => c.InnerText) ?? [];
            foreach (var cell in part.Worksheet.Descendants<Cell>().Where(IsRed))
                result[$"{sheet.Name}!{cell.CellReference}"] = comments.GetValueOrDefault(cell.CellReference!.Value!, "");
        }
        return result;
    }

    /// <summary>Data rows of the 错误汇总 sheet (below its header).</summary>
    internal static int SummaryRowCount(byte[] workbook)
    {
        using var reader = SheetReader.Open(new MemoryStream(workbook));
        return reader.ReadRows(ErrorWorkbookWriter.SummarySheetName).Count(r => r.Number > 1);
    }
}
