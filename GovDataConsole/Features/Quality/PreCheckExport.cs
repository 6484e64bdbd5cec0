using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using GovDataConsole.Cleansing;
using GovDataConsole.Excel;
using GovDataConsole.Features.Catalog.Inventory;
using GovDataConsole.Features.Shared;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Features.Quality;

/// <summary>A pre-check report as a file: a workbook (summary, rule outcomes, problems, row errors, cleansing) or JSON.</summary>
public static class PreCheckExport
{
    /// <summary>Indented, enums by name, Chinese as is; read a report back with the same options.</summary>
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public static WorkbookFile Json(PreCheckReport report) =>
        new(FileName(report, ".json"), JsonSerializer.SerializeToUtf8Bytes(report, JsonOptions));

    public static WorkbookFile Workbook(PreCheckReport report)
    {
        using var output = new MemoryStream();
        using (var workbook = StreamingWorkbookWriter.Create(output))
        {
            workbook.BeginSheet(T.PreCheck_SummarySheet, [T.PreCheck_Item, T.PreCheck_Content], [20, 60]);
            foreach (var (label, value) in Summary(report)) workbook.WriteRow([label, value]);

            string[] rules = [T.PreCheck_Rule, T.PreCheck_Dimension, T.PreCheck_Severity, T.PreCheck_Weight, T.PreCheck_Threshold, T.PreCheck_Checked,
                T.PreCheck_FailedCount, T.PreCheck_FailureRate, T.PreCheck_Result];
            workbook.BeginSheet(T.PreCheck_RulesSheet, rules, [36, 10, 10, 8, 10, 10, 10, 10, 10]);
            foreach (var r in report.Rules)
                workbook.WriteRow([r.Name, EnumLabels.Of(r.Dimension), EnumLabels.Of(r.Severity), Number(r.Weight), Number(r.Threshold), r.Checked.ToString(CultureInfo.InvariantCulture),
                    r.Failed.ToString(CultureInfo.InvariantCulture), Number(r.FailureRate), r.Passed ? T.PreCheck_RulePassed : T.PreCheck_RuleFailed]);

            string[] problems = [T.Batch_RowNumber, T.PreCheck_Rule, T.PreCheck_Dimension, T.PreCheck_Severity, T.Catalog_ItemName, T.Excel_ErrorSummary_Value, T.Excel_ErrorSummary_Message];
            workbook.BeginSheet(T.PreCheck_ProblemsSheet, problems, [8, 30, 10, 10, 16, 24, 50]);
            foreach (var p in report.Problems)
                workbook.WriteRow([p.RowNumber?.ToString(CultureInfo.InvariantCulture), p.RuleName, EnumLabels.Of(p.Dimension), EnumLabels.Of(p.Severity), p.ItemName, p.Value, p.Message]);

            string[] errors = [T.Batch_RowNumber, T.Excel_ErrorSummary_Column, T.Catalog_ItemName, T.Excel_ErrorSummary_Value, T.Excel_ErrorSummary_Message];
            workbook.BeginSheet(T.Batch_RowErrors, errors, [8, 6, 16, 24, 40]);
            foreach (var e in report.RowErrors) workbook.WriteRow([e.RowNumber.ToString(CultureInfo.InvariantCulture), e.Column, e.ItemName, e.Value, e.Message]);

            workbook.BeginSheet(T.Cleansing_Result, [T.Catalog_ItemName, T.Cleansing_Rule, T.Cleansing_Changed], [20, 24, 12]);
            foreach (var c in report.Cleansing)
                workbook.WriteRow([c.ItemName, $"{c.Position + 1}. {CleanserCatalog.NameOf(c.Kind)}", c.Changed.ToString(CultureInfo.InvariantCulture)]);
        }
        return new WorkbookFile(FileName(report, ".xlsx"), output.ToArray());
    }

    /// <summary>The summary lines shown on the workbook's first sheet.</summary>
    public static IReadOnlyList<(string Label, string Value)> Summary(PreCheckReport report) =>
    [
        (T.PreCheck_Resource, $"{report.ResourceCode} {report.ResourceName}"),
        (T.Catalog_Department, report.DepartmentName),
        (T.Batch_FileName, report.FileName),
        (T.PreCheck_CheckedAt, $"{ChinaTime.Format(report.CheckedUtc)} {report.CheckedBy}"),
        (T.PreCheck_Versions, string.Format(T.PreCheck_VersionsValue, report.CleansingVersion, report.RuleSetVersion)),
        (T.PreCheck_Conclusion, report.Passed ? T.PreCheck_Passed : string.Format(T.PreCheck_FailedRules, report.Rules.Count(r => !r.Passed))),
        (T.PreCheck_Score, report.Score is { } score ? Number(score) : "—"),
        .. report.DimensionScores.Select(d => (EnumLabels.Of(d.Key), Number(d.Value))),
        (T.Batch_Read, report.RowsRead.ToString(CultureInfo.InvariantCulture)),
        (T.Batch_Accepted, report.RowsAccepted.ToString(CultureInfo.InvariantCulture)),
        (T.Batch_Rejected, report.RowsRejected.ToString(CultureInfo.InvariantCulture)),
        (T.PreCheck_Duplicates, report.Duplicates.ToString(CultureInfo.InvariantCulture)),
        (T.PreCheck_RowsChecked, report.RowsChecked.ToString(CultureInfo.InvariantCulture)),
        (T.PreCheck_Problems, Listed(report.ProblemCount, report.Problems.Count)),
        (T.Batch_RowErrors, Listed(report.RowErrorCount, report.RowErrors.Count)),
    ];

    private static string Listed(long total, int listed) =>
        listed < total ? string.Format(T.PreCheck_ListedOf, total, listed) : total.ToString(CultureInfo.InvariantCulture);

    private static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string FileName(PreCheckReport report, string extension) =>
        $"{T.PreCheck_FilePrefix}_{report.ResourceCode.Replace('/', '-')}_{ChinaTime.FromUtc(report.CheckedUtc):yyyyMMddHHmm}{extension}";
}
