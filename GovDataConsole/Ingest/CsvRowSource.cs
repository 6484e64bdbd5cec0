using System.Buffers;
using System.Globalization;
using System.Text;
using GovDataConsole.Excel;
using GovDataConsole.Features.Shared;
using nietras.SeparatedValues;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Ingest;

/// <summary>
/// A CSV read streaming with Sep in its detected encoding and separator: quoted fields may hold separators, quotes and
/// line breaks. Row numbers count records (as Excel shows them), not physical lines. Blank records are skipped.
/// </summary>
public sealed class CsvRowSource : IRowSource
{
    private const int BufferBytes = 64 * 1024;
    private readonly Stream _stream;
    private readonly bool _ownsStream;

    private CsvRowSource(Stream stream, bool ownsStream)
    {
        if (!stream.CanSeek || !stream.CanRead) throw new ArgumentException("A readable, seekable stream is required.", nameof(stream));
        _stream = stream;
        _ownsStream = ownsStream;
        stream.Position = 0;
        Encoding = CsvEncodingDetector.Detect(stream);
        Separator = DetectSeparator();
    }

    /// <summary>Sniffs the encoding and separator of a seekable stream (left open); throws <see cref="BatchFileException"/>.</summary>
    public static CsvRowSource Open(Stream csv) => new(csv, false);

    public static CsvRowSource Open(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferBytes);
        try
        {
            return new CsvRowSource(file, true);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    public CsvEncoding Encoding { get; }

    /// <summary>The encoding's Chinese label, e.g. "GB18030/GBK".</summary>
    public string EncodingLabel => EnumLabels.Of(Encoding);

    public char Separator { get; }

    public IReadOnlyList<string> Sheets => [];

    public IEnumerable<SourceRow> ReadRows(string? sheet = null)
    {
        if (sheet is not null) throw new BatchFileException(BatchFileProblem.SheetNotFound, string.Format(CultureInfo.CurrentCulture, T.Ingest_SheetNotFound, sheet));
        return Read();
    }

    public void Dispose()
    {
        if (_ownsStream) _stream.Dispose();
    }

    private IEnumerable<SourceRow> Read()
    {
        _stream.Position = CsvEncodings.PreambleLength(Encoding);
        using var text = new StreamReader(_stream, CsvEncodings.Strict(Encoding), false, BufferBytes, leaveOpen: true);
        using var reader = Sep.New(Separator).Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true }).From(text);
        var number = 0;
        while (Advance(reader, number))
        {
            number = reader.Current.RowIndex + 1;
            if (ReadCells(reader.Current, number) is { } cells) yield return new SourceRow(number, cells);
        }
    }

    private bool Advance(SepReader reader, int lastRow)
    {
        try
        {
            return reader.MoveNext();
        }
        catch (DecoderFallbackException)
        {
            throw new BatchFileException(BatchFileProblem.InvalidBytes,
                string.Format(CultureInfo.CurrentCulture, T.Ingest_InvalidBytes, EncodingLabel, lastRow));
        }
    }

    /// <summary>The record's fields, or null when every field is empty.</summary>
    private static string[]? ReadCells(SepReader.Row row, int number)
    {
        var count = row.ColCount;
        if (count > CellReference.MaxColumn)
            throw new BatchFileException(BatchFileProblem.TooManyColumns,
                string.Format(CultureInfo.CurrentCulture, T.Ingest_TooManyColumns, number, CellReference.MaxColumn));
        var cells = new string[count];
        var empty = true;
        for (var i = 0; i < count; i++)
        {
            var cell = row[i].ToString();
            cells[i] = cell;
            empty &= cell.Length == 0;
        }
        return empty ? null : cells;
    }

    private char DetectSeparator()
    {
        _stream.Position = CsvEncodings.PreambleLength(Encoding);
        var bytes = ArrayPool<byte>.Shared.Rent(BufferBytes);
        try
        {
            var length = _stream.ReadAtLeast(bytes.AsSpan(0, BufferBytes), BufferBytes, throwOnEndOfStream: false);
            var lenient = System.Text.Encoding.GetEncoding(CsvEncodings.Strict(Encoding).CodePage);
            return CsvSeparator.Detect(lenient.GetString(bytes, 0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }
}
