using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace GovDataConsole.Excel;

/// <summary>
/// Rewrites one worksheet streaming (SAX in, SAX out) so memory stays flat on large sheets: flagged cells get an error
/// style (missing cells and rows are created), and a &lt;legacyDrawing&gt; is inserted when comments need a new VML part.
/// </summary>
internal static class SheetAnnotator
{
    /// <summary>Worksheet children that the schema places after &lt;legacyDrawing&gt;.</summary>
    private static readonly HashSet<Type> AfterLegacyDrawing =
    [
        typeof(LegacyDrawingHeaderFooter), typeof(DrawingHeaderFooter), typeof(Picture), typeof(OleObjects), typeof(Controls),
        typeof(WebPublishItems), typeof(TableParts), typeof(WorksheetExtensionList), typeof(AlternateContent),
    ];

    /// <summary>The r:id of the sheet's &lt;legacyDrawing&gt; (its comment VML), found without reading the cell data.</summary>
    public static string? FindLegacyDrawingId(WorksheetPart part)
    {
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (!reader.IsStartElement) continue;
            if (reader.ElementType == typeof(SheetData)) reader.Skip();
            else if (reader.ElementType == typeof(LegacyDrawing))
                return reader.Attributes.FirstOrDefault(a => a.LocalName == "id").Value;
        }
        return null;
    }

    /// <param name="marks">Sorted by row, then column; one per cell.</param>
    /// <param name="legacyDrawingIdToInsert">r:id to reference from a new &lt;legacyDrawing&gt;, or null when the sheet has one.</param>
    public static void Annotate(WorksheetPart part, IReadOnlyList<CellMark> marks, ErrorStyles styles, string? legacyDrawingIdToInsert)
    {
        using var source = TempFile();
        using (var original = part.GetStream(FileMode.Open, FileAccess.Read)) original.CopyTo(source);
        source.Position = 0;

        var columnStyles = new List<(uint Min, uint Max, int Style)>();
        var next = 0;
        var lastRow = 0;
        using var reader = new TypedOpenXmlPartReader(source, new OpenXmlPartReaderOptions());
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartDocument(true);
        while (reader.Read())
        {
            var type = reader.ElementType;
            if (legacyDrawingIdToInsert is not null && reader.Depth == 1 && reader.IsStartElement && AfterLegacyDrawing.Contains(type)
                || legacyDrawingIdToInsert is not null && type == typeof(Worksheet) && reader.IsEndElement)
            {
                writer.WriteElement(new LegacyDrawing { Id = legacyDrawingIdToInsert });
                legacyDrawingIdToInsert = null;
            }

            if (type == typeof(Row) && reader.IsStartElement)
            {
                var rowNumber = int.TryParse(WorkbookTables.Attribute(reader, "r"), out var r) ? r : lastRow + 1;
                lastRow = rowNumber;
                next = WriteNewRows(writer, marks, next, rowNumber, styles, columnStyles);
                if (next < marks.Count && marks[next].Row == rowNumber)
                {
                    var row = (Row)reader.LoadCurrentElement()!;
                    row.RowIndex = (uint)rowNumber;
                    next = FlagCells(row, marks, next, styles, columnStyles);
                    writer.WriteElement(row);
                    continue;
                }
            }
            else if (type == typeof(SheetData) && reader.IsEndElement)
            {
                next = WriteNewRows(writer, marks, next, int.MaxValue, styles, columnStyles);
            }
            else if (type == typeof(Column) && reader.IsStartElement)
            {
                if (uint.TryParse(WorkbookTables.Attribute(reader, "min"), out var min) && uint.TryParse(WorkbookTables.Attribute(reader, "max"), out var max))
                    columnStyles.Add((min, max, int.TryParse(WorkbookTables.Attribute(reader, "style"), out var s) ? s : 0));
            }

            Copy(reader, writer);
        }
    }

    private static void Copy(OpenXmlReader reader, OpenXmlWriter writer)
    {
        if (reader.IsStartElement)
        {
            writer.WriteStartElement(reader);
            if (typeof(OpenXmlLeafTextElement).IsAssignableFrom(reader.ElementType)) writer.WriteString(reader.GetText());
        }
        else if (reader.IsEndElement)
        {
            writer.WriteEndElement();
        }
    }

    /// <summary>Writes rows that exist only because of marks, for all marks above <paramref name="beforeRow"/>.</summary>
    private static int WriteNewRows(OpenXmlWriter writer, IReadOnlyList<CellMark> marks, int next, int beforeRow, ErrorStyles styles,
        List<(uint Min, uint Max, int Style)> columnStyles)
    {
        while (next < marks.Count && marks[next].Row < beforeRow)
        {
            var row = new Row { RowIndex = (uint)marks[next].Row };
            next = FlagCells(row, marks, next, styles, columnStyles);
            writer.WriteElement(row);
        }
        return next;
    }

    /// <summary>Applies the error style to every marked cell of the row, creating missing cells in column order.</summary>
    private static int FlagCells(Row row, IReadOnlyList<CellMark> marks, int next, ErrorStyles styles, List<(uint Min, uint Max, int Style)> columnStyles)
    {
        var rowNumber = (int)row.RowIndex!.Value;
        var cells = new List<(int Column, Cell Cell)>();
        var column = 0;
        foreach (var cell in row.Elements<Cell>())
        {
            column = cell.CellReference?.Value is { } reference && CellReference.TryParse(reference, out _, out var c) ? c : column + 1;
            cell.CellReference = CellReference.Format(rowNumber, column);
            cells.Add((column, cell));
        }

        for (; next < marks.Count && marks[next].Row == rowNumber; next++)
        {
            var mark = marks[next];
            var index = cells.FindIndex(x => x.Column >= mark.Column);
            Cell target;
            if (index >= 0 && cells[index].Column == mark.Column)
            {
                target = cells[index].Cell;
            }
            else
            {
                target = new Cell { CellReference = mark.Reference, StyleIndex = (uint)DefaultStyle(row, mark.Column, columnStyles) };
                if (index >= 0) row.InsertBefore(target, cells[index].Cell);
                else row.Append(target);
                cells.Insert(index >= 0 ? index : cells.Count, (mark.Column, target));
            }
            target.StyleIndex = (uint)styles.ErrorStyleFor((int)(target.StyleIndex?.Value ?? 0));
        }
        row.Spans = null;
        return next;
    }

    private static int DefaultStyle(Row row, int column, List<(uint Min, uint Max, int Style)> columnStyles)
    {
        if (row.CustomFormat?.Value == true && row.StyleIndex is not null) return (int)row.StyleIndex.Value;
        foreach (var (min, max, style) in columnStyles)
            if (column >= min && column <= max) return style;
        return 0;
    }

    private static FileStream TempFile() => new(Path.Combine(Path.GetTempPath(), $"govdata-xlsx-{Guid.NewGuid():N}.xml"),
        FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
}
