using System.Text.RegularExpressions;
using GovDataConsole.Features.Catalog;
using GovDataConsole.Standards;
using GovDataConsole.Tests.Infrastructure;
using GovDataConsole.Tests.Rectification;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GovDataConsole.Tests.EndToEnd;

/// <summary>
/// Issue 7 in two real browser sessions: problems of a check run become a draft order; the steward dispatches it, the
/// department user (公安 staff) signs for it and submits, the steward sends it back with a reason, the department submits
/// the corrected workbook after a comment, which fixes every row and takes the order to 待复核 by itself (a second, stale
/// tab of theirs is told the order changed and shows its new state), the steward approves, and both sessions see every
/// step on the timeline.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RectificationJourneyTests(BrowserApp app)
{
    private const string RejectReason = "户籍地址仍为空，请补全后再提交";
    private const string Comment = "已在户籍系统补全地址，请再次复核";

    [Fact]
    public async Task A_steward_and_a_department_user_take_an_order_from_dispatch_through_rework_to_closed()
    {
        await using var stewardSession = await app.NewSessionAsync();
        await using var gonganSession = await app.NewSessionAsync();
        var problems = await RectificationKit.ProblemsAsync(app.Services, jobServer: true);
        var orderId = await RectificationKit.OrderAsync(app.Services, problems.Select(p => p.Id).ToList());
        var path = $"/rectification/orders/{orderId}";
        var steward = stewardSession.Page;
        var gongan = gonganSession.Page;
        var stewardErrors = BrowserSteps.CollectErrors(steward);
        var gonganErrors = BrowserSteps.CollectErrors(gongan);

        // 1. The steward finds the draft in the list (待派发 is theirs only) and dispatches it.
        await BrowserSteps.OpenAsAsync(steward, "steward", "/rectification/orders");
        await Expect(steward.Locator("h1")).ToHaveTextAsync("整改工单");
        var stewardRow = OrderRow(steward, orderId);
        await Expect(stewardRow.Locator("[data-status]")).ToHaveTextAsync("待派发");
        await Expect(steward.GetByTestId("status-Draft")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(steward, "rectification-1-list-steward");
        await stewardRow.Locator("a").ClickAsync();
        await Expect(steward).ToHaveURLAsync(new Regex(Regex.Escape(path) + "$"));
        await ExpectStatusAsync(steward, "待派发");
        var number = (await steward.GetByTestId("order-number").InnerTextAsync()).Trim();
        Assert.Matches(@"^ZG-\d{4}-\d{6}$", number);
        await ExpectActionsAsync(steward, "Dispatch");
        await ActAsync(steward, "Dispatch", "派发");
        await ExpectStatusAsync(steward, "待签收");
        await ExpectActionsAsync(steward);
        await Expect(steward.GetByTestId("order-due")).ToHaveTextAsync(new Regex(@"^\d{4}-\d{2}-\d{2}$"));
        await BrowserApp.ScreenshotAsync(steward, "rectification-2-detail-steward-dispatched");

        // 2. The department user sees it in their list (no drafts tab for them), signs for it, sees the rows unmasked, submits.
        await BrowserSteps.OpenAsAsync(gongan, "gongan", "/rectification/orders");
        var gonganRow = OrderRow(gongan, orderId);
        await Expect(gonganRow.Locator("[data-status]")).ToHaveTextAsync("待签收");
        await Expect(gongan.GetByTestId("status-Draft")).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(gongan, "rectification-3-list-gongan");
        await gonganRow.Locator("a").ClickAsync();
        await Expect(gongan).ToHaveURLAsync(new Regex(Regex.Escape(path) + "$"));
        await ExpectActionsAsync(gongan, "Sign", "Dispute", "RequestExtension");
        await ActAsync(gongan, "Sign", "签收");
        await ExpectStatusAsync(gongan, "整改中");
        await ExpectActionsAsync(gongan, "Submit", "Dispute", "RequestExtension");
        await gongan.GetByRole(AriaRole.Tab, new() { Name = $"问题数据（{problems.Count}）" }).ClickAsync();
        var rawId = problems.First(p => p.RuleKey == RectificationKit.IdRule).Value!;
        var idValue = rawId.Trim();
        await Expect(ValueCells(gongan)).ToHaveCountAsync(problems.Count);
        Assert.Contains(await ValueCells(gongan).AllInnerTextsAsync(), v => v.Trim() == idValue);
        await BrowserApp.ScreenshotAsync(gongan, "rectification-4-detail-gongan-items");
        await gongan.GetByRole(AriaRole.Tab, new() { Name = "处理记录" }).ClickAsync();
        await ActAsync(gongan, "Submit", "提交复核");
        await ExpectStatusAsync(gongan, "待复核");
        await ExpectActionsAsync(gongan);

        // 3. The steward (page still showing 待签收) reloads, sees 待复核, and sends it back with a reason.
        await ReloadAsync(steward, path);
        await ExpectStatusAsync(steward, "待复核");
        await ExpectActionsAsync(steward, "Approve", "Reject");
        await steward.GetByRole(AriaRole.Tab, new() { Name = $"问题数据（{problems.Count}）" }).ClickAsync();
        await Expect(ValueCells(steward)).ToHaveCountAsync(problems.Count);
        var masked = await ValueCells(steward).AllInnerTextsAsync();
        Assert.DoesNotContain(masked, v => v.Contains(idValue));
        Assert.Contains(masked, v => v.Trim() == Masking.Mask(SensitivityKind.ResidentId, rawId).Trim());
        await steward.GetByRole(AriaRole.Tab, new() { Name = "处理记录" }).ClickAsync();
        await steward.GetByTestId("action-Reject").ClickAsync();
        var dialog = steward.Locator(".mud-dialog");
        await Expect(dialog.Locator(".mud-dialog-title")).ToHaveTextAsync("复核不通过");
        await dialog.GetByTestId("action-confirm").ClickAsync();
        await Expect(dialog).ToContainTextAsync("请填写说明或理由");
        await dialog.GetByLabel("理由").FillAsync(RejectReason);
        await BrowserApp.ScreenshotAsync(steward, "rectification-4b-reject-dialog");
        await dialog.GetByTestId("action-confirm").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await ExpectStatusAsync(steward, "整改中");

        // 4. The department submits again from one tab; a second tab still showing 整改中 is told the order changed.
        await ReloadAsync(gongan, path);
        await ExpectStatusAsync(gongan, "整改中");
        await gongan.GetByLabel("评论", new() { Exact = true }).FillAsync(Comment);
        await gongan.GetByTestId("comment-send").ClickAsync();
        await Expect(gongan.GetByTestId("timeline").Locator("[data-kind=Comment]")).ToContainTextAsync(Comment);
        var staleTab = await gonganSession.Context.NewPageAsync();
        var staleErrors = BrowserSteps.CollectErrors(staleTab);
        await staleTab.GotoAsync(path);
        await BrowserSteps.WaitForInteractiveAsync(staleTab);
        await ExpectStatusAsync(staleTab, "整改中");
        // The fix itself: download the open rows, correct the address and ID in the workbook, upload it; nothing is left
        // open, so the order goes to 待复核 by itself.
        await gongan.GetByRole(AriaRole.Tab, new() { Name = "整改数据（下载 / 上传）" }).ClickAsync();
        var (_, workbook) = await BrowserSteps.DownloadAsync(gongan, gongan.GetByTestId("correction-download"));
        var corrected = CorrectionKit.Edit(workbook, (sheet, _) =>
        {
            var (id, address) = (CorrectionKit.Column(sheet, "SFZH"), CorrectionKit.Column(sheet, "HJDZ"));
            foreach (var row in sheet.RowsUsed().Where(r => r.RowNumber() > 2))
            {
                var first17 = $"33010219800105{row.RowNumber():D3}";
                row.Cell(id).Value = first17 + ResidentId.CheckCharacter(first17);
                row.Cell(address).Value = "杭州市上城区解放路 1 号";
            }
        });
        await BrowserSteps.ChooseFileAsync(gongan.GetByTestId("correction-panel"), "整改数据.xlsx", corrected);
        await Expect(gongan.GetByTestId("correction-result")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(gongan, "rectification-4c-correction-uploaded");
        await ExpectStatusAsync(gongan, "待复核");
        await staleTab.GetByTestId("action-Submit").ClickAsync();
        await Expect(staleTab.Locator(".mud-snackbar").Filter(new() { HasText = "工单已被他人更新，请查看最新状态后再操作" })).ToBeVisibleAsync();
        await ExpectStatusAsync(staleTab, "待复核");
        await ExpectActionsAsync(staleTab);
        await BrowserApp.ScreenshotAsync(staleTab, "rectification-5-stale-tab-told-order-changed");

        // 5. The steward approves; the order is closed.
        await ReloadAsync(steward, path);
        await ActAsync(steward, "Approve", "复核通过");
        await ExpectStatusAsync(steward, "已办结");
        await ExpectActionsAsync(steward);

        // 6. Both sessions see every step, who took it, and the reason given.
        await ReloadAsync(gongan, path);
        await ExpectStatusAsync(gongan, "已办结");
        string[] steps = ["Created", "Dispatch", "Sign", "Submit", "Reject", "Comment", "CorrectionUploaded", "Submit", "Approve"];
        foreach (var page in new[] { steward, gongan })
        {
            var entries = page.GetByTestId("timeline").Locator("[data-kind]");
            await Expect(entries).ToHaveCountAsync(steps.Length);
            Assert.Equal(steps, await entries.EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.kind)"));
            await Expect(entries.Nth(4)).ToContainTextAsync(RejectReason);
            await Expect(entries.Nth(4)).ToContainTextAsync("待复核 → 整改中");
            await Expect(entries.Nth(2)).ToContainTextAsync("gongan");
            await Expect(entries.Nth(5)).ToContainTextAsync(Comment);
            await Expect(entries.Nth(6)).ToContainTextAsync("gongan");
            await Expect(entries.Nth(8)).ToContainTextAsync("steward");
        }
        await BrowserApp.ScreenshotAsync(steward, "rectification-6-detail-steward-closed");
        await BrowserApp.ScreenshotAsync(gongan, "rectification-7-detail-gongan-closed");
        await ReloadAsync(gongan, "/rectification/orders");
        await Expect(OrderRow(gongan, orderId).Locator("[data-status]")).ToHaveTextAsync("已办结");

        await BrowserSteps.AssertNoErrorsAsync(steward, stewardErrors);
        await BrowserSteps.AssertNoErrorsAsync(gongan, gonganErrors);
        await BrowserSteps.AssertNoErrorsAsync(staleTab, staleErrors);
    }

    private static ILocator OrderRow(IPage page, int orderId) =>
        page.GetByTestId("orders").Locator("tbody tr").Filter(new() { Has = page.Locator($"a[href='rectification/orders/{orderId}']") });

    /// <summary>The 问题值 column of the problem rows.</summary>
    private static ILocator ValueCells(IPage page) => page.GetByTestId("items").Locator("tbody tr td:nth-child(5)");

    private static Task ExpectStatusAsync(IPage page, string label) => Expect(page.Locator(".page-header [data-status]")).ToHaveTextAsync(label);

    /// <summary>The action buttons are exactly these, in this order.</summary>
    private static async Task ExpectActionsAsync(IPage page, params string[] actions)
    {
        var buttons = page.GetByTestId("order-actions").Locator("button");
        await Expect(buttons).ToHaveCountAsync(actions.Length);
        if (actions.Length > 0) Assert.Equal(actions.Select(a => $"action-{a}"), await buttons.EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.testid)"));
    }

    private static async Task ActAsync(IPage page, string action, string label)
    {
        await page.GetByTestId($"action-{action}").ClickAsync();
        await Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = $"已{label}" }).Last).ToBeVisibleAsync();
    }

    private static async Task ReloadAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await BrowserSteps.WaitForInteractiveAsync(page);
    }
}
