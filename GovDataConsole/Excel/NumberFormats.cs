namespace GovDataConsole.Excel;

/// <summary>Recognises date and time number formats, built-in (including the zh-CN ones) and custom.</summary>
internal static class NumberFormats
{
    public static bool IsDate(int numberFormatId, string? customCode)
    {
        if (customCode is not null) return IsDateCode(customCode);
        return numberFormatId is >= 14 and <= 22 or >= 27 and <= 36 or >= 45 and <= 47 or >= 50 and <= 58;
    }

    /// <summary>True when the first section of a format code has a date/time token outside quotes, escapes and brackets.</summary>
    public static bool IsDateCode(string code)
    {
        for (var i = 0; i < code.Length; i++)
        {
            switch (code[i])
            {
                case ';':
                    return false;
                case '"':
                    var close = code.IndexOf('"', i + 1);
                    if (close < 0) return false;
                    i = close;
                    break;
                case '\\' or '_' or '*':
                    i++;
                    break;
                case '[':
                    var end = code.IndexOf(']', i + 1);
                    if (end < 0) return false;
                    var inner = code.AsSpan(i + 1, end - i - 1);
                    if (inner.Length > 0 && inner.TrimStart("hHmMsS").IsEmpty) return true; // elapsed time [h], [mm], [ss]
                    i = end;
                    break;
                case 'y' or 'Y' or 'm' or 'M' or 'd' or 'D' or 'h' or 'H' or 's' or 'S':
                    return true;
            }
        }
        return false;
    }
}
