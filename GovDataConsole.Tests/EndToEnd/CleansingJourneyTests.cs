using System.Text.RegularExpressions;
using GovDataConsole.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GovDataConsole.Tests.EndToEnd;

/// <summary>
/// Issue 5 in a real Chromium: a steward looks at a batch's cleansing result, adds a rule to the resource's rule set
/// (a regex that drops the province from 户籍地址), previews it on that batch, saves it as a new version, re-cleanses the
/// batch and sees the new rule's count appear in the batch's 清洗结果 and the cleansed addresses differ from the raw ones.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CleansingJourneyTests(BrowserApp app)
{
    private const string ResourceCode = "330100GAJ/00001";
    private const string ResourceName = "常住人口基本信息";
    private const string AddressItem = "户籍地址";
    private const string NewRule = "正则替换";

    [Fact]
    public async Task Steward_adds_a_rule_previews_saves_a_new_version_recleanses_a_batch_and_sees_the_counts_change()
    {
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        var errors = BrowserSteps.CollectErrors(page);

        // 1. 数据清洗 › 清洗规则: the resource list, then the resource's rules.
        await BrowserSteps.OpenAsAsync(page, "steward", "/cleansing");
        await Expect(page.Locator("h1")).ToHaveTextAsync("清洗规则");
        await BrowserApp.ScreenshotAsync(page, "cleansing-1-resources");
        await page.GetByTestId($"rules-{ResourceCode}").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/cleansing/\d+$"));
        var rulesUrl = page.Url;
        await Expect(page.Locator("h1")).ToHaveTextAsync($"{ResourceName} · 清洗规则");
        var versionChip = page.Locator(".page-header .mud-chip");
        await Expect(versionChip).ToHaveTextAsync(new Regex(@"^v\d+$"));
        var version = int.Parse((await versionChip.InnerTextAsync()).Trim()[1..]);

        // The batch to work on: the resource's latest batch (first row), as the job server left it.
        var batchLink = page.GetByTestId("cleansing-batches").Locator("tbody tr").First.Locator("a");
        await Expect(batchLink).ToHaveTextAsync(new Regex(@"^#\d+$"));
        var batchId = int.Parse((await batchLink.InnerTextAsync()).Trim()[1..]);

        // 2. Before: the batch's 清洗结果 as cleansed with the current rules (wait for the job server to get there).
        await batchLink.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($@"/collection/batches/{batchId}$"));
        var status = page.Locator(".page-header [data-status]");
        await Expect(status).ToHaveAttributeAsync("data-status", "Cleansed", new() { Timeout = 120_000 });
        await page.GetByRole(AriaRole.Tab, new() { Name = "清洗结果" }).ClickAsync();
        var batchCounts = page.GetByTestId("cleansing-counts");
        await Expect(batchCounts.Locator("tbody tr").First).ToBeVisibleAsync();
        var before = await CountsAsync(batchCounts);
        Assert.DoesNotContain(before, c => c.Item == AddressItem && c.Rule.EndsWith(NewRule));
        var addressRules = before.Count(c => c.Item == AddressItem);
        await BrowserApp.ScreenshotAsync(page, "cleansing-2-batch-before");

        // 3. Back to the rules: add a regex replace on 户籍地址 that drops the leading province.
        await page.GotoAsync(rulesUrl);
        await BrowserSteps.WaitForInteractiveAsync(page);
        var addressRulesList = page.Locator(".rule-list").Filter(new() { Has = page.GetByTestId("add-rule-HJDZ") });
        await Expect(addressRulesList.Locator(".rule-card")).ToHaveCountAsync(addressRules);
        await BrowserSteps.ChooseAsync(page, page.GetByTestId("add-rule-HJDZ"), NewRule);
        var card = addressRulesList.Locator(".rule-card").Last;
        await Expect(addressRulesList.Locator(".rule-card")).ToHaveCountAsync(addressRules + 1);
        await Expect(card).ToContainTextAsync(NewRule);
        await card.GetByLabel("正则表达式").FillAsync("^浙江省");
        await card.GetByLabel("正则表达式").PressAsync("Tab");
        await Expect(card.GetByLabel("替换为")).ToHaveValueAsync("");
        await BrowserApp.ScreenshotAsync(page, "cleansing-3-rule-added");
        await ViewAsync(page, addressRulesList, "cleansing-3b-rule-added-view");

        // 4. Preview on the same batch: the new rule changes values, and the changed cells show before → after.
        await BrowserSteps.ChooseAsync(page, page.GetByTestId("preview-batch"), $"#{batchId} ·");
        await page.GetByTestId("preview-run").ClickAsync();
        var previewCounts = page.GetByTestId("preview-counts");
        var newRuleLabel = $"{addressRules + 1}. {NewRule}";
        var previewRow = previewCounts.Locator("tbody tr").Filter(new() { HasText = newRuleLabel });
        await Expect(previewRow).ToHaveCountAsync(1, new() { Timeout = 60_000 });
        await Expect(previewRow.Locator("td").First).ToHaveTextAsync(AddressItem);
        var previewChanged = int.Parse(await previewRow.Locator("td").Nth(2).InnerTextAsync());
        Assert.True(previewChanged > 0, $"The preview counts no value changed by {NewRule}");
        var changedAddress = page.GetByTestId("preview-rows").Locator("td.cell-changed").Filter(new() { Has = page.Locator(".diff-before", new() { HasText = "浙江省" }) }).First;
        await Expect(changedAddress).ToBeVisibleAsync();
        var beforeValue = await changedAddress.Locator(".diff-before").InnerTextAsync();
        var afterValue = await changedAddress.Locator(".diff-after").InnerTextAsync();
        // Addresses are personal data: the preview masks them like the records page (first six characters kept).
        Assert.StartsWith("浙江省", beforeValue);
        Assert.EndsWith("****", beforeValue);
        Assert.EndsWith("****", afterValue);
        Assert.StartsWith(beforeValue["浙江省".Length..].TrimEnd('*'), afterValue);
        await BrowserApp.ScreenshotAsync(page, "cleansing-4-preview");
        await ViewAsync(page, previewCounts, "cleansing-4b-preview-counts");
        await ViewAsync(page, changedAddress, "cleansing-4c-preview-rows");

        // 5. Save as a new version: the chip and the history move on by one.
        await page.GetByTestId("rules-save").ClickAsync();
        await Expect(versionChip).ToHaveTextAsync($"v{version + 1}");
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync($"已保存为 v{version + 1}");
        await Expect(page.Locator("tr").Filter(new() { HasText = $"v{version + 1}" }).Filter(new() { HasText = "steward" }).First).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "cleansing-5-saved");

        // 6. Re-cleanse the batch from the batches table, then follow it to its page until it is 已清洗 with the new version.
        var batchRow = page.GetByTestId("cleansing-batches").Locator("tbody tr").Filter(new() { Has = page.Locator("a", new() { HasText = $"#{batchId}" }) });
        await batchRow.GetByRole(AriaRole.Button, new() { Name = "重新清洗" }).ClickAsync();
        await Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = "已加入清洗队列" })).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "cleansing-6-recleanse-queued");
        await ViewAsync(page, batchRow, "cleansing-6b-history-and-batches");
        await batchRow.Locator("a").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($@"/collection/batches/{batchId}$"));
        await BrowserSteps.WaitForInteractiveAsync(page);
        await page.GetByRole(AriaRole.Tab, new() { Name = "清洗结果" }).ClickAsync();
        var cleansingTab = page.Locator(".mud-tabs-panels");
        await Expect(cleansingTab).ToContainTextAsync($"按规则 v{version + 1} 于", new() { Timeout = 120_000 });
        await Expect(status).ToHaveAttributeAsync("data-status", "Cleansed", new() { Timeout = 120_000 });
        await Expect(status).ToHaveTextAsync("已清洗");

        // 7. After: the new rule is counted with what the preview said; the rules that were there count as before.
        await Expect(batchCounts.Locator("tbody tr").Filter(new() { HasText = newRuleLabel })).ToHaveCountAsync(1);
        var after = await CountsAsync(batchCounts);
        var added = Assert.Single(after, c => c.Item == AddressItem && c.Rule == newRuleLabel);
        Assert.True(added.Changed > 0);
        Assert.Equal(previewChanged, added.Changed);
        Assert.Equal(before, after.Where(c => c != added).ToList());
        Assert.NotEqual(before, after);
        await BrowserApp.ScreenshotAsync(page, "cleansing-7-batch-after");

        // 8. The records: with 显示清洗后的值 on, the address no longer starts with the province the raw value has.
        await page.GetByRole(AriaRole.Tab, new() { NameRegex = new Regex("^数据记录") }).ClickAsync();
        var records = page.GetByTestId("records");
        await Expect(records.Locator("thead th").Filter(new() { HasText = AddressItem })).ToHaveCountAsync(1);
        var headers = await records.Locator("thead th").AllInnerTextsAsync();
        var addressColumn = headers.Select(h => h.Trim()).ToList().IndexOf(AddressItem);
        Assert.True(addressColumn > 0, "No 户籍地址 column in: " + string.Join(" | ", headers));
        var addressCells = records.Locator($"tbody tr td:nth-child({addressColumn + 1})");
        await Expect(addressCells.First).ToBeVisibleAsync();
        var raw = await addressCells.AllInnerTextsAsync();
        Assert.Contains(raw, v => v.Contains("浙江省"));
        await BrowserApp.ScreenshotAsync(page, "cleansing-8-records-raw");
        // MudSwitch puts the test id on its checkbox or around it, depending on the version.
        var showCleansed = page.Locator("input[data-testid=show-cleansed], [data-testid=show-cleansed] input").First;
        await showCleansed.CheckAsync();
        await Expect(showCleansed).ToBeCheckedAsync();
        var row = raw.ToList().FindIndex(v => v.StartsWith("浙江省"));
        Assert.True(row >= 0, "No raw address starts with 浙江省: " + string.Join(" | ", raw));
        await Expect(addressCells.Nth(row)).Not.ToHaveTextAsync(raw[row]);
        var cleansed = await addressCells.Nth(row).InnerTextAsync();
        Assert.DoesNotMatch("^浙江省", cleansed);
        TestContext.Current.TestOutputHelper?.WriteLine($"Row {row + 1} 户籍地址: raw {raw[row]} → cleansed {cleansed}");
        await BrowserApp.ScreenshotAsync(page, "cleansing-9-records-cleansed");

        await BrowserSteps.AssertNoErrorsAsync(page, errors);
    }

    /// <summary>A screenshot of the window scrolled to <paramref name="target"/> (the full page is too tall to read).</summary>
    private static async Task ViewAsync(IPage page, ILocator target, string name)
    {
        await target.ScrollIntoViewIfNeededAsync();
        var path = Path.Combine(BrowserApp.ScreenshotDirectory, $"{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        TestContext.Current.TestOutputHelper?.WriteLine($"Screenshot: {path}");
    }

    private sealed record Count(string Item, string Rule, int Changed);

    private static async Task<List<Count>> CountsAsync(ILocator table)
    {
        var rows = await table.Locator("tbody tr").EvaluateAllAsync<string[][]>(
            "rows => rows.map(r => [...r.querySelectorAll('td')].map(td => td.innerText.trim()))");
        return rows.Select(r => new Count(r[0], r[1], int.Parse(r[2]))).ToList();
    }
}
