using System.Text;

namespace GovDataConsole.Ingest;

/// <summary>Text encodings a CSV is read in; labels via EnumLabels ("CsvEncoding_{Value}").</summary>
public enum CsvEncoding
{
    Utf8Bom,
    Utf8,
    Gb18030,
    /// <summary>Excel's "Unicode text" export (with BOM).</summary>
    Utf16LE,
    Utf16BE,
}

internal static class CsvEncodings
{
    static CsvEncodings() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>A decoder that throws on invalid bytes, so garbled input is reported rather than replaced.</summary>
    public static Encoding Strict(CsvEncoding encoding) => encoding switch
    {
        CsvEncoding.Utf8Bom or CsvEncoding.Utf8 => new UTF8Encoding(false, true),
        CsvEncoding.Gb18030 => Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback),
        CsvEncoding.Utf16LE => new UnicodeEncoding(false, false, true),
        CsvEncoding.Utf16BE => new UnicodeEncoding(true, false, true),
        _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
    };

    public static int PreambleLength(CsvEncoding encoding) => encoding switch
    {
        CsvEncoding.Utf8Bom => 3,
        CsvEncoding.Utf16LE or CsvEncoding.Utf16BE => 2,
        _ => 0,
    };
}
