namespace GovDataConsole.Ingest;

/// <summary>The data rows of a batch file under a <see cref="ColumnMapping"/>, streaming.</summary>
public static class MappedRows
{
    /// <summary>
    /// Rows after the mapping's header row, with cells reordered to <paramref name="codes"/> ("" for an unmapped item or a
    /// missing cell). Rows that are empty in every mapped column (e.g. notes in ignored columns) are skipped.
    /// </summary>
    public static IEnumerable<SourceRow> Read(IRowSource source, ColumnMapping mapping, IReadOnlyList<string> codes)
    {
        var indexes = new int[codes.Count];
        for (var i = 0; i < codes.Count; i++)
        {
            if (!mapping.Columns.TryGetValue(codes[i], out var column)) column = -1;
            else if (column < 0) throw new ArgumentException($"Column of '{codes[i]}' is negative.", nameof(mapping));
            indexes[i] = column;
        }
        return Project(source.ReadRows(mapping.Sheet), mapping.HeaderRow, indexes);
    }

    private static IEnumerable<SourceRow> Project(IEnumerable<SourceRow> rows, int headerRow, int[] indexes)
    {
        foreach (var row in rows)
        {
            if (row.Number <= headerRow) continue;
            var cells = new string[indexes.Length];
            string?[]? raw = null;
            var empty = true;
            for (var i = 0; i < indexes.Length; i++)
            {
                var column = indexes[i];
                var cell = row.CellAt(column);
                cells[i] = cell;
                empty &= cell.Length == 0;
                if (row.Raw is { } source && column >= 0 && column < source.Length && source[column] is { } stored)
                    (raw ??= new string?[indexes.Length])[i] = stored;
            }
            if (!empty) yield return new SourceRow(row.Number, cells, raw);
        }
    }
}
