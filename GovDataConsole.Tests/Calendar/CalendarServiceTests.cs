using GovDataConsole.Calendar;
using GovDataConsole.Data;
using GovDataConsole.Features.Audit;
using GovDataConsole.Features.Calendar;
using GovDataConsole.Features.Shared;
using GovDataConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GovDataConsole.Tests.Calendar;

/// <summary>CalendarService on the demo app: the 2026 seed, hand edits, workbook import/export, refusals and audit.</summary>
public sealed class CalendarServiceTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<List<(DateOnly Date, DayKind Kind, string Name)>> YearAsync(int year)
    {
        await using var db = ActAs.Db(app.Services);
        var days = await db.CalendarDays.Where(d => d.Year == year).OrderBy(d => d.Date).Select(d => new { d.Date, d.Kind, d.Name }).ToListAsync(Ct);
        return days.Select(d => (d.Date, d.Kind, d.Name)).ToList();
    }

    private async Task<List<AuditEntry>> AuditAsync(string action, string target)
    {
        await using var db = ActAs.Db(app.Services);
        return await db.AuditEntries.Where(e => e.Category == AuditActions.CalendarCategory && e.Action == action && e.Target == target)
            .OrderBy(e => e.Id).ToListAsync(Ct);
    }

    private async Task<CalendarImportSummary> ImportAsync(int year, byte[] workbook, string fileName = "calendar.xlsx")
    {
        await using var scope = await ActAs.UserAsync(app.Services, "admin");
        return await scope.ServiceProvider.GetRequiredService<CalendarService>().ImportAsync(year, fileName, workbook, Ct);
    }

    [Fact]
    public async Task The_2026_schedule_is_seeded_at_start()
    {
        var days = await YearAsync(2026);
        Assert.Equal(39, days.Count);
        Assert.Equal(33, days.Count(d => d.Kind == DayKind.Holiday));
        Assert.Contains((new DateOnly(2026, 2, 14), DayKind.Workday, "春节调休上班"), days);
        Assert.Contains((new DateOnly(2026, 10, 1), DayKind.Holiday, "国庆节"), days);
    }

    [Fact]
    public async Task A_deployment_without_the_demo_is_seeded_too_and_seeding_again_adds_nothing()
    {
        await using var factory = new ProvisionedAppFactory(TempFolder.Create("calendar"));
        _ = factory.Services; // starts the host, which initializes the database
        await using (var scope = factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(Ct);

        await using var db = ActAs.Db(factory.Services);
        Assert.False(await db.Departments.AnyAsync(Ct));
        Assert.Equal(39, await db.CalendarDays.CountAsync(d => d.Year == 2026, Ct));
    }

    [Fact]
    public async Task Jobs_load_a_working_calendar_without_a_signed_in_user()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var calendar = await scope.ServiceProvider.GetRequiredService<CalendarService>()
            .LoadAsync(new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 30), Ct);

        Assert.Equal(new DateOnly(2026, 10, 10), calendar.AddWorkingDays(new DateOnly(2026, 9, 30), 3));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 9, 20)));
    }

    [Fact]
    public async Task Admin_adds_edits_and_deletes_a_day_and_each_change_is_audited_and_loaded()
    {
        var date = new DateOnly(2031, 1, 1);
        await using var scope = await ActAs.UserAsync(app.Services, "admin");
        var service = scope.ServiceProvider.GetRequiredService<CalendarService>();

        var id = await service.AddAsync(new CalendarDayForm { Date = date, Kind = DayKind.Holiday, Name = " 元旦 " }, Ct);
        Assert.Equal([(date, DayKind.Holiday, "元旦")], await YearAsync(2031));
        var calendar = await service.LoadAsync(date, date, Ct);
        Assert.False(calendar.IsWorkingDay(date)); // a Wednesday made a holiday
        Assert.Equal(new DateOnly(2031, 1, 2), calendar.NextWorkingDay(new DateOnly(2030, 12, 31)));

        await service.UpdateAsync(id, new CalendarDayForm { Date = date, Kind = DayKind.Holiday, Name = "元旦节" }, Ct);
        Assert.Equal([(date, DayKind.Holiday, "元旦节")], await YearAsync(2031));

        await service.DeleteAsync(id, Ct);
        Assert.Empty(await YearAsync(2031));
        Assert.True((await service.LoadAsync(date, date, Ct)).IsWorkingDay(date));

        var added = Assert.Single(await AuditAsync(AuditActions.CalendarDayAdded, "2031-01-01"));
        Assert.Equal("admin", added.UserName);
        Assert.Equal("2031-01-01 节假日 元旦", added.Detail);
        Assert.Equal("2031-01-01 节假日 元旦 → 2031-01-01 节假日 元旦节", Assert.Single(await AuditAsync(AuditActions.CalendarDayUpdated, "2031-01-01")).Detail);
        Assert.Equal("2031-01-01 节假日 元旦节", Assert.Single(await AuditAsync(AuditActions.CalendarDayDeleted, "2031-01-01")).Detail);
    }

    [Fact]
    public async Task Hand_entries_are_checked_and_refused_in_Chinese()
    {
        await using var scope = await ActAs.UserAsync(app.Services, "admin");
        var service = scope.ServiceProvider.GetRequiredService<CalendarService>();

        var weekday = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            service.AddAsync(new CalendarDayForm { Date = new DateOnly(2032, 3, 3), Kind = DayKind.Workday, Name = "" }, Ct));
        Assert.Equal(["2032-03-03 是周一至周五，本来就上班，调休上班只能设在周六或周日", "名称不能为空"], weekday.Errors);

        var taken = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            service.AddAsync(new CalendarDayForm { Date = new DateOnly(2026, 10, 1), Kind = DayKind.Holiday, Name = "国庆节" }, Ct));
        Assert.Equal(["2026-10-01 已有设置，请编辑原有记录"], taken.Errors);

        var missing = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            service.AddAsync(new CalendarDayForm { Kind = DayKind.Holiday, Name = "春节" }, Ct));
        Assert.Equal(["日期不能为空"], missing.Errors);

        Assert.Empty(await YearAsync(2032));
        Assert.Equal(39, (await YearAsync(2026)).Count);
    }

    [Fact]
    public async Task Uploading_a_workbook_adds_a_year_and_a_second_upload_replaces_it()
    {
        var first = await ImportAsync(2027, CalendarWorkbooks.Build(
            ["2027-01-01", "节假日", "元旦"],
            [new DateTime(2027, 2, 6), "调休上班", "春节调休上班"], // a real date cell
            ["2027/2/10", "节假日", "春节"]));
        Assert.Equal(new CalendarImportSummary(3, 0, 0, 0), first);
        Assert.Equal(
            [(new DateOnly(2027, 1, 1), DayKind.Holiday, "元旦"), (new DateOnly(2027, 2, 6), DayKind.Workday, "春节调休上班"),
             (new DateOnly(2027, 2, 10), DayKind.Holiday, "春节")],
            await YearAsync(2027));

        var second = await ImportAsync(2027, CalendarWorkbooks.Build(
            ["2027-01-01", "节假日", "元旦"],
            ["2027-02-10", "节假日", "春节假期"],
            ["2027-02-11", "节假日", "春节"]), "2027年工作日历.xlsx");
        Assert.Equal(new CalendarImportSummary(1, 1, 1, 1), second);
        Assert.Equal(
            [(new DateOnly(2027, 1, 1), DayKind.Holiday, "元旦"), (new DateOnly(2027, 2, 10), DayKind.Holiday, "春节假期"),
             (new DateOnly(2027, 2, 11), DayKind.Holiday, "春节")],
            await YearAsync(2027));

        var audits = await AuditAsync(AuditActions.CalendarImported, "2027");
        Assert.Equal(2, audits.Count);
        Assert.Equal("文件 2027年工作日历.xlsx：新增 1 天，修改 1 天，删除 1 天，未变 1 天。"
            + "~2027-02-10 节假日 春节假期；+2027-02-11 节假日 春节；-2027-02-06 调休上班 春节调休上班", audits[1].Detail);
    }

    [Fact]
    public async Task A_workbook_with_bad_rows_changes_nothing_and_names_every_bad_row_in_Chinese()
    {
        await ImportAsync(2028, CalendarWorkbooks.Build(["2028-01-01", "节假日", "元旦"]));
        var before = await YearAsync(2028);

        var refused = await Assert.ThrowsAsync<BusinessRuleException>(() => ImportAsync(2028, CalendarWorkbooks.Build(
            ["2028-01-01", "节假日", "元旦"],
            ["2028-02-30", "节假日", "春节"],
            ["2028-01-29", "放假", "春节"],
            ["2028/01/01", "节假日", "元旦"],
            ["2027-12-31", "节假日", "元旦"],
            ["2028-03-01", "调休上班", ""],
            ["", "节假日", "清明节"])));

        Assert.Equal(
        [
            "第 3 行：日期“2028-02-30”格式不正确，应写作 2026-01-01 这样的日期",
            "第 4 行：类型“放假”不正确，只能填写“节假日”或“调休上班”",
            "第 5 行：日期 2028-01-01 与第 2 行重复",
            "第 6 行：日期 2027-12-31 不属于 2028 年",
            "第 7 行：2028-03-01 是周一至周五，本来就上班，调休上班只能设在周六或周日",
            "第 7 行：名称不能为空",
            "第 8 行：日期不能为空",
        ], refused.Errors);
        Assert.Equal(before, await YearAsync(2028));
        Assert.DoesNotContain(await YearAsync(2027), d => d.Date == new DateOnly(2027, 12, 31));
        Assert.Single(await AuditAsync(AuditActions.CalendarImported, "2028"));
    }

    [Theory]
    [InlineData("calendar.csv", "只接受 .xlsx 格式的工作日历工作簿，请使用下载的工作簿作为模板")]
    [InlineData("calendar.xlsx", "该文件不是 Excel 工作簿（.xlsx），请确认文件类型后重新上传。")]
    public async Task Files_that_are_not_workbooks_are_refused(string fileName, string message)
    {
        var refused = await Assert.ThrowsAsync<BusinessRuleException>(() => ImportAsync(2029, "date,kind,name\n"u8.ToArray(), fileName));
        Assert.Equal([message], refused.Errors);
        Assert.Empty(await YearAsync(2029));
    }

    [Fact]
    public async Task An_empty_workbook_or_one_without_the_calendar_sheet_is_refused()
    {
        var empty = await Assert.ThrowsAsync<BusinessRuleException>(() => ImportAsync(2029, CalendarWorkbooks.Build()));
        Assert.Equal(["工作簿中没有任何日期行，未导入"], empty.Errors);

        using var other = new ClosedXML.Excel.XLWorkbook();
        other.Worksheets.Add("Sheet1").Cell(1, 1).Value = "2029-01-01";
        using var stream = new MemoryStream();
        other.SaveAs(stream);
        var noSheet = await Assert.ThrowsAsync<BusinessRuleException>(() => ImportAsync(2029, stream.ToArray()));
        Assert.Equal(["工作簿中没有“工作日历”工作表，请使用下载的工作簿作为模板"], noSheet.Errors);
        Assert.Empty(await YearAsync(2029));
    }

    [Fact]
    public async Task The_downloaded_year_is_the_upload_template_and_uploads_back_unchanged()
    {
        await using var scope = await ActAs.UserAsync(app.Services, "admin");
        var service = scope.ServiceProvider.GetRequiredService<CalendarService>();

        var file = await service.ExportAsync(2026, Ct);
        Assert.Equal("工作日历_2026.xlsx", file.FileName);
        var rows = CalendarWorkbooks.Rows(file.Content);
        Assert.Equal(39, rows.Count);
        Assert.Equal(["2026-01-01", "节假日", "元旦"], rows[0]);
        Assert.Equal(["2026-10-10", "调休上班", "国庆节调休上班"], rows[^1]);

        Assert.Equal(new CalendarImportSummary(0, 0, 0, 39), await service.ImportAsync(2026, file.FileName, file.Content, Ct));
        Assert.Equal(39, (await YearAsync(2026)).Count);

        Assert.Empty(CalendarWorkbooks.Rows((await service.ExportAsync(2035, Ct)).Content)); // the empty template
    }

    [Theory]
    [InlineData("steward")]
    [InlineData("gongan")]
    [InlineData("manager")]
    public async Task Only_admins_maintain_the_calendar(string userName)
    {
        var seeded = await YearAsync(2026);
        await using (var admin = await ActAs.UserAsync(app.Services, "admin"))
            Assert.NotEmpty(await admin.ServiceProvider.GetRequiredService<CalendarService>().YearsAsync(Ct));
        int id;
        await using (var db = ActAs.Db(app.Services))
            id = await db.CalendarDays.Where(d => d.Date == new DateOnly(2026, 10, 1)).Select(d => d.Id).SingleAsync(Ct);
        await using var scope = await ActAs.UserAsync(app.Services, userName);
        var service = scope.ServiceProvider.GetRequiredService<CalendarService>();
        var form = new CalendarDayForm { Date = new DateOnly(2026, 10, 8), Kind = DayKind.Holiday, Name = "国庆节" };

        await Assert.ThrowsAsync<AccessDeniedException>(() => service.AddAsync(form, Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.UpdateAsync(id, form, Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.DeleteAsync(id, Ct));
        var upload = await Assert.ThrowsAsync<AccessDeniedException>(() =>
            service.ImportAsync(2026, "c.xlsx", CalendarWorkbooks.Build(["2026-10-08", "节假日", "国庆节"]), Ct));
        Assert.Equal("当前角色无权执行此操作", upload.Message);
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.ExportAsync(2026, Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.ListYearAsync(2026, Ct));

        Assert.Equal(seeded, await YearAsync(2026));
    }
}
