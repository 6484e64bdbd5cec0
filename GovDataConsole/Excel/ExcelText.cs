using ClosedXML.Excel;

namespace GovDataConsole.Excel;

/// <summary>
/// Writes user text into ClosedXML cells as text, never as a formula or a converted number. Text that Excel would
/// take for a formula (leading =, +, - or @) also gets the quote prefix, so editing the cell in Excel keeps it text.
/// </summary>
public static class ExcelText
{
    public static bool LooksLikeFormula(string? text) => text is { Length: > 0 } && text[0] is '=' or '+' or '-' or '@';

    public static IXLCell WriteText(this IXLCell cell, string? text)
    {
        ArgumentNullException.ThrowIfNull(cell);
        cell.SetValue<string>(text ?? string.Empty);
        cell.DataType = XLDataType.Text;
        if (LooksLikeFormula(text)) cell.Style.IncludeQuotePrefix = true;
        return cell;
    }
}
