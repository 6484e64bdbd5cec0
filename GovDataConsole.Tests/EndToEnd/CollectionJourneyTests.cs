using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using GovDataConsole.Features.Shared;
using GovDataConsole.Standards.Synthetic;
using GovDataConsole.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GovDataConsole.Tests.EndToEnd;

/// <summary>
/// Issue 4 in a real Chromium: a department downloads the batch template of its resource, fills it with a day's worth of
/// residents (a few bad rows among them), uploads it, watches the import job's progress pushed to the page, and reads
/// the counts, the masked records, the row errors and the error workbook.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CollectionJourneyTests(BrowserApp app)
{
    private const string ResourceName = "常住人口基本信息";
    private const int GoodRows = 20_000;

    /// <summary>Bad rows, at their sheet row numbers: (row, item code, value, item name, message).</summary>
    private static readonly (int Row, string Code, string Value, string ItemName, string Message)[] BadRows =
    [
        (4, "XM", "", "姓名", "必填项为空"),
        (6, "CSRQ", "1990-13-45", "出生日期", "不是可识别的日期"),
        (8, "SFZH", "11010519491231002X1", "公民身份号码", "长度超过 18（实际 19 个字符）"),
    ];

    /// <summary>
    /// Records every state of the batch progress panel as the browser draws it (the import may finish faster than a
    /// test can look, so the page itself keeps the evidence that the bar was shown and moved).
    /// </summary>
    private const string ProgressRecorder = """
        (() => {
            window.__batchProgress = [];
            new MutationObserver(() => {
                const panel = document.querySelector('[data-testid=batch-progress]');
                if (!panel) return;
                const bar = panel.querySelector('[role=progressbar]');
                const state = panel.innerText.trim() + ' | ' + (bar?.getAttribute('aria-valuenow') ?? '');
                if (window.__batchProgress.at(-1) !== state) window.__batchProgress.push(state);
            }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
        })();
        """;

    [Fact]
    public async Task Department_uploads_a_batch_from_the_template_watches_it_import_and_reads_the_row_errors()
    {
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        var errors = BrowserSteps.CollectErrors(page);
        await session.Context.AddInitScriptAsync(ProgressRecorder);
        await BrowserSteps.OpenAsAsync(page, "gongan", "/collection/batches");
        await Expect(page.Locator("h1")).ToHaveTextAsync("数据批次");

        // 1. Pick the resource and download its batch template: one column per info item, codes in the hidden row 1.
        await BrowserSteps.ChooseAsync(page, page.GetByTestId("batch-resource"), ResourceName);
        var (templateName, template) = await BrowserSteps.DownloadAsync(page, page.GetByTestId("batch-template"));
        Assert.Matches($@"^数据批次模板_{ResourceName}_v\d+\.xlsx$", templateName);
        var file = Fill(template, out var codes);
        Assert.Equal(["SFZH", "XM", "XB", "MZ", "CSRQ", "HJDZ", "LXDH"], codes);

        // 2. Upload it: resource and period come preselected, the columns are recognised by their codes.
        await page.GetByTestId("batch-upload").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Expect(dialog.Locator(".mud-dialog-title")).ToHaveTextAsync("上传数据");
        await Expect(dialog.GetByRole(AriaRole.Combobox, new() { Name = "资源名称" })).ToContainTextAsync($"330100GAJ/00001 {ResourceName}");
        var periodBox = dialog.GetByRole(AriaRole.Combobox, new() { Name = "归集周期" });
        await Expect(periodBox).ToContainTextAsync(new Regex(@"\d{4}-W\d{2}"));
        var period = Regex.Match(await periodBox.InnerTextAsync(), @"\d{4}-W\d{2}").Value;
        await BrowserSteps.ChooseFileAsync(dialog, "常住人口_本周.xlsx", file);
        var mapping = dialog.GetByTestId("mapping-table");
        await Expect(mapping).ToBeVisibleAsync();
        await Expect(dialog).ToContainTextAsync("已按模板的信息项编码识别全部列");
        await Expect(mapping.Locator("tbody tr")).ToHaveCountAsync(codes.Count);
        await Expect(dialog.GetByTestId("duplicate-warning")).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(page, "collection-1-mapping");
        await dialog.GetByTestId("batch-confirm").ClickAsync();

        // 3. The batch page shows the job's progress, pushed from the job, until the batch is in.
        await Expect(page).ToHaveURLAsync(new Regex(@"/collection/batches/\d+$"));
        var status = page.Locator(".page-header [data-status]");
        try
        {
            await page.GetByTestId("batch-progress").GetByText(new Regex("正在解析，已读取 [1-9]")).WaitForAsync(new() { Timeout = 10_000 });
            await BrowserApp.ScreenshotAsync(page, "collection-2-progress");
        }
        catch (TimeoutException)
        {
            // Already imported by the time we looked; the recorder below still proves the bar was shown.
        }
        // After the import the cleansing job takes over (the resource has demo rules) and the batch ends 已清洗.
        await Expect(status).ToHaveAttributeAsync("data-status", "Cleansed", new() { Timeout = 120_000 });
        await Expect(status).ToHaveTextAsync("已清洗");
        await Expect(page.GetByTestId("batch-progress")).ToHaveCountAsync(0);
        var progress = await page.EvaluateAsync<string[]>("() => window.__batchProgress");
        TestContext.Current.TestOutputHelper?.WriteLine("Progress seen: " + JsonSerializer.Serialize(progress));
        Assert.NotEmpty(progress);
        Assert.All(progress, p => Assert.Matches("排队等待解析|正在解析，已读取|正在按清洗规则处理", p));
        // The bar moved: the job pushed rows read and a rising percentage while it parsed.
        Assert.Contains(progress, p => Regex.IsMatch(p, "正在解析，已读取 [1-9]"));
        var percents = progress.Where(p => !p.Contains("正在按清洗规则处理"))
            .Select(p => int.Parse(p.Split('|')[1].Trim() is { Length: > 0 } v ? v : "0")).ToList();
        Assert.Equal(percents.Order(), percents);

        await Expect(page.Locator("h1")).ToContainTextAsync($"{ResourceName} · {period}");
        var total = GoodRows + BadRows.Length;
        await Expect(Stat(page, "读取行数")).ToHaveTextAsync(total.ToString("N0"));
        await Expect(Stat(page, "入库行数")).ToHaveTextAsync(GoodRows.ToString("N0"));
        await Expect(Stat(page, "错误行数")).ToHaveTextAsync(BadRows.Length.ToString("N0"));
        await Expect(page.GetByText("常住人口_本周.xlsx")).ToBeVisibleAsync();

        // The records, with the resident ID masked for department staff.
        var records = page.GetByTestId("records");
        await Expect(records.Locator("tbody tr").First).ToBeVisibleAsync();
        await Expect(records.Locator("tbody tr").First).ToContainTextAsync(new Regex(@"\d{6}\*{8}\d{3}[\dX]"));
        await Expect(records).ToContainTextAsync($"共 {GoodRows.ToString("N0", CultureInfo.GetCultureInfo("zh-CN"))} 条");
        // The watermark over the personal data does not push the page sideways.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await BrowserApp.ScreenshotAsync(page, "collection-3-imported");

        // 4. The row errors tab lists exactly the bad rows, with the item, the value as received and the reason.
        await page.GetByRole(AriaRole.Tab, new() { Name = $"行错误（{BadRows.Length}）" }).ClickAsync();
        var rowErrors = page.GetByTestId("row-errors").Locator("tbody tr");
        await Expect(rowErrors).ToHaveCountAsync(BadRows.Length);
        for (var i = 0; i < BadRows.Length; i++)
        {
            var bad = BadRows[i];
            await Expect(rowErrors.Nth(i).Locator("td")).ToHaveTextAsync([bad.Row.ToString(), bad.ItemName, bad.Value, bad.Message]);
        }
        await BrowserApp.ScreenshotAsync(page, "collection-4-row-errors");

        // 5. The error workbook marks the same cells red, with the reason in a comment.
        var (errorName, errorWorkbook) = await BrowserSteps.DownloadAsync(page, page.GetByTestId("batch-error-workbook"));
        Assert.EndsWith(".xlsx", errorName);
        var marked = CatalogJourneyTests.RedCellsWithComments(errorWorkbook);
        var expected = BadRows.ToDictionary(b => $"数据!{GovDataConsole.Excel.CellReference.Format(b.Row, codes.IndexOf(b.Code) + 1)}", b => b.Message);
        Assert.Equal(expected.Keys.Order(), marked.Keys.Order());
        foreach (var (cell, message) in expected) Assert.Contains(message, marked[cell]);

        await BrowserSteps.AssertNoErrorsAsync(page, errors);
    }

    private static ILocator Stat(IPage page, string label) =>
        page.Locator(".mud-paper").Filter(new() { Has = page.GetByText(label, new() { Exact = true }) }).Locator(".mud-typography-h4");

    /// <summary>
    /// Fills the 数据 sheet from row 3 with synthetic residents of Zhejiang (valid IDs, names, codes, dates), and breaks
    /// the rows listed in <see cref="BadRows"/>. Returns the file and the item codes of its columns.
    /// </summary>
    private static byte[] Fill(byte[] template, out List<string> codes)
    {
        using var book = new XLWorkbook(new MemoryStream(template));
        var sheet = book.Worksheet("数据");
        codes = sheet.Row(1).CellsUsed().Select(c => c.GetString()).ToList();
        Assert.True(sheet.Row(1).IsHidden);
        Assert.Equal("公民身份号码", sheet.Cell(2, 1).GetString().TrimEnd(' ', '*'));

        var columns = codes.Select(code => code switch
        {
            "SFZH" => PersonColumn.ResidentId, "XM" => PersonColumn.Name, "XB" => PersonColumn.Gender, "MZ" => PersonColumn.Ethnicity,
            "CSRQ" => PersonColumn.BirthDate, "HJDZ" => PersonColumn.Address, "LXDH" => PersonColumn.Mobile,
            _ => throw new InvalidOperationException($"Unexpected item code {code}"),
        }).ToList();
        var people = new PersonGenerator(2026, columns, null, ChinaTime.Today).Generate(GoodRows + BadRows.Length, new DefectReport());
        var row = 3;
        foreach (var values in people)
        {
            for (var c = 0; c < values.Length; c++) sheet.Cell(row, c + 1).SetValue(values[c]);
            if (BadRows.FirstOrDefault(b => b.Row == row) is { Code: not null } bad) sheet.Cell(row, codes.IndexOf(bad.Code) + 1).SetValue(bad.Value);
            row++;
        }

        using var output = new MemoryStream();
        book.SaveAs(output);
        return output.ToArray();
    }
}
