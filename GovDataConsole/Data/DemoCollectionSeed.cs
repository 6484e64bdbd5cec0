using System.Text;
using System.Text.Json;
using GovDataConsole.Features.Collection;
using GovDataConsole.Features.Shared;
using GovDataConsole.Ingest;
using GovDataConsole.Standards.Synthetic;
using Microsoft.EntityFrameworkCore;

namespace GovDataConsole.Data;

/// <summary>
/// Demo collection history: tasks since the demo resources were published, most handed in on time, some late, some missing,
/// each handed-in task backed by a real synthetic CSV (with deliberate defects) imported through the real import job.
/// </summary>
public sealed class DemoCollectionSeed(IDbContextFactory<AppDbContext> dbFactory, CollectionTaskJob tasks, BatchImportJob import, FileStore files)
{
    private const int RowsPerBatch = 120;

    private static readonly Dictionary<DefectKind, double> PersonDefects = new()
    {
        [DefectKind.WrongCheckCharacter] = 0.03, [DefectKind.BlankRequired] = 0.02, [DefectKind.FullWidthDigits] = 0.02,
        [DefectKind.NonIsoDate] = 0.04, [DefectKind.DuplicateKey] = 0.01, [DefectKind.DecoratedPhone] = 0.03, [DefectKind.LegacyId] = 0.02,
    };

    private static readonly Dictionary<DefectKind, double> CompanyDefects = new()
    {
        [DefectKind.WrongCheckCharacter] = 0.03, [DefectKind.BlankRequired] = 0.02, [DefectKind.FullWidthDigits] = 0.02,
        [DefectKind.NonIsoDate] = 0.04, [DefectKind.DuplicateKey] = 0.01,
    };

    /// <summary>Item code → generator column, per demo resource.</summary>
    private static readonly Dictionary<string, Func<int, DateOnly, IEnumerable<string[]>>> Generators = new()
    {
        ["330100GAJ/00001"] = (seed, today) => new PersonGenerator(seed,
            [PersonColumn.ResidentId, PersonColumn.Name, PersonColumn.Gender, PersonColumn.Ethnicity, PersonColumn.BirthDate, PersonColumn.Address, PersonColumn.Mobile],
            PersonDefects, today).Generate(RowsPerBatch, new DefectReport()),
        ["330100SCJ/00001"] = (seed, today) => new CompanyGenerator(seed,
            [CompanyColumn.CreditCode, CompanyColumn.Name, CompanyColumn.LegalRepresentative, CompanyColumn.RegisteredCapital, CompanyColumn.FoundedOn, CompanyColumn.DivisionCode, CompanyColumn.Address],
            CompanyDefects, today).Generate(RowsPerBatch, new DefectReport()),
        ["330100RSJ/00001"] = (seed, today) => new PersonGenerator(seed,
            [PersonColumn.ResidentId, PersonColumn.Name, PersonColumn.Mobile, PersonColumn.BirthDate],
            PersonDefects.Where(d => d.Key != DefectKind.GenderMismatch).ToDictionary(), today).Generate(RowsPerBatch, new DefectReport()),
    };

    public async Task SeedAsync(CancellationToken ct)
    {
        var today = ChinaTime.Today;
        await tasks.RunAsync(today, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var due = await db.CollectionTasks.Include(t => t.DataResource).ThenInclude(r => r!.Items)
            .Where(t => t.PeriodEnd < today).OrderBy(t => t.PeriodStart).ToListAsync(ct);
        // Each department's batches are handed in by its own staff account where the demo has one.
        var uploaders = (await db.Users.Where(u => u.DepartmentId != null).Select(u => new { u.DepartmentId, u.UserName }).ToListAsync(ct))
            .GroupBy(u => u.DepartmentId!.Value).ToDictionary(g => g.Key, g => g.OrderBy(u => u.UserName).First().UserName ?? "system");
        var n = 0;
        foreach (var task in due)
        {
            var resource = task.DataResource!;
            if (!Generators.TryGetValue(resource.Code, out var generate)) continue;
            // Roughly: five of seven on time, one late, one missing — different per department.
            var outcome = (n++ + resource.DepartmentId) % 7;
            if (outcome == 6) continue;
            var uploadedLocal = (outcome == 5 ? task.DueDate.AddDays(3) : task.DueDate.AddDays(-1)).ToDateTime(new TimeOnly(10, 0));
            var uploadedUtc = TimeZoneInfo.ConvertTimeToUtc(uploadedLocal, ChinaTime.Zone);
            var codes = resource.Items.OrderBy(i => i.SortOrder).Select(i => i.Code).ToList();
            var csv = Csv(codes, generate(task.Id, task.PeriodEnd));
            var stored = await files.SaveAsync(new MemoryStream(csv), "batches", ".csv", long.MaxValue, ct);
            var mapping = new ColumnMapping(null, 1, codes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i));
            var batch = new DataBatch(resource, task.Id, task.PeriodKey, $"{resource.Name}_{task.PeriodKey}.csv", stored.RelativePath, stored.Sha256,
                stored.Size, BatchFormat.Csv, JsonSerializer.Serialize(mapping), uploaders.GetValueOrDefault(resource.DepartmentId, "system"), uploadedUtc);
            db.DataBatches.Add(batch);
            await db.SaveChangesAsync(ct);
            await import.RunAsync(batch.Id, ct);
        }
    }

    private static byte[] Csv(IReadOnlyList<string> header, IEnumerable<string[]> rows)
    {
        var text = new StringBuilder();
        text.AppendLine(string.Join(',', header));
        foreach (var row in rows) text.AppendLine(string.Join(',', row.Select(Quote)));
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string Quote(string value) => value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : $"\"{value.Replace("\"", "\"\"")}\"";
}
