namespace GovDataConsole.Excel;

/// <summary>Caps applied to an uploaded workbook before any parsing.</summary>
public sealed record WorkbookLimits
{
    public const long Megabyte = 1024 * 1024;

    /// <summary>Largest accepted upload (the zip file itself).</summary>
    public long MaxUploadBytes { get; init; } = 20 * Megabyte;

    /// <summary>Largest accepted sum of all decompressed parts.</summary>
    public long MaxTotalUncompressedBytes { get; init; } = 200 * Megabyte;

    /// <summary>Largest accepted decompressed:compressed ratio of one part.</summary>
    public int MaxCompressionRatio { get; init; } = 200;

    /// <summary>Parts smaller than this are exempt from the ratio check (tiny repetitive XML compresses very well).</summary>
    public long RatioCheckThresholdBytes { get; init; } = 1 * Megabyte;

    /// <summary>Largest accepted number of zip entries.</summary>
    public int MaxEntryCount { get; init; } = 10_000;
}
