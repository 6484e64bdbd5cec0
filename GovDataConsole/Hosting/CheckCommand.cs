using GovDataConsole.Data;
using GovDataConsole.Excel;
using GovDataConsole.Features.Organization;
using GovDataConsole.Features.Quality;
using GovDataConsole.Features.Shared;
using Microsoft.EntityFrameworkCore;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Hosting;

/// <summary>
/// <c>check --resource CODE --file PATH [--out report.xlsx|report.json]</c>: the pre-check without a browser, on the app's
/// configured database, as a system user with full scope. Exit 0 when every rule passes its threshold, 1 when not, 2 on bad input.
/// </summary>
public static class CheckCommand
{
    public const string Verb = "check";

    private static readonly UserContext System = new("system", "system", T.Cli_CheckUser, Roles.Admin, null, null);

    /// <summary><paramref name="args"/> are the words after <c>check</c>.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var (options, configuration) = ConsoleCommands.ParseOptions(args);
        if (!options.TryGetValue("resource", out var code) || !options.TryGetValue("file", out var file)) return Refuse(T.Cli_CheckUsage);
        var output = options.GetValueOrDefault("out");
        if (output is not null && Path.GetExtension(output).ToLowerInvariant() is not (".xlsx" or ".json")) return Refuse(string.Format(T.Cli_CheckBadOut, output));
        if (!File.Exists(file)) return Refuse(string.Format(T.Cli_CheckFileMissing, file));

        await using var app = ConsoleHost.Build([.. configuration, "--Database:SeedDemo=false", "--Jobs:Server=false", "--Logging:LogLevel:Default=Warning"]);
        await app.InitializeDatabaseAsync();
        await using var scope = app.Services.CreateAsyncScope();
        int? resourceId;
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
            resourceId = await db.DataResources.Where(r => r.Code == code).Select(r => (int?)r.Id).FirstOrDefaultAsync();
        if (resourceId is not int id) return Refuse(string.Format(T.Cli_CheckUnknownResource, code));

        PreCheckReport report;
        try
        {
            await using var content = File.OpenRead(file);
            report = await scope.ServiceProvider.GetRequiredService<PreCheckService>().RunAsync(System, id, Path.GetFileName(file), content, null, CancellationToken.None);
        }
        catch (Exception ex) when (ex is BusinessRuleException or IOException or UnauthorizedAccessException)
        {
            return Refuse(ex.Message);
        }

        Print(report);
        if (output is not null)
        {
            var written = output.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? PreCheckExport.Json(report) : PreCheckExport.Workbook(report);
            await File.WriteAllBytesAsync(output, written.Content);
            Console.WriteLine(string.Format(T.Cli_CheckWritten, Path.GetFullPath(output)));
        }
        return report.Passed ? 0 : 1;
    }

    private static int Refuse(string message)
    {
        Console.Error.WriteLine(message);
        return 2;
    }

    private static void Print(PreCheckReport report)
    {
        Console.WriteLine(string.Format(T.Cli_CheckHeader, report.ResourceCode, report.ResourceName, report.FileName));
        Console.WriteLine(string.Format(T.Cli_CheckRows, report.RowsRead, report.RowsAccepted, report.RowsRejected, report.Duplicates, report.RowsChecked, report.ProblemCount));
        List<string[]> rows =
        [
            [T.PreCheck_Rule, T.PreCheck_Dimension, T.PreCheck_Checked, T.PreCheck_FailedCount, T.PreCheck_FailureRate, T.PreCheck_Threshold, T.PreCheck_Result],
            .. report.Rules.Select(r => new[]
            {
                r.Name, EnumLabels.Of(r.Dimension), r.Checked.ToString(), r.Failed.ToString(), r.FailureRate.ToString("0.##"), r.Threshold.ToString("0.##"),
                r.Passed ? T.PreCheck_RulePassed : T.PreCheck_RuleFailed,
            }),
        ];
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => ColumnWidths.Measure(r[c]))).ToArray();
        foreach (var row in rows)
            Console.WriteLine(string.Join("  ", row.Select((cell, c) => cell + new string(' ', widths[c] - ColumnWidths.Measure(cell)))).TrimEnd());
        var verdict = report.Passed ? T.PreCheck_Passed : string.Format(T.PreCheck_FailedRules, report.Rules.Count(r => !r.Passed));
        Console.WriteLine(string.Format(T.Cli_CheckVerdict, report.Score?.ToString("0.##") ?? "—", verdict));
    }
}
