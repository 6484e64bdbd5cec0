using System.IO.Compression;
using ClosedXML.Excel;
using GovDataConsole.Excel;

namespace GovDataConsole.Tests.Excel;

public sealed class WorkbookGuardTests
{
    private readonly WorkbookGuard _guard = new();

    private WorkbookCheckResult Check(byte[] bytes, WorkbookGuard? guard = null)
    {
        using var stream = new MemoryStream(bytes);
        return (guard ?? _guard).Check(stream);
    }

    [Fact]
    public void Accepts_an_ordinary_ClosedXML_workbook()
    {
        var result = Check(TestWorkbooks.ClosedXmlBasic());
        Assert.True(result.IsAccepted, result.Message);
        Assert.Equal(string.Empty, result.Message);
    }

    [Fact]
    public void Accepts_a_workbook_with_a_picture_comments_and_custom_styles()
    {
        var result = Check(TestWorkbooks.WithPictureCommentsAndStyles());
        Assert.True(result.IsAccepted, result.Message);
    }

    [Fact]
    public void Restores_the_position_of_a_seekable_stream()
    {
        using var stream = new MemoryStream(TestWorkbooks.ClosedXmlBasic());
        Assert.True(_guard.Check(stream).IsAccepted);
        Assert.Equal(0, stream.Position);
    }

    [Fact]
    public void Refuses_a_renamed_pdf()
    {
        var result = Check(TestWorkbooks.RenamedPdf());
        Assert.Equal(WorkbookProblem.NotAWorkbook, result.Problem);
        Assert.Contains("不是 Excel 工作簿", result.Message);
    }

    [Fact]
    public void Refuses_an_empty_file_as_not_a_workbook()
    {
        Assert.Equal(WorkbookProblem.NotAWorkbook, Check([]).Problem);
    }

    [Fact]
    public void Refuses_an_ole_file_and_says_to_save_as_xlsx_without_password()
    {
        var result = Check(TestWorkbooks.OleCompoundFile());
        Assert.Equal(WorkbookProblem.LegacyOrEncrypted, result.Problem);
        Assert.Contains("另存为不设密码的 .xlsx", result.Message);
    }

    [Fact]
    public void Refuses_a_truncated_zip_as_corrupt()
    {
        var bytes = TestWorkbooks.ClosedXmlBasic();
        var result = Check(bytes[..(bytes.Length / 2)]);
        Assert.Equal(WorkbookProblem.Corrupt, result.Problem);
        Assert.Contains("已损坏", result.Message);
    }

    [Fact]
    public void Refuses_a_zip_whose_compressed_data_is_damaged()
    {
        var bytes = TestWorkbooks.EditZip(TestWorkbooks.ClosedXmlBasic(),
            zip => TestWorkbooks.WriteEntry(zip, "xl/worksheets/sheet1.xml", string.Concat(Enumerable.Repeat("<row>损坏测试数据</row>", 2000))));
        var damaged = (byte[])bytes.Clone();
        var start = FindLocalData(damaged, "xl/worksheets/sheet1.xml");
        for (var i = start + 20; i < start + 220; i++) damaged[i] ^= 0x5A;
        Assert.Equal(WorkbookProblem.Corrupt, Check(damaged).Problem);
    }

    [Fact]
    public void Refuses_an_xlsm_with_a_vba_project_part()
    {
        var bytes = TestWorkbooks.EditZip(TestWorkbooks.ClosedXmlBasic(), zip =>
        {
            using var entry = zip.CreateEntry("xl/vbaProject.bin").Open();
            entry.Write(TestWorkbooks.OleCompoundFile());
        });
        var result = Check(bytes);
        Assert.Equal(WorkbookProblem.MacroEnabled, result.Problem);
        Assert.Contains("宏", result.Message);
    }

    [Fact]
    public void Refuses_a_macro_enabled_content_type_even_without_a_vba_part()
    {
        var bytes = TestWorkbooks.EditZip(TestWorkbooks.ClosedXmlBasic(), zip =>
        {
            var types = TestWorkbooks.ReadEntry(zip, "[Content_Types].xml");
            Assert.Contains("spreadsheetml.sheet.main+xml", types);
            TestWorkbooks.WriteEntry(zip, "[Content_Types].xml",
                types.Replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml"));
        });
        Assert.Equal(WorkbookProblem.MacroEnabled, Check(bytes).Problem);
    }

    [Fact]
    public void Refuses_a_zip_bomb_declaring_300_MB()
    {
        var bomb = TestWorkbooks.ZipWithZeros(300L * 1024 * 1024);
        Assert.True(bomb.Length < 2 * 1024 * 1024, $"bomb is {bomb.Length} bytes");
        var result = Check(bomb);
        Assert.Equal(WorkbookProblem.ZipBomb, result.Problem);
        Assert.Contains("200 MB", result.Message);
    }

    [Fact]
    public void A_zip_that_understates_its_size_decompresses_no_further_than_declared_and_is_refused()
    {
        var bomb = TestWorkbooks.ZipWithZeros(64L * 1024 * 1024);
        TestWorkbooks.FakeUncompressedSize(bomb, "xl/worksheets/sheet1.xml", 4096);
        using (var zip = new ZipArchive(new MemoryStream(bomb), ZipArchiveMode.Read))
        {
            var entry = zip.GetEntry("xl/worksheets/sheet1.xml")!;
            Assert.Equal(4096, entry.Length);
            using var content = entry.Open();
            var total = 0L;
            var buffer = new byte[81920];
            int read;
            while ((read = content.Read(buffer)) > 0) total += read;
            Assert.Equal(4096, total); // the runtime stops at the declared size; the guard's own byte count is a second cap
        }

        Assert.False(Check(bomb).IsAccepted);
    }

    [Fact]
    public void Refuses_too_many_parts()
    {
        var guard = new WorkbookGuard(new WorkbookLimits { MaxEntryCount = 5 });
        var result = Check(TestWorkbooks.ClosedXmlBasic(), guard);
        Assert.Equal(WorkbookProblem.TooManyParts, result.Problem);
        Assert.Contains("5", result.Message);
    }

    [Fact]
    public void Refuses_a_seekable_upload_over_the_limit_without_reading_it()
    {
        using var stream = new CountingStream(new MemoryStream(new byte[21 * 1024 * 1024]));
        var result = _guard.Check(stream);
        Assert.Equal(WorkbookProblem.TooLarge, result.Problem);
        Assert.Contains("20 MB", result.Message);
        Assert.Equal(0, stream.BytesRead);
    }

    [Fact]
    public void Refuses_a_non_seekable_upload_over_the_limit_reading_no_further_than_the_limit()
    {
        var limits = new WorkbookLimits { MaxUploadBytes = 1024 * 1024 };
        using var stream = new CountingStream(new MemoryStream(new byte[5 * 1024 * 1024]), seekable: false);
        var result = new WorkbookGuard(limits).Check(stream);
        Assert.Equal(WorkbookProblem.TooLarge, result.Problem);
        Assert.InRange(stream.BytesRead, limits.MaxUploadBytes, limits.MaxUploadBytes + 81920);
    }

    [Fact]
    public void Accepts_a_non_seekable_upload_within_the_limit()
    {
        using var stream = new CountingStream(new MemoryStream(TestWorkbooks.ClosedXmlBasic()), seekable: false);
        Assert.True(_guard.Check(stream).IsAccepted);
    }

    [Fact]
    public void Refuses_a_workbook_whose_sheets_hold_no_values()
    {
        using var workbook = new XLWorkbook();
        workbook.AddWorksheet("空表");
        var result = Check(TestWorkbooks.Save(workbook));
        Assert.Equal(WorkbookProblem.Empty, result.Problem);
        Assert.Contains("没有任何工作表或数据", result.Message);
    }

    [Fact]
    public void Refuses_a_workbook_without_sheets()
    {
        Assert.Equal(WorkbookProblem.Empty, Check(RawWorkbook.Build([])).Problem);
    }

    [Fact]
    public void Refuses_a_package_without_its_workbook_part()
    {
        var bytes = TestWorkbooks.EditZip(TestWorkbooks.ClosedXmlBasic(), zip => zip.GetEntry("xl/workbook.xml")!.Delete());
        var result = Check(bytes);
        Assert.Equal(WorkbookProblem.MissingWorkbookPart, result.Problem);
        Assert.Contains("xl/workbook.xml", result.Message);
    }

    [Fact]
    public void Refuses_a_plain_zip_without_content_types()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            TestWorkbooks.WriteEntry(zip, "readme.txt", "不是工作簿");
        Assert.Equal(WorkbookProblem.MissingWorkbookPart, Check(stream.ToArray()).Problem);
    }

    private static int FindLocalData(byte[] zip, string entryName)
    {
        var name = System.Text.Encoding.UTF8.GetBytes(entryName);
        for (var i = 0; i + 30 + name.Length <= zip.Length; i++)
        {
            if (BitConverter.ToUInt32(zip, i) == 0x04034b50 && zip.AsSpan(i + 30, name.Length).SequenceEqual(name))
                return i + 30 + name.Length + BitConverter.ToUInt16(zip, i + 28);
        }
        throw new InvalidOperationException("entry not found");
    }

    /// <summary>Counts bytes read through it; optionally hides seeking like a network upload stream.</summary>
    private sealed class CountingStream(Stream inner, bool seekable = true) : Stream
    {
        public long BytesRead { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => seekable;
        public override bool CanWrite => false;
        public override long Length => seekable ? inner.Length : throw new NotSupportedException();
        public override long Position
        {
            get => seekable ? inner.Position : throw new NotSupportedException();
            set => inner.Position = seekable ? value : throw new NotSupportedException();
        }
        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            BytesRead += read;
            return read;
        }
        public override long Seek(long offset, SeekOrigin origin) => seekable ? inner.Seek(offset, origin) : throw new NotSupportedException();
        public override void Flush() { }
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
