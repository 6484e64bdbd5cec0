namespace GovDataConsole.Ingest;

/// <summary>
/// Finds the header of a batch file among its first rows and proposes a <see cref="ColumnMapping"/>: the template's code
/// row when present (then the label row below it is skipped too), else the row matching the most item names.
/// </summary>
public static class HeaderDetector
{
    /// <summary>How many non-empty rows at the top of a sheet are searched for the header.</summary>
    public const int RowsToScan = 20;

    private const double FuzzyThreshold = 0.5;

    /// <summary>
    /// Detects the header of <paramref name="sheet"/>, or, when null, of whichever visible worksheet matches best (the first
    /// one on a tie or when none matches). Reads only the first <see cref="RowsToScan"/> rows of each sheet.
    /// </summary>
    public static HeaderDetection Detect(IRowSource source, IReadOnlyList<ExpectedColumn> columns, string? sheet = null)
    {
        IReadOnlyList<string?> sheets = sheet is not null || source.Sheets.Count == 0 ? [sheet] : [.. source.Sheets];
        HeaderDetection? best = null;
        foreach (var candidate in sheets)
        {
            var detection = Detect(source.ReadRows(candidate).Take(RowsToScan).ToList(), columns, candidate);
            if (best is null || Rank(detection) > Rank(best)) best = detection;
        }
        return best!;
    }

    /// <summary>Detects the header among <paramref name="top"/>, the first rows of one sheet.</summary>
    public static HeaderDetection Detect(IReadOnlyList<SourceRow> top, IReadOnlyList<ExpectedColumn> columns, string? sheet)
    {
        var names = columns.Select(c => HeaderText.Normalize(c.Name)).ToArray();
        var codeRow = FindCodeRow(top, columns);
        if (codeRow >= 0)
        {
            var (assigned, kinds) = Unassigned(columns.Count);
            AssignCodes(top[codeRow], columns, assigned, kinds);
            var headerIndex = codeRow;
            if (codeRow + 1 < top.Count && IsLabelRow(top[codeRow + 1], names, assigned))
            {
                headerIndex = codeRow + 1;
                AssignNames(top[headerIndex], names, assigned, kinds);
            }
            return Result(top[headerIndex], top[codeRow].Number, columns, assigned, kinds, sheet);
        }

        (int Index, double Score, int?[] Assigned, MatchKind[] Kinds)? best = null;
        for (var i = 0; i < top.Count; i++)
        {
            var (assigned, kinds) = Unassigned(columns.Count);
            var score = AssignNames(top[i], names, assigned, kinds);
            if (score > 0 && (best is null || score > best.Value.Score)) best = (i, score, assigned, kinds);
        }
        if (best is { } found) return Result(top[found.Index], null, columns, found.Assigned, found.Kinds, sheet);

        var none = columns.Select(c => new ColumnMatch(c.Code, c.Name, c.Required, null, null, MatchKind.Unmapped)).ToList();
        return new HeaderDetection(new ColumnMapping(sheet, 0, new Dictionary<string, int>()), null, none, []);
    }

    private static (int?[] Assigned, MatchKind[] Kinds) Unassigned(int count)
    {
        var kinds = new MatchKind[count];
        Array.Fill(kinds, MatchKind.Unmapped);
        return (new int?[count], kinds);
    }

    /// <summary>A code row first, then more columns found, then more of them exactly.</summary>
    private static double Rank(HeaderDetection detection) =>
        (detection.CodeRow is null ? 0 : 1_000_000)
        + 1_000 * detection.Matches.Count(m => m.Kind != MatchKind.Unmapped)
        + detection.Matches.Count(m => m.Kind is MatchKind.Code or MatchKind.ExactName);

    /// <summary>The row naming the most item codes, if it names at least half of them.</summary>
    private static int FindCodeRow(IReadOnlyList<SourceRow> top, IReadOnlyList<ExpectedColumn> columns)
    {
        var codes = columns.Select(c => c.Code.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var needed = Math.Max(1, (columns.Count + 1) / 2);
        var (best, bestCount) = (-1, 0);
        for (var i = 0; i < top.Count; i++)
        {
            var count = top[i].Cells.Count(cell => codes.Contains(cell.Trim()));
            if (count >= needed && count > bestCount) (best, bestCount) = (i, count);
        }
        return best;
    }

    private static void AssignCodes(SourceRow row, IReadOnlyList<ExpectedColumn> columns, int?[] assigned, MatchKind[] kinds)
    {
        var byCode = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var c = 0; c < row.Cells.Length; c++) byCode.TryAdd(row.Cells[c].Trim(), c);
        for (var i = 0; i < columns.Count; i++)
        {
            if (byCode.TryGetValue(columns[i].Code.Trim(), out var column)) (assigned[i], kinds[i]) = (column, MatchKind.Code);
        }
    }

    /// <summary>The row under a code row is its label row when a coded column there carries the item's name.</summary>
    private static bool IsLabelRow(SourceRow row, string[] names, int?[] assigned)
    {
        for (var i = 0; i < names.Length; i++)
        {
            if (assigned[i] is not { } column) continue;
            var header = HeaderText.Normalize(row.CellAt(column));
            if (header.Length > 0 && (header == names[i] || HeaderText.Similarity(header, names[i]) > FuzzyThreshold)) return true;
        }
        return false;
    }

    /// <summary>
    /// Maps still-unassigned items to unused cells of <paramref name="row"/>: exact normalised names first, then the most
    /// similar names. Returns the score of the names matched (exact 1, fuzzy 0.5).
    /// </summary>
    private static double AssignNames(SourceRow row, string[] names, int?[] assigned, MatchKind[] kinds)
    {
        var used = assigned.Where(a => a is not null).Select(a => a!.Value).ToHashSet();
        var headers = new List<(int Column, string Text)>();
        for (var c = 0; c < row.Cells.Length; c++)
        {
            if (used.Contains(c) || row.Cells[c].Length > HeaderText.MaxHeaderLength * 2) continue;
            var text = HeaderText.Normalize(row.Cells[c]);
            if (text.Length is > 0 and <= HeaderText.MaxHeaderLength) headers.Add((c, text));
        }

        var score = 0.0;
        for (var i = 0; i < names.Length; i++)
        {
            if (assigned[i] is not null) continue;
            var match = headers.FindIndex(h => h.Text == names[i]);
            if (match < 0) continue;
            (assigned[i], kinds[i]) = (headers[match].Column, MatchKind.ExactName);
            headers.RemoveAt(match);
            score += 1;
        }

        var pairs = new List<(double Similarity, int Item, int Header)>();
        for (var i = 0; i < names.Length; i++)
        {
            if (assigned[i] is not null) continue;
            for (var h = 0; h < headers.Count; h++)
                if (HeaderText.Similarity(headers[h].Text, names[i]) is var similarity and > FuzzyThreshold)
                    pairs.Add((similarity, i, h));
        }
        var taken = new bool[headers.Count];
        foreach (var (_, item, header) in pairs.OrderByDescending(p => p.Similarity))
        {
            if (assigned[item] is not null || taken[header]) continue;
            (assigned[item], kinds[item]) = (headers[header].Column, MatchKind.FuzzyName);
            taken[header] = true;
            score += 0.5;
        }
        return score;
    }

    private static HeaderDetection Result(SourceRow header, int? codeRow, IReadOnlyList<ExpectedColumn> columns, int?[] assigned, MatchKind[] kinds, string? sheet)
    {
        var matches = new List<ColumnMatch>(columns.Count);
        var mapping = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++)
        {
            var column = assigned[i];
            matches.Add(new ColumnMatch(columns[i].Code, columns[i].Name, columns[i].Required, column,
                column is { } c ? header.CellAt(c) : null, kinds[i]));
            if (column is { } mapped) mapping[columns[i].Code] = mapped;
        }
        var usedColumns = mapping.Values.ToHashSet();
        var extra = header.Cells.Select((text, column) => new HeaderCell(column, text))
            .Where(h => h.Text.Trim().Length > 0 && !usedColumns.Contains(h.Column)).ToList();
        return new HeaderDetection(new ColumnMapping(sheet, header.Number, mapping), codeRow, matches, extra);
    }
}
