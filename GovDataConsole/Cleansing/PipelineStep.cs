namespace GovDataConsole.Cleansing;

/// <summary>One rule in a pipeline: its item column and zero-based place in that column's list.</summary>
public sealed record PipelineStep(int Column, int Position, CleansingRule Rule);
