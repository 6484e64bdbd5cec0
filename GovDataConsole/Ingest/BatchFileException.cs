namespace GovDataConsole.Ingest;

/// <summary>A batch file that cannot be read; <see cref="Exception.Message"/> is the Chinese text for the user.</summary>
public sealed class BatchFileException(BatchFileProblem problem, string message) : Exception(message)
{
    public BatchFileProblem Problem { get; } = problem;
}
