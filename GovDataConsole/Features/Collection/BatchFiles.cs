using GovDataConsole.Ingest;

namespace GovDataConsole.Features.Collection;

/// <summary>Opens a stored batch file as a streaming row source of its format.</summary>
public static class BatchFiles
{
    public static IRowSource Open(Stream file, BatchFormat format) =>
        format == BatchFormat.Xlsx ? XlsxRowSource.Open(file) : CsvRowSource.Open(file);

    public static BatchFormat? FormatOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".xlsx" => BatchFormat.Xlsx,
        ".csv" or ".txt" => BatchFormat.Csv,
        _ => null,
    };
}
