namespace GovDataConsole.Features.Quality;

// Stored as their names; Chinese labels come from resources (EnumLabels).

/// <summary>What started a check run.</summary>
public enum CheckTrigger { AfterCleansing, Scheduled, Manual }

/// <summary>排队中 → 检查中 → 汇总中 → 已完成, or 失败 / 已取消.</summary>
public enum CheckRunStatus { Queued, Running, Aggregating, Completed, Failed, Cancelled }

/// <summary>A problem's triage state: 待处理, 例外 (excluded from later runs), 已移交整改.</summary>
public enum ProblemStatus { Open, Exception, HandedOver }

/// <summary>Whether a check run opens rectification work orders by itself: never, for 严重 problems, for all.</summary>
public enum AutoOrderMode { Off, CriticalOnly, All }
