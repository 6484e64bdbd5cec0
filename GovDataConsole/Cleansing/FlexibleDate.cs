namespace GovDataConsole.Cleansing;

/// <summary>
/// Reads the date styles departments write, with full-width digits and separators accepted anywhere:
/// <c>2026-1-5</c>, <c>2026/01/05</c>, <c>2026.1.5</c>, <c>2026年1月5日</c> (or 号), <c>20260105</c>, each optionally
/// followed by a time <c>H:m[:s[.fff]]</c> after a space (or <c>T</c>; nothing needed after 日); <c>yyyyMMddHHmm[ss]</c>;
/// and Excel serial numbers of the 1900 date system with five integer digits (10000 = 1927-05-18 … 99999 =
/// 2173-10-13), a fraction being the time of day. Shorter numbers are more likely years or mistakes than serials,
/// so they are not read as dates. Fractions of a second are dropped.
/// </summary>
public static class FlexibleDate
{
    private static readonly DateTime ExcelEpoch = new(1899, 12, 30);

    public static bool TryParse(ReadOnlySpan<char> text, out DateTime value, out bool hasTime)
    {
        value = default;
        hasTime = false;
        var s = text.Trim();
        var digits = DigitsEnd(s, 0);
        if (digits == 5 && (s.Length == 5 || (Separator(s, 5) == '.' && DigitsEnd(s, 6) == s.Length && s.Length > 6)))
            return TrySerial(s, out value, out hasTime);
        if (digits == s.Length) return TryCompact(s, out value, out hasTime);
        if (digits != 4) return false;

        var separator = Separator(s, 4);
        if (separator is not ('-' or '/' or '.' or '年')) return false;
        var pos = 5;
        var month = ReadNumber(s, ref pos);
        if (month < 0 || Separator(s, pos) != (separator == '年' ? '月' : separator)) return false;
        pos++;
        var day = ReadNumber(s, ref pos);
        if (day < 0 || !TryDate(Number(s, 0, 4), month, day, out var date)) return false;
        if (separator == '年' && pos < s.Length && s[pos] is '日' or '号') pos++;
        if (pos == s.Length)
        {
            value = date;
            return true;
        }

        var timeAt = pos;
        if (separator != '年' && Separator(s, pos) == 'T') pos++;
        else while (pos < s.Length && char.IsWhiteSpace(s[pos])) pos++;
        if (pos == timeAt && separator != '年') return false;
        var hour = ReadNumber(s, ref pos);
        if (hour is < 0 or > 23 || Separator(s, pos++) != ':') return false;
        var minute = ReadNumber(s, ref pos);
        if (minute is < 0 or > 59) return false;
        var second = 0;
        if (pos < s.Length)
        {
            if (Separator(s, pos++) != ':') return false;
            second = ReadNumber(s, ref pos);
            if (second is < 0 or > 59) return false;
            if (pos < s.Length && (Separator(s, pos) != '.' || DigitsEnd(s, pos + 1) != s.Length || pos + 1 == s.Length)) return false;
        }
        value = date.Add(new TimeSpan(hour, minute, second));
        hasTime = true;
        return true;
    }

    /// <summary>yyyyMMdd, yyyyMMddHHmm or yyyyMMddHHmmss.</summary>
    private static bool TryCompact(ReadOnlySpan<char> s, out DateTime value, out bool hasTime)
    {
        value = default;
        hasTime = s.Length > 8;
        if (s.Length is not (8 or 12 or 14) || !TryDate(Number(s, 0, 4), Number(s, 4, 2), Number(s, 6, 2), out var date)) return false;
        if (!hasTime)
        {
            value = date;
            return true;
        }
        var hour = Number(s, 8, 2);
        var minute = Number(s, 10, 2);
        var second = s.Length == 14 ? Number(s, 12, 2) : 0;
        if (hour > 23 || minute > 59 || second > 59) return false;
        value = date.Add(new TimeSpan(hour, minute, second));
        return true;
    }

    private static bool TrySerial(ReadOnlySpan<char> s, out DateTime value, out bool hasTime)
    {
        long fraction = 0, scale = 1;
        for (var i = 6; i < s.Length && scale < 1_000_000_000_000_000; i++, scale *= 10) fraction = fraction * 10 + Digit(s[i]);
        var seconds = (long)Math.Round((double)fraction / scale * 86_400, MidpointRounding.AwayFromZero);
        value = ExcelEpoch.AddDays(Number(s, 0, 5)).AddSeconds(seconds);
        hasTime = s.Length > 5;
        return true;
    }

    private static bool TryDate(int year, int month, int day, out DateTime date)
    {
        var valid = year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
        date = valid ? new DateTime(year, month, day) : default;
        return valid;
    }

    /// <summary>A one- or two-digit number at <paramref name="pos"/>, which moves past it; -1 when there is none.</summary>
    private static int ReadNumber(ReadOnlySpan<char> s, ref int pos)
    {
        var length = Math.Min(DigitsEnd(s, pos) - pos, 2);
        if (length <= 0) return -1;
        pos += length;
        return Number(s, pos - length, length);
    }

    /// <summary>The index of the first non-digit at or after <paramref name="from"/>.</summary>
    private static int DigitsEnd(ReadOnlySpan<char> s, int from)
    {
        var i = from;
        while (i < s.Length && Digit(s[i]) >= 0) i++;
        return i;
    }

    private static int Number(ReadOnlySpan<char> s, int start, int length)
    {
        var n = 0;
        for (var i = start; i < start + length; i++) n = n * 10 + Digit(s[i]);
        return n;
    }

    private static int Digit(char c) => c is >= '0' and <= '9' ? c - '0' : c is >= '０' and <= '９' ? c - '０' : -1;

    private static char Separator(ReadOnlySpan<char> s, int at) => at < s.Length ? FullWidth.ToHalfWidth(s[at]) : '\0';
}
