using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace GovDataConsole.Excel;

/// <summary>Adds the error-workbook styles to a workbook's stylesheet: red-filled copies of existing cell styles and a bold header.</summary>
internal sealed class ErrorStyles
{
    private readonly WorkbookStylesPart _part;
    private readonly Stylesheet _stylesheet;
    private readonly Dictionary<int, int> _errorStyles = [];
    private int? _errorFillId;
    private int? _headerStyle;

    public ErrorStyles(WorkbookPart workbookPart)
    {
        _part = workbookPart.WorkbookStylesPart ?? workbookPart.AddNewPart<WorkbookStylesPart>();
        _stylesheet = _part.Stylesheet ?? new Stylesheet();
        Fonts = Ensure(() => new Fonts(new Font(new FontSize { Val = 11 })), typeof(NumberingFormats));
        Fills = Ensure(() => new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 })), typeof(Fonts));
        Ensure(() => new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())), typeof(Fills));
        CellFormats = Ensure(() => new CellFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }),
            typeof(CellStyleFormats), typeof(Borders));
        if (!CellFormats.Elements<CellFormat>().Any()) CellFormats.Append(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 });
    }

    private Fonts Fonts { get; }
    private Fills Fills { get; }
    private CellFormats CellFormats { get; }

    /// <summary>A cellXfs index that is <paramref name="baseStyle"/> (number format, font, border, alignment kept) with the red fill.</summary>
    public int ErrorStyleFor(int baseStyle)
    {
        if (_errorStyles.TryGetValue(baseStyle, out var existing)) return existing;
        _errorFillId ??= Add(Fills, new Fill(new PatternFill(
            new ForegroundColor { Rgb = ErrorWorkbookWriter.ErrorFillArgb },
            new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid }));
        var source = CellFormats.Elements<CellFormat>().ElementAtOrDefault(baseStyle) ?? CellFormats.Elements<CellFormat>().First();
        var format = (CellFormat)source.CloneNode(true);
        format.FillId = (uint)_errorFillId.Value;
        format.ApplyFill = true;
        return _errorStyles[baseStyle] = Add(CellFormats, format);
    }

    /// <summary>A cellXfs index with a bold font, for the summary header.</summary>
    public int HeaderStyle()
    {
        if (_headerStyle is { } style) return style;
        var font = Add(Fonts, new Font(new Bold(), new FontSize { Val = 11 }));
        _headerStyle = Add(CellFormats, new CellFormat { NumberFormatId = 0, FontId = (uint)font, FillId = 0, BorderId = 0, ApplyFont = true });
        return _headerStyle.Value;
    }

    public void Save()
    {
        Fonts.Count = (uint)Fonts.ChildElements.Count;
        Fills.Count = (uint)Fills.ChildElements.Count;
        CellFormats.Count = (uint)CellFormats.ChildElements.Count;
        if (_part.Stylesheet is null) _part.Stylesheet = _stylesheet;
        _stylesheet.Save(_part);
    }

    private static int Add(OpenXmlCompositeElement list, OpenXmlElement item)
    {
        list.Append(item);
        return list.ChildElements.Count - 1;
    }

    /// <summary>Returns the stylesheet child of type T, inserting a new one after the last present predecessor in schema order.</summary>
    private T Ensure<T>(Func<T> create, params Type[] predecessors) where T : OpenXmlCompositeElement
    {
        if (_stylesheet.GetFirstChild<T>() is { } present) return present;
        var element = create();
        var after = predecessors.Select(t => _stylesheet.ChildElements.LastOrDefault(c => c.GetType() == t)).FirstOrDefault(e => e is not null);
        if (after is not null) _stylesheet.InsertAfter(element, after);
        else _stylesheet.PrependChild(element);
        return element;
    }
}
