using GovDataConsole.Calendar;
using GovDataConsole.Data;
using GovDataConsole.Excel;
using GovDataConsole.Features.Audit;
using GovDataConsole.Features.Catalog.Inventory;
using GovDataConsole.Features.Organization;
using GovDataConsole.Features.Shared;
using Microsoft.EntityFrameworkCore;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Features.Calendar;

/// <summary>
/// The holiday calendar (工作日历): builds <see cref="WorkingCalendar"/>s for anyone (jobs included) and lets admins
/// maintain the days by hand or a year at a time by workbook. Nothing is cached: every call reads the database.
/// </summary>
public sealed class CalendarService(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, WorkbookGuard guard)
{
    /// <summary>
    /// A calendar that is right for every date from <paramref name="from"/> through the end of the year after
    /// <paramref name="to"/>, so that counting working days past <paramref name="to"/> into January stays right.
    /// </summary>
    public async Task<WorkingCalendar> LoadAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        int first = Math.Min(from.Year, to.Year), last = Math.Max(from.Year, to.Year) + 1;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var days = await db.CalendarDays.AsNoTracking().Where(d => d.Year >= first && d.Year <= last)
            .Select(d => new { d.Date, d.Kind }).ToListAsync(ct);
        return new WorkingCalendar(days.Select(d => new DayOverride(d.Date, d.Kind)));
    }

    /// <summary>Years that have at least one day set.</summary>
    public async Task<IReadOnlyList<int>> YearsAsync(CancellationToken ct)
    {
        await EnsureAdminAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.CalendarDays.AsNoTracking().Select(d => d.Year).Distinct().OrderBy(y => y).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<CalendarDayRow>> ListYearAsync(int year, CancellationToken ct)
    {
        await EnsureAdminAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.CalendarDays.AsNoTracking().Where(d => d.Year == year).OrderBy(d => d.Date)
            .Select(d => new CalendarDayRow(d.Id, d.Date, d.Kind, d.Name)).ToListAsync(ct);
    }

    public async Task<int> AddAsync(CalendarDayForm form, CancellationToken ct)
    {
        await EnsureAdminAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entry = await ValidateAsync(db, form, null, ct);
        var day = new CalendarDay(entry);
        db.CalendarDays.Add(day);
        await audit.StageAsync(db, AuditActions.CalendarCategory, AuditActions.CalendarDayAdded, CalendarRules.Format(entry.Date), Describe(entry));
        await db.SaveChangesAsync(ct);
        return day.Id;
    }

    public async Task UpdateAsync(int id, CalendarDayForm form, CancellationToken ct)
    {
        await EnsureAdminAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var day = await db.CalendarDays.FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw new NotFoundException(T.Calendar_NotFound);
        var entry = await ValidateAsync(db, form, id, ct);
        var before = Describe(day.ToEntry());
        day.Change(entry);
        await audit.StageAsync(db, AuditActions.CalendarCategory, AuditActions.CalendarDayUpdated, CalendarRules.Format(entry.Date),
            $"{before} → {Describe(entry)}");
        await db.SaveChangesAsync(ct);
    }

    public async Task DeleteAsync(int id, CancellationToken ct)
    {
        await EnsureAdminAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var day = await db.CalendarDays.FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw new NotFoundException(T.Calendar_NotFound);
        db.CalendarDays.Remove(day);
        await audit.StageAsync(db, AuditActions.CalendarCategory, AuditActions.CalendarDayDeleted, CalendarRules.Format(day.Date), Describe(day.ToEntry()));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Replaces the days of <paramref name="year"/> with those of the workbook, all or nothing: any bad row (date, kind,
    /// name, duplicate, other year) refuses the whole file with every row's error.
    /// </summary>
    public async Task<CalendarImportSummary> ImportAsync(int year, string fileName, byte[] content, CancellationToken ct)
    {
        await EnsureAdminAsync();
        if (!CalendarRules.IsYearInRange(year)) throw new BusinessRuleException(CalendarRules.YearOutOfRange);
        if (!string.Equals(Path.GetExtension(fileName), ".xlsx", StringComparison.OrdinalIgnoreCase)) throw new BusinessRuleException(T.Calendar_XlsxOnly);
        var check = guard.Check(new MemoryStream(content, writable: false));
        if (!check.IsAccepted) throw new BusinessRuleException(check.Message);

        IReadOnlyList<CalendarEntry> days;
        using (var reader = SheetReader.Open(new MemoryStream(content, writable: false)))
        {
            if (reader.Sheets.All(s => s.Name != T.Calendar_SheetName || !s.IsWorksheet))
                throw new BusinessRuleException(string.Format(T.Calendar_MissingSheet, T.Calendar_SheetName));
            (days, var errors) = CalendarWorkbook.Read(reader, year);
            if (errors.Count > 0) throw new BusinessRuleException(errors);
        }
        if (days.Count == 0) throw new BusinessRuleException(T.Calendar_ImportEmpty);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var existing = await db.CalendarDays.Where(d => d.Year == year).ToDictionaryAsync(d => d.Date, ct);
        var changes = new List<string>();
        int added = 0, updated = 0, unchanged = 0;
        foreach (var entry in days)
        {
            if (!existing.Remove(entry.Date, out var day))
            {
                db.CalendarDays.Add(new CalendarDay(entry));
                changes.Add("+" + Describe(entry));
                added++;
            }
            else if (day.ToEntry() != entry)
            {
                day.Change(entry);
                changes.Add("~" + Describe(entry));
                updated++;
            }
            else unchanged++;
        }
        foreach (var day in existing.Values)
        {
            db.CalendarDays.Remove(day);
            changes.Add("-" + Describe(day.ToEntry()));
        }
        var summary = new CalendarImportSummary(added, updated, existing.Count, unchanged);
        await audit.StageAsync(db, AuditActions.CalendarCategory, AuditActions.CalendarImported, year.ToString(),
            string.Format(T.Calendar_ImportAudit, fileName, added, updated, summary.Removed, unchanged) + string.Join("；", changes));
        await db.SaveChangesAsync(ct);
        return summary;
    }

    /// <summary>The year as a workbook; for a year without days this is the empty upload template.</summary>
    public async Task<WorkbookFile> ExportAsync(int year, CancellationToken ct)
    {
        var rows = await ListYearAsync(year, ct);
        var content = CalendarWorkbook.Build(year, rows.Select(r => new CalendarEntry(r.Date, r.Kind, r.Name)).ToList());
        return new WorkbookFile(string.Format(T.Calendar_FileName, year), content);
    }

    private async Task EnsureAdminAsync() => (await currentUser.GetAsync()).EnsureRole(Roles.Admin);

    private static async Task<CalendarEntry> ValidateAsync(AppDbContext db, CalendarDayForm form, int? id, CancellationToken ct)
    {
        if (form.Date is not { } date) throw new BusinessRuleException([T.Calendar_DateRequired, .. CalendarRules.CheckName(form.Name)]);
        var entry = new CalendarEntry(date, form.Kind, form.Name?.Trim() ?? "");
        var errors = CalendarRules.Check(entry).ToList();
        if (await db.CalendarDays.AnyAsync(d => d.Date == date && d.Id != id, ct))
            errors.Add(string.Format(T.Calendar_DateTaken, CalendarRules.Format(date)));
        if (errors.Count > 0) throw new BusinessRuleException(errors);
        return entry;
    }

    private static string Describe(CalendarEntry entry) => $"{CalendarRules.Format(entry.Date)} {EnumLabels.Of(entry.Kind)} {entry.Name}";
}
