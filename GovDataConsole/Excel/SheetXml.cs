using System.Xml;

namespace GovDataConsole.Excel;

/// <summary>
/// Plain <see cref="XmlReader"/> access to worksheet and shared-string XML, several times faster than OpenXmlReader for
/// the cell data. Element names are compared by local name (transitional and strict namespaces alike) as atomised strings.
/// </summary>
internal sealed class SheetXml
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    public readonly string SheetData, Row, Cell, Value, Formula, InlineString, Text, PhoneticRun, Reference, Type, Style;

    private SheetXml(XmlNameTable names)
    {
        SheetData = names.Add("sheetData");
        Row = names.Add("row");
        Cell = names.Add("c");
        Value = names.Add("v");
        Formula = names.Add("f");
        InlineString = names.Add("is");
        Text = names.Add("t");
        PhoneticRun = names.Add("rPh");
        Reference = names.Add("r");
        Type = names.Add("t");
        Style = names.Add("s");
    }

    public static (XmlReader Reader, SheetXml Names) Open(Stream part)
    {
        var reader = XmlReader.Create(part, Settings);
        return (reader, new SheetXml(reader.NameTable));
    }

    public bool IsElement(XmlReader reader, string name) => reader.NodeType == XmlNodeType.Element && ReferenceEquals(reader.LocalName, name);

    /// <summary>The value of an un-prefixed attribute of the current element, or null.</summary>
    public static string? Attribute(XmlReader reader, string name)
    {
        if (!reader.MoveToFirstAttribute()) return null;
        do
        {
            if (ReferenceEquals(reader.LocalName, name) && reader.NamespaceURI.Length == 0)
            {
                var value = reader.Value;
                reader.MoveToElement();
                return value;
            }
        } while (reader.MoveToNextAttribute());
        reader.MoveToElement();
        return null;
    }

    /// <summary>
    /// The text of a shared-string item or inline string (runs concatenated, phonetic runs skipped). Call on its start
    /// element; returns with the reader on the node after its end.
    /// </summary>
    public string ReadRichText(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return string.Empty;
        }
        var depth = reader.Depth;
        string? single = null;
        System.Text.StringBuilder? many = null;
        reader.Read();
        while (reader.Depth > depth)
        {
            if (IsElement(reader, Text))
            {
                var text = reader.ReadElementContentAsString();
                if (single is null) single = text;
                else (many ??= new System.Text.StringBuilder(single)).Append(text);
            }
            else if (IsElement(reader, PhoneticRun))
            {
                reader.Skip();
            }
            else if (!reader.Read())
            {
                break;
            }
        }
        reader.Read();
        return many?.ToString() ?? single ?? string.Empty;
    }
}
