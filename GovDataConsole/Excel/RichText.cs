using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace GovDataConsole.Excel;

/// <summary>Reads the text of a shared-string item or inline string: plain text or rich-text runs concatenated, phonetic runs skipped.</summary>
internal static class RichText
{
    /// <summary>Call with the reader on the start of &lt;si&gt; or &lt;is&gt;; returns with it on the matching end.</summary>
    public static string Read(OpenXmlReader reader)
    {
        var depth = reader.Depth;
        string? single = null;
        StringBuilder? many = null;
        var phonetic = false;
        while (reader.Read() && reader.Depth > depth)
        {
            if (reader.ElementType == typeof(PhoneticRun))
            {
                phonetic = reader.IsStartElement;
            }
            else if (!phonetic && reader.IsStartElement && reader.ElementType == typeof(Text))
            {
                var text = reader.GetText();
                if (single is null) single = text;
                else (many ??= new StringBuilder(single)).Append(text);
            }
        }
        return many?.ToString() ?? single ?? string.Empty;
    }
}
