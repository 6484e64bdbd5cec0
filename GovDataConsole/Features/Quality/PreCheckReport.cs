using GovDataConsole.Features.Cleansing;
using GovDataConsole.Quality;

namespace GovDataConsole.Features.Quality;

/// <summary>
/// What a pre-check found in a file, nothing of which is stored: the rows read, rejected by the schema and dropped as
/// duplicates, what cleansing changed, each rule's outcome, the scores, and the first <see cref="PreCheckService.MaxListed"/>
/// row errors and problems. Passed when every rule passes its threshold.
/// </summary>
public sealed record PreCheckReport(
    string ResourceCode, string ResourceName, string DepartmentName, string FileName, DateTime CheckedUtc, string CheckedBy,
    int CleansingVersion, int RuleSetVersion, int RowsRead, int RowsAccepted, int RowsRejected, int Duplicates, long RowsChecked,
    IReadOnlyList<RuleCount> Cleansing, IReadOnlyList<PreCheckRule> Rules, decimal? Score, IReadOnlyDictionary<QualityDimension, decimal> DimensionScores,
    long RowErrorCount, IReadOnlyList<PreCheckRowError> RowErrors, long ProblemCount, IReadOnlyList<PreCheckProblem> Problems)
{
    public bool Passed => Rules.All(r => r.Passed);
}

/// <summary>One rule's outcome on the file (as a check run stores it in <see cref="CheckRunRule"/>).</summary>
public sealed record PreCheckRule(
    string Key, string Name, RuleTemplate Template, QualityDimension Dimension, RuleSeverity Severity, decimal Weight, decimal Threshold,
    long Checked, long Failed, decimal FailureRate, bool Passed)
{
    public static PreCheckRule Of(RuleOutcome o) => new(o.Rule.Key, o.Rule.DisplayName, o.Rule.Template, o.Rule.Dimension, o.Rule.Severity,
        o.Rule.Weight, o.Rule.Threshold, o.Checked, o.Failed, o.FailureRate, o.Passed);
}

/// <summary>A value the schema check refused: the row is not imported (as the batch import's row errors).</summary>
public sealed record PreCheckRowError(int RowNumber, string Column, string ItemCode, string ItemName, string Value, string Message);

/// <summary>A failing rule on a row of the file (row null: a batch-level rule), with the cleansed value it saw.</summary>
public sealed record PreCheckProblem(
    int? RowNumber, string RuleKey, string RuleName, QualityDimension Dimension, RuleSeverity Severity, string? ItemCode, string? ItemName,
    string? Value, string Message);

