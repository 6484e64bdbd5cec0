using System.Buffers;
using System.Text;
using System.Text.Unicode;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Ingest;

/// <summary>
/// Sniffs a CSV's encoding: a byte-order mark; else the first <see cref="SampleBytes"/> bytes from the first non-ASCII byte
/// on, validated strictly as UTF-8, else as GB18030. Pure ASCII is read as UTF-8. NUL bytes mean binary content.
/// </summary>
internal static class CsvEncodingDetector
{
    public const int SampleBytes = 64 * 1024;

    /// <summary>Reads from the current position of <paramref name="stream"/> (which it moves); throws <see cref="BatchFileException"/>.</summary>
    public static CsvEncoding Detect(Stream stream)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(2 * SampleBytes);
        try
        {
            var length = stream.ReadAtLeast(buffer.AsSpan(0, SampleBytes), SampleBytes, throwOnEndOfStream: false);
            var head = buffer.AsSpan(0, length);
            if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return CsvEncoding.Utf8Bom;
            if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return CsvEncoding.Utf16LE;
            if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return CsvEncoding.Utf16BE;

            while (length > 0)
            {
                var chunk = buffer.AsSpan(0, length);
                if (chunk.Contains((byte)0)) throw new BatchFileException(BatchFileProblem.Binary, T.Ingest_Binary);
                var first = chunk.IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
                if (first >= 0)
                {
                    // Move the non-ASCII tail to the front and top it up to a full sample.
                    chunk[first..].CopyTo(buffer);
                    var read = stream.ReadAtLeast(buffer.AsSpan(length - first, SampleBytes), SampleBytes, throwOnEndOfStream: false);
                    return Classify(buffer.AsSpan(0, length - first + read), atEnd: read < SampleBytes);
                }
                length = stream.ReadAtLeast(buffer.AsSpan(0, SampleBytes), SampleBytes, throwOnEndOfStream: false);
            }
            return CsvEncoding.Utf8;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static CsvEncoding Classify(ReadOnlySpan<byte> sample, bool atEnd)
    {
        if (sample.Contains((byte)0)) throw new BatchFileException(BatchFileProblem.Binary, T.Ingest_Binary);
        var chars = ArrayPool<char>.Shared.Rent(sample.Length);
        try
        {
            var status = Utf8.ToUtf16(sample, chars, out _, out var written, replaceInvalidSequences: false, isFinalBlock: atEnd);
            var isUtf8 = status == OperationStatus.Done || (status == OperationStatus.NeedMoreData && !atEnd);
            var isGb18030 = IsGb18030(sample, atEnd);
            // Short GBK text can be valid UTF-8 by accident (the 联通 case); UTF-8 Chinese always has 3-byte sequences.
            if (isUtf8 && !(isGb18030 && chars.AsSpan(0, written).IndexOfAnyInRange('\u0800', '\uFFFF') < 0)) return CsvEncoding.Utf8;
            if (isGb18030) return CsvEncoding.Gb18030;
            throw new BatchFileException(BatchFileProblem.UnknownEncoding, T.Ingest_UnknownEncoding);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static bool IsGb18030(ReadOnlySpan<byte> sample, bool atEnd)
    {
        try
        {
            CsvEncodings.Strict(CsvEncoding.Gb18030).GetDecoder().GetCharCount(sample, flush: atEnd);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
