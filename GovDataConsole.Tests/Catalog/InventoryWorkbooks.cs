using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GovDataConsole.Features.Catalog.Inventory;

namespace GovDataConsole.Tests.Catalog;

/// <summary>Fills downloaded inventory templates the way a department clerk would, and breaks them the ways files arrive broken.</summary>
public static class InventoryWorkbooks
{
    /// <summary>Appends rows (values by column code) under the existing rows of a sheet.</summary>
    public static byte[] AddRows(byte[] template, string sheet, params Dictionary<string, string>[] rows) => Edit(template, workbook =>
    {
        var ws = workbook.Worksheet(sheet);
        var codes = ws.Row(InventoryColumns.CodeRow).CellsUsed().ToDictionary(c => c.GetString(), c => c.Address.ColumnNumber);
        var next = Math.Max(InventoryColumns.FirstDataRow, (ws.LastRowUsed()?.RowNumber() ?? 0) + 1);
        foreach (var row in rows)
        {
            foreach (var (code, value) in row) ws.Cell(next, codes[code]).SetValue(value);
            next++;
        }
    });

    /// <summary>Sets one cell (by data row number in the sheet and column code).</summary>
    public static byte[] SetCell(byte[] template, string sheet, int row, string code, string value) => Edit(template, workbook =>
    {
        var ws = workbook.Worksheet(sheet);
        var column = ws.Row(InventoryColumns.CodeRow).CellsUsed().Single(c => c.GetString() == code).Address.ColumnNumber;
        ws.Cell(row, column).SetValue(value);
    });

    public static byte[] Edit(byte[] workbook, Action<XLWorkbook> edit)
    {
        using var input = new MemoryStream(workbook);
        using var book = new XLWorkbook(input);
        edit(book);
        using var output = new MemoryStream();
        book.SaveAs(output);
        return output.ToArray();
    }

    public static Dictionary<string, string> Resource(string code, string name) => new()
    {
        ["resource_code"] = code, ["resource_name"] = name, ["share_type"] = "无条件共享", ["open_type"] = "不予开放",
        ["update_cycle"] = "每月", ["sensitivity_grade"] = "一般",
    };

    public static Dictionary<string, string> Item(string resource, string code, string name, string type = "字符串", string? length = "50") => new()
    {
        ["resource_code"] = resource, ["item_code"] = code, ["item_name"] = name, ["data_type"] = type, ["length"] = length ?? "",
        ["required"] = "是", ["is_key"] = "否",
    };

    /// <summary>Pastes a PNG logo onto a sheet through the OpenXML SDK (ClosedXML cannot add pictures without GDI+).</summary>
    public static byte[] WithPicture(byte[] workbook, string sheet)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            var relId = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheet).Id!.Value!;
            var part = (WorksheetPart)document.WorkbookPart.GetPartById(relId);
            var drawings = part.AddNewPart<DrawingsPart>();
            var image = drawings.AddImagePart(ImagePartType.Png);
            using (var png = new MemoryStream(Convert.FromBase64String(TinyPng))) image.FeedData(png);
            using (var writer = new StreamWriter(drawings.GetStream(FileMode.Create)))
                writer.Write($"""
                    <xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
                     <xdr:oneCellAnchor><xdr:from><xdr:col>12</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>2</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="952500" cy="952500"/>
                      <xdr:pic><xdr:nvPicPr><xdr:cNvPr id="2" name="公章"/><xdr:cNvPicPr/></xdr:nvPicPr>
                       <xdr:blipFill><a:blip r:embed="{drawings.GetIdOfPart(image)}"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>
                       <xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor>
                    </xdr:wsDr>
                    """);
            var drawing = new Drawing { Id = part.GetIdOfPart(drawings) };
            var legacy = part.Worksheet.GetFirstChild<LegacyDrawing>();
            if (legacy is null) part.Worksheet.Append(drawing);
            else part.Worksheet.InsertBefore(drawing, legacy);
            part.Worksheet.Save();
        }
        return stream.ToArray();
    }

    private const string TinyPng = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";
}
