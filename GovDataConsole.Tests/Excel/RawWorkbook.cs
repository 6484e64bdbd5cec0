using DocumentFormat.OpenXml.Packaging;

namespace GovDataConsole.Tests.Excel;

/// <summary>Builds .xlsx files from literal part XML through the OpenXML SDK, so tests control every element.</summary>
internal static class RawWorkbook
{
    public const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    public const string Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <param name="Body">Children of &lt;worksheet&gt;, e.g. "&lt;sheetData&gt;…&lt;/sheetData&gt;".</param>
    /// <param name="Extra">Adds related parts (drawings, comments) with the ids that Body references.</param>
    public sealed record Sheet(string Name, string Body, string? State = null, Action<WorksheetPart>? Extra = null);

    public static byte[] Build(IReadOnlyList<Sheet> sheets, string? sharedStrings = null, string? styles = null, bool date1904 = false)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            var sheetList = new System.Text.StringBuilder();
            for (var i = 0; i < sheets.Count; i++)
            {
                var sheet = sheets[i];
                var part = workbookPart.AddNewPart<WorksheetPart>($"rIdSheet{i + 1}");
                Feed(part, $"""<worksheet xmlns="{Main}" xmlns:r="{Rel}">{sheet.Body}</worksheet>""");
                sheet.Extra?.Invoke(part);
                var state = sheet.State is null ? "" : $""" state="{sheet.State}" """;
                sheetList.Append($"""<sheet name="{sheet.Name}" sheetId="{i + 1}"{state} r:id="rIdSheet{i + 1}"/>""");
            }
            var properties = date1904 ? """<workbookPr date1904="1"/>""" : "";
            Feed(workbookPart, $"""<workbook xmlns="{Main}" xmlns:r="{Rel}">{properties}<sheets>{sheetList}</sheets></workbook>""");
            if (sharedStrings is not null) Feed(workbookPart.AddNewPart<SharedStringTablePart>(), $"""<sst xmlns="{Main}">{sharedStrings}</sst>""");
            if (styles is not null) Feed(workbookPart.AddNewPart<WorkbookStylesPart>(), $"""<styleSheet xmlns="{Main}">{styles}</styleSheet>""");
        }
        return stream.ToArray();
    }

    public static void Feed(OpenXmlPart part, string xml)
    {
        using var data = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml));
        part.FeedData(data);
    }

    /// <summary>A stylesheet whose cellXfs are: 0 general, 1 built-in date (14), 2 custom yyyy年m月d日, 3 bold font + yellow fill + "0.00", then <paramref name="padding"/> plain extra styles.</summary>
    public static string Styles(int padding = 0) => $"""
        <numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>
        <fonts count="2"><font><sz val="11"/><name val="宋体"/></font><font><b/><sz val="12"/><color rgb="FF0000FF"/><name val="黑体"/></font></fonts>
        <fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFFFFF00"/><bgColor indexed="64"/></patternFill></fill></fills>
        <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
        <cellXfs count="{4 + padding}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="2" fontId="1" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1"/>{string.Concat(Enumerable.Repeat("""<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>""", padding))}</cellXfs>
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
        """;

    public static string InlineCell(string reference, string text) =>
        $"""<c r="{reference}" t="inlineStr"><is><t>{System.Security.SecurityElement.Escape(text)}</t></is></c>""";
}
