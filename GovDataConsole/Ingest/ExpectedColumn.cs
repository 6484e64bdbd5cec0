namespace GovDataConsole.Ingest;

/// <summary>A column a batch should have: an info item's code and Chinese name.</summary>
public sealed record ExpectedColumn(string Code, string Name, bool Required = false);
