using ClosedXML.Excel;
using GovDataConsole.Features.Scoring;
using GovDataConsole.Features.Shared;
using GovDataConsole.Scoring;
using GovDataConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static GovDataConsole.Tests.Scoring.ScoringKit;

namespace GovDataConsole.Tests.Scoring;

/// <summary>Drafts, publishing, versions after publishing, who sees what, the model's versions, manual item caps and the reports.</summary>
public sealed class ScoreSheetLifecycleTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    [Fact]
    public async Task Recomputing_a_draft_replaces_it_publishing_freezes_it_and_recomputing_then_makes_version_2()
    {
        var s = app.Services;
        var department = await DepartmentAsync(s);
        var resource = await ResourceAsync(s, department, "版本测试资源");
        await RunAsync(s, resource, 50, 100, At(2025, 5, 6), At(2025, 5, 6, 11));

        // v1 draft: quality 50 → 15 points, the other weighted indicators full: 85.
        var v1 = await ComputeAsync(s, "2025-05");
        Assert.Equal(85m, await TotalAsync(v1, department));
        await RunAsync(s, resource, 90, 300, At(2025, 5, 20), At(2025, 5, 20, 11));
        Assert.Equal(v1, await ComputeAsync(s, "2025-05")); // replaced in place: (50×100 + 90×300) ÷ 400 = 80 → 24 points
        Assert.Equal(94m, await TotalAsync(v1, department));
        Assert.Single(await SheetsAsync("manager", "2025-05"));

        await Assert.ThrowsAsync<AccessDeniedException>(() => AsAsync<ScoreService>(s, "steward", x => x.PublishAsync(v1, Ct)));
        await AsAsync<ScoreService>(s, "admin", x => x.PublishAsync(v1, Ct));
        var again = await Assert.ThrowsAsync<BusinessRuleException>(() => AsAsync<ScoreService>(s, "admin", x => x.PublishAsync(v1, Ct)));
        Assert.Equal("该版本已发布，不能再次发布", again.Message);

        // Published: a recomputation needs a reason and makes v2; v1 stays as it was.
        await RunAsync(s, resource, 10, 600, At(2025, 5, 28), At(2025, 5, 28, 11));
        var noReason = await Assert.ThrowsAsync<BusinessRuleException>(() => ComputeAsync(s, "2025-05"));
        Assert.Equal("该周期已发布，重新计算须填写原因", noReason.Message);
        await Assert.ThrowsAsync<BusinessRuleException>(() => AsAsync<ScoreService>(s, "steward", x => x.RequestComputeAsync("2025-05", " ", Ct)));
        var v2 = await ComputeAsync(s, "2025-05", "补录 5 月 28 日核查结果");
        Assert.NotEqual(v1, v2);
        Assert.Equal(94m, await TotalAsync(v1, department));
        Assert.Equal(81.4m, await TotalAsync(v2, department)); // (5000 + 27000 + 6000) ÷ 1000 = 38 → 11.4 points
        var sheets = await SheetsAsync("manager", "2025-05");
        Assert.Equal([(2, ScoreSheetStatus.Draft, false, "补录 5 月 28 日核查结果"), (1, ScoreSheetStatus.Published, false, null)],
            sheets.Select(x => (x.Version, x.Status, x.Superseded, x.Reason)));

        // Only the newest version can be published; once v2 is, v1 is listed as superseded.
        await Assert.ThrowsAsync<BusinessRuleException>(() => AsAsync<ScoreService>(s, "admin", x => x.PublishAsync(v1, Ct)));
        await AsAsync<ScoreService>(s, "admin", x => x.PublishAsync(v2, Ct));
        Assert.Equal([(2, false), (1, true)], (await SheetsAsync("manager", "2025-05")).Select(x => (x.Version, x.Superseded)));
        Assert.Equal(94m, await TotalAsync(v1, department));
    }

    [Fact]
    public async Task Department_staff_see_their_own_draft_score_but_the_ranking_only_once_published()
    {
        var s = app.Services;
        int gongan, shichang;
        await using (var db = ActAs.Db(s))
        {
            gongan = await db.Departments.Where(d => d.Code == "330100GAJ").Select(d => d.Id).SingleAsync(Ct);
            shichang = await db.Departments.Where(d => d.Code == "330100SCJ").Select(d => d.Id).SingleAsync(Ct);
        }
        var sheetId = await ComputeAsync(s, "2025-06");

        var denied = await Assert.ThrowsAsync<AccessDeniedException>(() => AsAsync<ScoreService, Ranking>(s, "gongan", x => x.RankingAsync(sheetId, Ct)));
        Assert.Equal("考核结果发布后才能查看部门排名", denied.Message);
        var own = await AsAsync<ScoreService, Breakdown>(s, "gongan", x => x.BreakdownAsync(sheetId, gongan, Ct));
        Assert.Equal((gongan, (int?)null), (own.DepartmentId, own.Rank)); // no rank from a draft
        await Assert.ThrowsAsync<AccessDeniedException>(() => AsAsync<ScoreService, Breakdown>(s, "gongan", x => x.BreakdownAsync(sheetId, shichang, Ct)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => AsAsync<ScoreService, Comparison>(s, "gongan", x => x.CompareAsync(shichang, "2025-06", "2025-05", Ct)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => AsAsync<ScoreReport, Features.Catalog.Inventory.WorkbookFile>(s, "gongan", x => x.RankingAsync(sheetId, Ct)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => AsAsync<ScoreService>(s, "gongan", x => x.RequestComputeAsync("2025-06", null, Ct)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => AsAsync<ScoreService>(s, "manager", x => x.RequestComputeAsync("2025-06", null, Ct)));
        Assert.True((await AsAsync<ScoreService, Ranking>(s, "manager", x => x.RankingAsync(sheetId, Ct))).Rows.Count >= 3);
        Assert.NotNull((await AsAsync<ScoreService, Breakdown>(s, "steward", x => x.BreakdownAsync(sheetId, shichang, Ct))).Rank);

        await AsAsync<ScoreService>(s, "admin", x => x.PublishAsync(sheetId, Ct));
        var ranking = await AsAsync<ScoreService, Ranking>(s, "gongan", x => x.RankingAsync(sheetId, Ct));
        Assert.Contains(ranking.Rows, r => r.DepartmentId == shichang);
        Assert.NotNull((await AsAsync<ScoreService, Breakdown>(s, "gongan", x => x.BreakdownAsync(sheetId, gongan, Ct))).Rank);
        await Assert.ThrowsAsync<AccessDeniedException>(() => AsAsync<ScoreService, Breakdown>(s, "gongan", x => x.BreakdownAsync(sheetId, shichang, Ct)));
    }

    [Fact]
    public async Task Model_versions_are_saved_by_admins_only_with_weights_summing_to_100()
    {
        var s = app.Services;
        var before = await AsAsync<ScoringModelService, IReadOnlyList<ModelRow>>(s, "manager", x => x.HistoryAsync(ScorePeriodType.Quarter, Ct));
        var bad = new ScoringParameters { QualityWeight = 40 };
        var refused = await Assert.ThrowsAsync<BusinessRuleException>(() => AsAsync<ScoringModelService, int>(s, "admin", x => x.SaveAsync(ScorePeriodType.Quarter, bad, null, Ct)));
        Assert.Equal(["各指标权重之和须为 100，当前为 110"], refused.Errors);
        var good = new ScoringParameters { QualityWeight = 40, RectificationCompletionWeight = 10, ManualCap = 5, BoardSize = 2 };
        await Assert.ThrowsAsync<AccessDeniedException>(() => AsAsync<ScoringModelService, int>(s, "steward", x => x.SaveAsync(ScorePeriodType.Quarter, good, null, Ct)));
        var version = await AsAsync<ScoringModelService, int>(s, "admin", x => x.SaveAsync(ScorePeriodType.Quarter, good, "提高质量权重", Ct));

        var history = await AsAsync<ScoringModelService, IReadOnlyList<ModelRow>>(s, "manager", x => x.HistoryAsync(ScorePeriodType.Quarter, Ct));
        Assert.Equal(before[0].Version + 1, version);
        Assert.Equal((version, 40m, 10m, 5m, "提高质量权重"), (history[0].Version, history[0].Parameters.QualityWeight,
            history[0].Parameters.RectificationCompletionWeight, history[0].Parameters.ManualCap, history[0].Note));
        Assert.Equal(30m, history[1].Parameters.QualityWeight);
        Assert.Equal(30m, (await AsAsync<ScoringModelService, IReadOnlyList<ModelRow>>(s, "admin", x => x.HistoryAsync(ScorePeriodType.Month, Ct)))[0].Parameters.QualityWeight);
    }

    [Fact]
    public async Task Manual_items_need_a_reason_and_stay_within_the_cap_per_department_and_period()
    {
        var s = app.Services;
        var department = await DepartmentAsync(s);
        Task<int> AddAsync(decimal points, string reason = "专项工作", string user = "steward", Stream? evidence = null) =>
            AsAsync<ScoreAdjustmentService, int>(s, user, a => a.AddAsync(
                new AdjustmentForm { DepartmentId = department, PeriodKey = "2025-07", Points = points, Reason = reason }, evidence, evidence is null ? null : "表彰文件.pdf", Ct));

        var first = await AddAsync(6, evidence: new MemoryStream([1, 2, 3]));
        await AddAsync(4, user: "admin");
        var bonus = await Assert.ThrowsAsync<BusinessRuleException>(() => AddAsync(0.5m));
        Assert.Equal("加分超出上限：每个部门每期加分最多 10 分，本期已加 10 分", bonus.Message);
        await AddAsync(-10);
        var deduction = await Assert.ThrowsAsync<BusinessRuleException>(() => AddAsync(-1));
        Assert.Equal("扣分超出上限：每个部门每期扣分最多 10 分，本期已扣 10 分", deduction.Message);
        Assert.Equal("请填写加扣分事由", (await Assert.ThrowsAsync<BusinessRuleException>(() => AddAsync(-1, "  "))).Message);
        Assert.Equal("分值不能为 0（正数为加分，负数为扣分）", (await Assert.ThrowsAsync<BusinessRuleException>(() => AddAsync(0))).Message);
        await Assert.ThrowsAsync<AccessDeniedException>(() => AddAsync(1, user: "gongan"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => AddAsync(1, user: "manager"));
        // Another period has its own cap.
        Assert.True(await AsAsync<ScoreAdjustmentService, int>(s, "steward", a => a.AddAsync(
            new AdjustmentForm { DepartmentId = department, PeriodKey = "2025-08", Points = 10, Reason = "另一周期" }, null, null, Ct)) > first);

        Assert.Equal([6m, 4m, -10m], (await AsAsync<ScoreAdjustmentService, IReadOnlyList<AdjustmentRow>>(s, "steward", a => a.ListAsync("2025-07", Ct)))
            .Where(a => a.DepartmentId == department).Select(a => a.Points));
        Assert.DoesNotContain(await AsAsync<ScoreAdjustmentService, IReadOnlyList<AdjustmentRow>>(s, "gongan", a => a.ListAsync("2025-07", Ct)), a => a.DepartmentId == department);
        var (name, content) = await AsAsync<ScoreAdjustmentService, (string, byte[])>(s, "manager", a => a.EvidenceAsync(first, Ct));
        Assert.Equal("表彰文件.pdf", name);
        Assert.Equal([1, 2, 3], content);
        await Assert.ThrowsAsync<NotFoundException>(() => AsAsync<ScoreAdjustmentService, (string, byte[])>(s, "gongan", a => a.EvidenceAsync(first, Ct)));
    }

    [Fact]
    public async Task Ranking_and_breakdown_reports_read_back_with_title_period_versions_rows_and_signature_lines()
    {
        var s = app.Services;
        var department = await DepartmentAsync(s);
        var resource = await ResourceAsync(s, department, "报表测试资源");
        var run = await RunAsync(s, resource, 40, 100, At(2025, 9, 3), At(2025, 9, 3, 11));
        var sheetId = await ComputeAsync(s, "2025-09");
        await AsAsync<ScoreService>(s, "admin", x => x.PublishAsync(sheetId, Ct));
        var ranking = await AsAsync<ScoreService, Ranking>(s, "manager", x => x.RankingAsync(sheetId, Ct));

        var file = await AsAsync<ScoreReport, Features.Catalog.Inventory.WorkbookFile>(s, "manager", x => x.RankingAsync(sheetId, Ct));
        Assert.Equal("考核排名_2025-09_v1.xlsx", file.FileName);
        using (var workbook = new XLWorkbook(new MemoryStream(file.Content)))
        {
            var sheet = workbook.Worksheet("考核排名");
            Assert.Equal("2025-09 部门数据治理考核排名", sheet.Cell(1, 1).GetString());
            Assert.StartsWith("考核周期：2025-09　版本：v1（已发布）　评分模型：v1　生成时间：", sheet.Cell(2, 1).GetString());
            Assert.Equal(["排名", "所属部门", "总分", "等级", "较上期（2025-08）"], Enumerable.Range(1, 5).Select(c => sheet.Cell(4, c).GetString()));
            var rows = Enumerable.Range(5, ranking.Rows.Count).Select(r => (sheet.Cell(r, 1).GetString(), sheet.Cell(r, 2).GetString(), sheet.Cell(r, 3).GetString(), sheet.Cell(r, 4).GetString()));
            Assert.Equal(ranking.Rows.Select(r => (r.Rank.ToString(), r.DepartmentName, IndicatorTexts.Number(r.Total), EnumLabels.Of(r.Grade))), rows);
            var texts = sheet.CellsUsed().Select(c => c.GetString()).ToList();
            Assert.Contains("红榜", texts);
            Assert.Contains("黑榜", texts);
            Assert.Contains("制表人：__________", texts);
            Assert.Contains("审核人：__________", texts);
        }

        var detail = await AsAsync<ScoreReport, Features.Catalog.Inventory.WorkbookFile>(s, "manager", x => x.BreakdownAsync(sheetId, department, Ct));
        using (var workbook = new XLWorkbook(new MemoryStream(detail.Content)))
        {
            var sheet = workbook.Worksheet("得分明细");
            Assert.Contains("考核得分明细", sheet.Cell(1, 1).GetString());
            Assert.Equal(("数据质量得分", "30", "40", "+12", "核查 1 次，共 100 行"),
                (sheet.Cell(5, 1).GetString(), sheet.Cell(5, 3).GetString(), sheet.Cell(5, 4).GetString(), sheet.Cell(5, 5).GetString(), sheet.Cell(5, 6).GetString()));
            Assert.Equal(("总分", "82"), (sheet.Cell(12, 1).GetString(), sheet.Cell(12, 5).GetString())); // 12 + 15 + 15 + 20 + 20
            Assert.Contains("日期：__________", sheet.CellsUsed().Select(c => c.GetString()));
            var runRow = workbook.Worksheet("依据数据").Row(2);
            Assert.Equal(("数据质量得分", "报表测试资源", $"#{run}"), (runRow.Cell(1).GetString(), runRow.Cell(2).GetString(), runRow.Cell(3).GetString()));
        }
    }

    private async Task<IReadOnlyList<SheetRow>> SheetsAsync(string user, string periodKey) =>
        await AsAsync<ScoreService, IReadOnlyList<SheetRow>>(app.Services, user, x => x.SheetsAsync(periodKey, Ct));

    private async Task<decimal> TotalAsync(int sheetId, int departmentId)
    {
        await using var db = ActAs.Db(app.Services);
        return await db.DepartmentScores.Where(x => x.SheetId == sheetId && x.DepartmentId == departmentId).Select(x => x.Total).SingleAsync(Ct);
    }
}
