namespace GovDataConsole.Data;

/// <summary>Reads the national-standard tables embedded from Data/Reference (plain comma-separated, no quoting).</summary>
public static class ReferenceData
{
    public static IReadOnlyList<string[]> Rows(string fileName)
    {
        using var stream = typeof(ReferenceData).Assembly.GetManifestResourceStream($"GovDataConsole.Data.Reference.{fileName}")
            ?? throw new InvalidOperationException($"Reference file {fileName} is not embedded.");
        using var reader = new StreamReader(stream);
        var rows = new List<string[]>();
        reader.ReadLine(); // header
        while (reader.ReadLine() is { } line)
            if (line.Length > 0) rows.Add(line.Split(','));
        return rows;
    }
}
