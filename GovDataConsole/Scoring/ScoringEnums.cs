namespace GovDataConsole.Scoring;

// Stored as their names; Chinese labels come from resources (EnumLabels).

public enum ScorePeriodType { Month, Quarter }

/// <summary>The weighted indicators first, then the two point adjustments (recurrence penalty, manual items).</summary>
public enum ScoreIndicator
{
    DataQuality, CollectionTimeliness, CollectionCompleteness, RectificationTimeliness, RectificationCompletion, Recurrence, Manual,
}

/// <summary>优秀 / 良好 / 合格 / 不合格.</summary>
public enum ScoreGrade { Excellent, Good, Pass, Fail }

/// <summary>草稿 (recomputable) or 已发布 (frozen).</summary>
public enum ScoreSheetStatus { Draft, Published }
