using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace GovDataConsole.Excel;

/// <summary>
/// Legacy cell comments (notes) as Excel and LibreOffice read them: entries in the sheet's comments part plus a shape
/// per note in the sheet's VML drawing. Existing comments are kept; a message for an already-commented cell is appended.
/// </summary>
internal static partial class CommentWriter
{
    private const int ShapesPerBlock = 1023;

    private const string ShapeType = """
         <v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">
          <v:stroke joinstyle="miter"/>
          <v:path gradientshapeok="t" o:connecttype="rect"/>
         </v:shapetype>

        """;

    [GeneratedRegex("""<o:idmap\b[^>]*\bdata="([0-9, ]*)"[^>]*>""")]
    private static partial Regex IdMap();

    /// <summary>The highest VML shape-id block used by any sheet, so new shapes get workbook-unique ids.</summary>
    public static int MaxShapeBlock(WorkbookPart workbookPart)
    {
        var max = 0;
        foreach (var vml in workbookPart.WorksheetParts.SelectMany(w => w.VmlDrawingParts))
            foreach (Match match in IdMap().Matches(ReadText(vml)))
                foreach (var block in match.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    if (int.TryParse(block, out var b)) max = Math.Max(max, b);
        return max;
    }

    /// <summary>Adds the marks as comments; returns the last VML shape-id block used.</summary>
    public static int Add(WorksheetPart sheet, VmlDrawingPart vml, IReadOnlyList<CellMark> marks, string author, int lastBlock)
    {
        var commentsPart = sheet.WorksheetCommentsPart ?? sheet.AddNewPart<WorksheetCommentsPart>();
        var comments = commentsPart.Comments ?? new Comments();
        var authors = comments.GetFirstChild<Authors>() ?? comments.PrependChild(new Authors());
        var list = comments.GetFirstChild<CommentList>() ?? comments.InsertAfter(new CommentList(), authors);
        var authorId = authors.Elements<Author>().TakeWhile(a => a.Text != author).Count();
        if (authorId == authors.Elements<Author>().Count()) authors.Append(new Author(author));

        var existing = list.Elements<Comment>().Where(c => c.Reference?.Value is not null)
            .GroupBy(c => c.Reference!.Value!, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var newShapes = new List<CellMark>();
        foreach (var mark in marks)
        {
            if (existing.TryGetValue(mark.Reference, out var comment) && comment.CommentText is { } text)
            {
                text.Append(new Run(new Text("\n" + mark.Message) { Space = SpaceProcessingModeValues.Preserve }));
                continue;
            }
            list.Append(new Comment(new CommentText(new Text(mark.Message) { Space = SpaceProcessingModeValues.Preserve }))
            {
                Reference = mark.Reference,
                AuthorId = (uint)authorId,
            });
            newShapes.Add(mark);
        }
        if (commentsPart.Comments is null) commentsPart.Comments = comments;
        comments.Save(commentsPart);

        if (newShapes.Count == 0) return lastBlock;
        var blocks = Enumerable.Range(lastBlock + 1, (newShapes.Count + ShapesPerBlock - 1) / ShapesPerBlock).ToList();
        WriteShapes(vml, newShapes, blocks);
        return blocks[^1];
    }

    private static void WriteShapes(VmlDrawingPart vml, List<CellMark> marks, List<int> blocks)
    {
        var shapes = new StringBuilder();
        for (var i = 0; i < marks.Count; i++)
            AppendShape(shapes, marks[i], blocks[i / ShapesPerBlock] * 1024 + 1 + i % ShapesPerBlock);

        var current = ReadText(vml);
        string updated;
        if (current.Contains("</xml>", StringComparison.Ordinal))
        {
            var blockList = string.Join(",", blocks);
            updated = IdMap().IsMatch(current)
                ? IdMap().Replace(current, m => m.Value.Replace(m.Groups[1].Value, m.Groups[1].Value + "," + blockList, StringComparison.Ordinal), 1)
                : current;
            var end = updated.LastIndexOf("</xml>", StringComparison.Ordinal);
            var insert = (updated.Contains("_x0000_t202", StringComparison.Ordinal) ? string.Empty : ShapeType) + shapes;
            updated = updated.Insert(end, insert);
        }
        else
        {
            updated = $"""
                <xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">
                 <o:shapelayout v:ext="edit">
                  <o:idmap v:ext="edit" data="{string.Join(",", blocks)}"/>
                 </o:shapelayout>
                {ShapeType}{shapes}</xml>
                """;
        }
        using var stream = vml.GetStream(FileMode.Create, FileAccess.Write);
        using var text = new StreamWriter(stream, new UTF8Encoding(false));
        text.Write(updated);
    }

    private static void AppendShape(StringBuilder vml, CellMark mark, int shapeId)
    {
        var row = mark.Row - 1;
        var column = mark.Column - 1;
        var anchor = string.Create(CultureInfo.InvariantCulture, $"{column + 1}, 15, {Math.Max(row - 1, 0)}, 10, {column + 4}, 15, {row + 4}, 4");
        vml.Append(CultureInfo.InvariantCulture, $"""
             <v:shape id="_x0000_s{shapeId}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:180pt;height:70pt;z-index:{shapeId};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">
              <v:fill color2="#ffffe1"/>
              <v:shadow on="t" color="black" obscured="t"/>
              <v:path o:connecttype="none"/>
              <v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>
              <x:ClientData ObjectType="Note">
               <x:MoveWithCells/>
               <x:SizeWithCells/>
               <x:Anchor>{anchor}</x:Anchor>
               <x:AutoFill>False</x:AutoFill>
               <x:Row>{row}</x:Row>
               <x:Column>{column}</x:Column>
              </x:ClientData>
             </v:shape>

            """);
    }

    private static string ReadText(OpenXmlPart part)
    {
        using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }
}
