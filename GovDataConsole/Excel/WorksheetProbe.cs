using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace GovDataConsole.Excel;

/// <summary>Cheap streaming check for whether a worksheet holds any value or formula.</summary>
internal static class WorksheetProbe
{
    public static bool HasAnyValue(WorksheetPart part)
    {
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            var type = reader.ElementType;
            if (type == typeof(SheetData) && reader.IsEndElement) return false;
            if (!reader.IsStartElement) continue;
            if (type == typeof(CellFormula)) return true;
            if ((type == typeof(CellValue) || type == typeof(Text)) && reader.GetText().Length > 0) return true;
        }
        return false;
    }
}
