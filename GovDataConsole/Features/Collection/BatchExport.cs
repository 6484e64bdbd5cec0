using System.Text.Json;
using GovDataConsole.Cleansing;
using GovDataConsole.Data;
using GovDataConsole.Excel;
using GovDataConsole.Features.Catalog.Inventory;
using Microsoft.EntityFrameworkCore;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Features.Collection;

/// <summary>
/// A batch as a workbook: every record with raw and cleansed values side by side and its de-duplication mark, the per-rule
/// cleansing counts, and the row errors. Written streaming; masked like the page; every export is audited.
/// </summary>
public sealed class BatchExport(IDbContextFactory<AppDbContext> dbFactory, BatchService batches)
{
    public async Task<WorkbookFile> BuildAsync(int batchId, bool reveal, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (batch, items) = await batches.ExportSourceAsync(db, batchId, reveal, ct);
        var cleansed = batch.Status == BatchStatus.Cleansed;
        using var output = new MemoryStream();
        using (var workbook = StreamingWorkbookWriter.Create(output))
        {
            var header = new List<string> { T.Batch_RowNumber, T.Cleansing_Dropped };
            foreach (var item in items)
            {
                header.Add(item.Name);
                if (cleansed) header.Add(string.Format(T.Batch_CleansedColumn, item.Name));
            }
            workbook.BeginSheet(T.Batch_Records, header, header.Select(h => Math.Max(12, ColumnWidths.Fit([h]))).ToList());
            var row = new string?[header.Count];
            await foreach (var record in db.BatchRecords.AsNoTracking().Where(r => r.BatchId == batchId).OrderBy(r => r.RowNumber)
                .Select(r => new { r.RowNumber, r.ValuesJson, r.CleansedJson, r.DuplicateOfRow }).AsAsyncEnumerable().WithCancellation(ct))
            {
                var raw = JsonSerializer.Deserialize<string[]>(record.ValuesJson) ?? [];
                var clean = record.CleansedJson is null ? raw : JsonSerializer.Deserialize<string[]>(record.CleansedJson) ?? raw;
                row[0] = record.RowNumber.ToString();
                row[1] = record.DuplicateOfRow is int kept ? string.Format(T.Cleansing_DuplicateOf, kept) : null;
                var c = 2;
                for (var i = 0; i < items.Count; i++)
                {
                    row[c++] = BatchService.Display(i < raw.Length ? raw[i] : "", items[i].Sensitivity, reveal);
                    if (cleansed) row[c++] = BatchService.Display(i < clean.Length ? clean[i] : "", items[i].Sensitivity, reveal);
                }
                workbook.WriteRow(row);
            }

            string[] countHeader = [T.Catalog_ItemName, T.Cleansing_Rule, T.Cleansing_Changed];
            workbook.BeginSheet(T.Cleansing_Result, countHeader, [20, 24, 12]);
            var names = items.ToDictionary(i => i.Code, i => i.Name);
            foreach (var count in await db.BatchCleansingCounts.AsNoTracking().Where(x => x.BatchId == batchId).OrderBy(x => x.Id).ToListAsync(ct))
                workbook.WriteRow([names.GetValueOrDefault(count.ItemCode) ?? count.ItemCode,
                    $"{count.Position + 1}. {CleanserCatalog.NameOf(Enum.Parse<CleanserKind>(count.Kind))}", count.Changed.ToString()]);

            string[] errorHeader = [T.Batch_RowNumber, T.Catalog_ItemName, T.Excel_ErrorSummary_Value, T.Excel_ErrorSummary_Message];
            workbook.BeginSheet(T.Batch_RowErrors, errorHeader, [8, 20, 30, 40]);
            await foreach (var error in db.BatchRowErrors.AsNoTracking().Where(e => e.BatchId == batchId).OrderBy(e => e.RowNumber).ThenBy(e => e.Id)
                .AsAsyncEnumerable().WithCancellation(ct))
                workbook.WriteRow([error.RowNumber.ToString(), names.GetValueOrDefault(error.ItemCode) ?? error.ItemCode,
                    BatchService.Display(error.Value ?? "", items.FirstOrDefault(i => i.Code == error.ItemCode).Sensitivity, reveal), error.Message]);
        }
        return new WorkbookFile(string.Format(T.Batch_ExportFileName, batch.Id, Path.GetFileNameWithoutExtension(batch.FileName)), output.ToArray());
    }
}
