namespace GovDataConsole.Cleansing;

/// <summary>A row removed as a duplicate, and the row kept for its business key.</summary>
public readonly record struct DroppedRow(long RowNumber, long KeptRow);
