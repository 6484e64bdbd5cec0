namespace GovDataConsole.Features.Collection;

// Stored as their names; Chinese labels come from resources (EnumLabels).

public enum CollectionTaskStatus { Pending, Submitted, SubmittedLate, Missing }

public enum BatchStatus { Queued, Parsing, Imported, Failed }

public enum BatchFormat { Xlsx, Csv }
