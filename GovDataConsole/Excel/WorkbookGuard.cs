using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace GovDataConsole.Excel;

/// <summary>
/// Inspects an uploaded workbook before any parsing: size, file signature, zip integrity, macros,
/// decompression bombs (counted while decompressing, not trusted from headers), required parts and content.
/// </summary>
public sealed class WorkbookGuard(WorkbookLimits limits)
{
    private static readonly byte[] OleSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];
    private const string ContentTypesEntry = "[Content_Types].xml";

    public WorkbookGuard() : this(new WorkbookLimits())
    {
    }

    public WorkbookLimits Limits => limits;

    /// <summary>
    /// Checks an upload. A seekable stream (the whole stream is the workbook) is measured first, never read when over
    /// the size limit, and its position is restored afterwards; any other stream is buffered up to the limit and consumed.
    /// </summary>
    public WorkbookCheckResult Check(Stream upload)
    {
        ArgumentNullException.ThrowIfNull(upload);
        if (!upload.CanSeek)
        {
            using var buffer = new MemoryStream();
            return CopyWithinLimit(upload, buffer) ? CheckSeekable(buffer) : Result(WorkbookProblem.TooLarge);
        }

        if (upload.Length > limits.MaxUploadBytes) return Result(WorkbookProblem.TooLarge);
        var position = upload.Position;
        try
        {
            return CheckSeekable(upload);
        }
        finally
        {
            upload.Position = position;
        }
    }

    public WorkbookCheckResult CheckFile(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        return Check(file);
    }

    private bool CopyWithinLimit(Stream source, Stream destination)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = source.Read(buffer, 0, buffer.Length)) > 0)
        {
            total += read;
            if (total > limits.MaxUploadBytes) return false;
            destination.Write(buffer, 0, read);
        }
        destination.Position = 0;
        return true;
    }

    private WorkbookCheckResult CheckSeekable(Stream stream)
    {
        stream.Position = 0;
        Span<byte> head = stackalloc byte[8];
        var headLength = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        if (headLength == 8 && head.SequenceEqual(OleSignature)) return Result(WorkbookProblem.LegacyOrEncrypted);
        if (headLength < 4 || !head[..4].SequenceEqual(ZipSignature)) return Result(WorkbookProblem.NotAWorkbook);

        var zipProblem = CheckZip(stream);
        if (zipProblem != WorkbookProblem.None) return Result(zipProblem);

        stream.Position = 0;
        return Result(CheckPackage(stream));
    }

    private WorkbookProblem CheckZip(Stream stream)
    {
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > limits.MaxEntryCount) return WorkbookProblem.TooManyParts;

            long declared = 0;
            var hasContentTypes = false;
            foreach (var entry in zip.Entries)
            {
                if (entry.FullName.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)) return WorkbookProblem.MacroEnabled;
                if (entry.FullName.Equals(ContentTypesEntry, StringComparison.OrdinalIgnoreCase)) hasContentTypes = true;
                declared += entry.Length;
                if (declared > limits.MaxTotalUncompressedBytes || entry.Length > EntryCap(entry)) return WorkbookProblem.ZipBomb;
            }
            if (!hasContentTypes) return WorkbookProblem.MissingWorkbookPart;

            long actual = 0;
            var buffer = new byte[81920];
            foreach (var entry in zip.Entries)
            {
                var cap = EntryCap(entry);
                long entryBytes = 0;
                using var content = entry.Open();
                int read;
                while ((read = content.Read(buffer, 0, buffer.Length)) > 0)
                {
                    entryBytes += read;
                    actual += read;
                    if (entryBytes > cap || actual > limits.MaxTotalUncompressedBytes) return WorkbookProblem.ZipBomb;
                }
            }

            using var contentTypes = zip.Entries.First(e => e.FullName.Equals(ContentTypesEntry, StringComparison.OrdinalIgnoreCase)).Open();
            return DeclaresMacros(contentTypes) ? WorkbookProblem.MacroEnabled : WorkbookProblem.None;
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or XmlException or IOException)
        {
            return WorkbookProblem.Corrupt;
        }
    }

    private long EntryCap(ZipArchiveEntry entry) =>
        Math.Max(limits.RatioCheckThresholdBytes, entry.CompressedLength * limits.MaxCompressionRatio);

    private static bool DeclaresMacros(Stream contentTypes)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var xml = XmlReader.Create(contentTypes, settings);
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element) continue;
            var type = xml.GetAttribute("ContentType");
            if (type is not null && (type.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase)
                                     || type.Contains("vbaProject", StringComparison.OrdinalIgnoreCase)))
                return true;
        }
        return false;
    }

    private static WorkbookProblem CheckPackage(Stream stream)
    {
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(stream, false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or XmlException or IOException
                                      or InvalidOperationException)
        {
            return WorkbookProblem.MissingWorkbookPart;
        }

        using (document)
        {
            try
            {
                var workbookPart = document.WorkbookPart;
                if (workbookPart is null) return WorkbookProblem.MissingWorkbookPart;
                var sheets = workbookPart.Workbook.Sheets?.Elements<Sheet>().ToList() ?? [];
                if (sheets.Count == 0) return WorkbookProblem.Empty;
                foreach (var sheet in sheets)
                {
                    if (sheet.Id?.Value is { } id && workbookPart.TryGetPartById(id, out var part)
                        && part is WorksheetPart worksheet && WorksheetProbe.HasAnyValue(worksheet))
                        return WorkbookProblem.None;
                }
                return WorkbookProblem.Empty;
            }
            catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or XmlException or IOException)
            {
                return WorkbookProblem.Corrupt;
            }
        }
    }

    private WorkbookCheckResult Result(WorkbookProblem problem) =>
        problem == WorkbookProblem.None ? WorkbookCheckResult.Accepted : WorkbookCheckResult.Refused(problem, limits);
}
