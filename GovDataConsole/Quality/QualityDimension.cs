namespace GovDataConsole.Quality;

/// <summary>The data-quality dimensions of GB/T 36344-2018 (完整性 / 规范性 / 准确性 / 一致性 / 时效性 / 唯一性).</summary>
public enum QualityDimension { Completeness, Conformity, Accuracy, Consistency, Timeliness, Uniqueness }

/// <summary>How serious a rule's failures are (严重 / 一般 / 提示); orders and triage sort by it.</summary>
public enum RuleSeverity { Critical, Major, Minor }
