namespace GovDataConsole.Cleansing;

/// <summary>
/// Dates to ISO yyyy-MM-dd (a time, if any, is dropped), or date-times to yyyy-MM-dd HH:mm:ss (midnight when only a
/// date is given), from every style <see cref="FlexibleDate"/> reads. Unreadable values stay as they are for the
/// quality rules to flag.
/// </summary>
internal sealed class DateCleanser(bool withTime) : Cleanser
{
    public static readonly DateCleanser DateOnly = new(false);
    public static readonly DateCleanser DateAndTime = new(true);

    public override string Clean(string value)
    {
        if (!FlexibleDate.TryParse(value, out var parsed, out _)) return value;
        Span<char> text = stackalloc char[19];
        Write(text, 0, parsed.Year, 4);
        text[4] = '-';
        Write(text, 5, parsed.Month, 2);
        text[7] = '-';
        Write(text, 8, parsed.Day, 2);
        if (withTime)
        {
            text[10] = ' ';
            Write(text, 11, parsed.Hour, 2);
            text[13] = ':';
            Write(text, 14, parsed.Minute, 2);
            text[16] = ':';
            Write(text, 17, parsed.Second, 2);
        }
        var result = text[..(withTime ? 19 : 10)];
        return result.SequenceEqual(value) ? value : new string(result);
    }

    private static void Write(Span<char> text, int at, int number, int width)
    {
        for (var i = at + width - 1; i >= at; i--, number /= 10) text[i] = (char)('0' + number % 10);
    }
}
