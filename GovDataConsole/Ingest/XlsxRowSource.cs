using System.Globalization;
using System.Xml;
using GovDataConsole.Excel;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Ingest;

/// <summary>
/// The worksheets of an .xlsx read streaming through <see cref="SheetReader"/> (check uploads with <see cref="WorkbookGuard"/>
/// first). Cells keep their stored text; date-formatted numbers become ISO text with the serial kept in <see cref="SourceRow.Raw"/>.
/// </summary>
public sealed class XlsxRowSource : IRowSource
{
    private readonly SheetReader _reader;

    private XlsxRowSource(SheetReader reader)
    {
        _reader = reader;
        Sheets = reader.Sheets.Where(s => s.IsWorksheet && s.Visibility == SheetVisibility.Visible).Select(s => s.Name).ToList();
    }

    /// <summary>Opens a workbook from a seekable stream (left open).</summary>
    public static XlsxRowSource Open(Stream workbook) => new(SheetReader.Open(workbook));

    public static XlsxRowSource Open(string path) => new(SheetReader.Open(path));

    public IReadOnlyList<string> Sheets { get; }

    public IEnumerable<SourceRow> ReadRows(string? sheet = null)
    {
        if (sheet is null)
        {
            if (Sheets.Count == 0) throw new BatchFileException(BatchFileProblem.NoWorksheet, T.Ingest_NoWorksheet);
            sheet = Sheets[0];
        }
        else if (!_reader.Sheets.Any(s => s.IsWorksheet && s.Name == sheet))
        {
            throw new BatchFileException(BatchFileProblem.SheetNotFound, string.Format(CultureInfo.CurrentCulture, T.Ingest_SheetNotFound, sheet));
        }
        return Read(sheet);
    }

    public void Dispose() => _reader.Dispose();

    /// <summary>Malformed sheet XML (a hand-edited or truncated file, a DTD) surfaces as a corrupt file.</summary>
    private static bool Advance(IEnumerator<SheetRow> rows)
    {
        try
        {
            return rows.MoveNext();
        }
        catch (Exception e) when (e is XmlException or InvalidDataException or IOException)
        {
            throw new BatchFileException(BatchFileProblem.Corrupt, T.Excel_Corrupt);
        }
    }

    private IEnumerable<SourceRow> Read(string sheet)
    {
        var date1904 = _reader.Date1904;
        using var rows = _reader.ReadRows(sheet).GetEnumerator();
        while (Advance(rows))
        {
            var row = rows.Current;
            var cellList = row.Cells;
            var width = cellList[^1].Column;
            for (var i = 0; i < cellList.Count - 1; i++) width = Math.Max(width, cellList[i].Column);
            var cells = new string[width];
            Array.Fill(cells, string.Empty);
            string?[]? raw = null;
            var empty = true;
            foreach (var cell in cellList)
            {
                var text = cell.Text;
                if (CellTexts.IsoDate(cell, date1904) is { } iso)
                {
                    (raw ??= new string?[width])[cell.Column - 1] = text;
                    text = iso;
                }
                cells[cell.Column - 1] = text;
                empty &= text.Length == 0;
            }
            if (!empty) yield return new SourceRow(row.Number, cells, raw);
        }
    }
}
