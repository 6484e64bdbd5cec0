using System.IO.Compression;
using System.Text;
using ClosedXML.Excel;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace GovDataConsole.Tests.Excel;

/// <summary>Workbooks built at test time: ordinary ones and hostile ones.</summary>
internal static class TestWorkbooks
{
    public const string PictureSheet = "资源目录";

    private static readonly byte[] TinyPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    /// <summary>A ClosedXML workbook: header row, text, number, date and boolean on sheet "数据".</summary>
    public static byte[] ClosedXmlBasic()
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("数据");
        sheet.Cell(1, 1).Value = "姓名";
        sheet.Cell(1, 2).Value = "年龄";
        sheet.Cell(1, 3).Value = "出生日期";
        sheet.Cell(1, 4).Value = "是否在职";
        sheet.Cell(2, 1).Value = "张三";
        sheet.Cell(2, 2).Value = 36;
        sheet.Cell(2, 3).Value = new DateTime(1990, 5, 17);
        sheet.Cell(2, 4).Value = true;
        sheet.Cell(3, 1).Value = "李四";
        sheet.Cell(3, 2).Value = 41.5;
        return Save(workbook);
    }

    public static byte[] Save(XLWorkbook workbook)
    {
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>
    /// A department's own workbook: a logo picture (drawing + PNG image part), an existing note on A1 with its VML,
    /// custom styles (B2/B3 bold blue on yellow with "0.00", C2 a date) and 300 extra cell styles.
    /// </summary>
    public static byte[] WithPictureCommentsAndStyles() => RawWorkbook.Build(
        [
            new RawWorkbook.Sheet(PictureSheet, """
                <sheetData>
                 <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>
                 <row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" s="3"><v>12.5</v></c><c r="C2" s="1"><v>46000</v></c></row>
                 <row r="3"><c r="A3" t="s"><v>4</v></c><c r="B3" s="3"><v>7</v></c></row>
                </sheetData>
                <pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>
                <drawing r:id="rIdDrawing"/>
                <legacyDrawing r:id="rIdVml"/>
                """, Extra: AddPictureAndNote),
        ],
        sharedStrings: "<si><t>资源代码</t></si><si><t>资源名称</t></si><si><t>更新日期</t></si><si><t>人口基础信息</t></si><si><t>法人基础信息</t></si>",
        styles: RawWorkbook.Styles(padding: 300));

    private static void AddPictureAndNote(WorksheetPart sheet)
    {
        var drawing = sheet.AddNewPart<DrawingsPart>("rIdDrawing");
        using (var image = new MemoryStream(TinyPng)) drawing.AddImagePart(ImagePartType.Png, "rIdImage").FeedData(image);
        RawWorkbook.Feed(drawing, """
            <xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
             <xdr:twoCellAnchor editAs="oneCell">
              <xdr:from><xdr:col>5</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>
              <xdr:to><xdr:col>7</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>5</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>
              <xdr:pic>
               <xdr:nvPicPr><xdr:cNvPr id="2" name="部门公章"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr>
               <xdr:blipFill><a:blip r:embed="rIdImage"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>
               <xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="952500" cy="952500"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr>
              </xdr:pic>
              <xdr:clientData/>
             </xdr:twoCellAnchor>
            </xdr:wsDr>
            """);
        RawWorkbook.Feed(sheet.AddNewPart<WorksheetCommentsPart>(), $"""
            <comments xmlns="{RawWorkbook.Main}"><authors><author>张三</author></authors>
             <commentList><comment ref="A1" authorId="0"><text><t>填写说明：资源代码必填</t></text></comment></commentList>
            </comments>
            """);
        RawWorkbook.Feed(sheet.AddNewPart<VmlDrawingPart>("rIdVml"), """
            <xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">
             <o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>
             <v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>
             <v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:108pt;height:59pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">
              <v:fill color2="#ffffe1"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>
              <x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:AutoFill>False</x:AutoFill><x:Row>0</x:Row><x:Column>0</x:Column></x:ClientData>
             </v:shape>
            </xml>
            """);
    }

    /// <summary>One sheet written with the SAX writer: per row A = row number, B = inline text "行{n}", E = n/2.</summary>
    public static byte[] LargeSheet(string name, int rowCount)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            using (var writer = OpenXmlWriter.Create(sheetPart))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteStartElement(new SheetData());
                for (var r = 1; r <= rowCount; r++)
                {
                    writer.WriteElement(new Row(
                        new Cell { CellReference = "A" + r, CellValue = new CellValue(r) },
                        new Cell { CellReference = "B" + r, DataType = CellValues.InlineString, InlineString = new InlineString(new Text("行" + r)) },
                        new Cell { CellReference = "E" + r, CellValue = new CellValue(r * 0.5) }) { RowIndex = (uint)r });
                }
                writer.WriteEndElement();
                writer.WriteEndElement();
            }
            workbookPart.Workbook = new Workbook(new Sheets(new DocumentFormat.OpenXml.Spreadsheet.Sheet { Name = name, SheetId = 1, Id = workbookPart.GetIdOfPart(sheetPart) }));
        }
        return stream.ToArray();
    }

    public static byte[] RenamedPdf() => Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");

    /// <summary>The OLE compound-file header of a legacy .xls or of an encrypted .xlsx.</summary>
    public static byte[] OleCompoundFile()
    {
        var bytes = new byte[1536];
        byte[] signature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        signature.CopyTo(bytes, 0);
        return bytes;
    }

    /// <summary>Rewrites the zip entries of a workbook; <paramref name="edit"/> may add, replace or delete entries.</summary>
    public static byte[] EditZip(byte[] workbook, Action<ZipArchive> edit)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true)) edit(zip);
        return stream.ToArray();
    }

    public static void WriteEntry(ZipArchive zip, string name, string content)
    {
        if (zip.Mode != ZipArchiveMode.Create) zip.GetEntry(name)?.Delete();
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }

    public static string ReadEntry(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    /// <summary>A minimal zip with a content-types entry and one entry of <paramref name="zeroBytes"/> zeros, written streaming.</summary>
    public static byte[] ZipWithZeros(long zeroBytes)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            WriteEntry(zip, "[Content_Types].xml", """<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>""");
            using var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var chunk = new byte[1 << 20];
            for (long written = 0; written < zeroBytes; written += chunk.Length)
                entry.Write(chunk, 0, (int)Math.Min(chunk.Length, zeroBytes - written));
        }
        return stream.ToArray();
    }

    /// <summary>Overwrites the uncompressed size of the named entry in its local header and central-directory record.</summary>
    public static void FakeUncompressedSize(byte[] zip, string entryName, uint size)
    {
        var name = Encoding.UTF8.GetBytes(entryName);
        for (var i = 0; i + 46 + name.Length <= zip.Length; i++)
        {
            var signature = BitConverter.ToUInt32(zip, i);
            if (signature == 0x04034b50 && zip.AsSpan(i + 30, name.Length).SequenceEqual(name))
                BitConverter.TryWriteBytes(zip.AsSpan(i + 22, 4), size);
            else if (signature == 0x02014b50 && zip.AsSpan(i + 46, name.Length).SequenceEqual(name))
                BitConverter.TryWriteBytes(zip.AsSpan(i + 24, 4), size);
        }
    }
}
