using System.Globalization;
using System.Text.RegularExpressions;
using GovDataConsole.Cleansing;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Quality;

/// <summary>长度: length (in characters) within [min, max].</summary>
public sealed class LengthCheck(int field, string itemName, int? min, int? max) : ValueCheck(field, itemName)
{
    private readonly string detail = string.Format(T.RuleFailure_Length, min?.ToString(CultureInfo.InvariantCulture) ?? "0",
        max?.ToString(CultureInfo.InvariantCulture) ?? "∞");

    protected override string? Check(string value) => value.Length < (min ?? 0) || value.Length > (max ?? int.MaxValue) ? Message(detail) : null;
}

/// <summary>正则: the whole value matches the pattern (with a match timeout, so a bad pattern cannot hang a run).</summary>
public sealed class PatternCheck(int field, string itemName, Regex pattern) : ValueCheck(field, itemName)
{
    protected override string? Check(string value)
    {
        try
        {
            return pattern.IsMatch(value) ? null : Message(T.RuleFailure_Pattern);
        }
        catch (RegexMatchTimeoutException)
        {
            return Message(T.RuleFailure_PatternTimeout);
        }
    }
}

/// <summary>代码值域: the value is a code of the dictionary.</summary>
public sealed class DictionaryCheck(int field, string itemName, IReadOnlySet<string> codes, string dictionaryName) : ValueCheck(field, itemName)
{
    private readonly string detail = string.Format(T.RuleFailure_InDictionary, dictionaryName);

    protected override string? Check(string value) => codes.Contains(value) ? null : Message(detail);
}

/// <summary>数值范围: a number (as departments write them) within [min, max].</summary>
public sealed class NumberRangeCheck(int field, string itemName, decimal? min, decimal? max) : ValueCheck(field, itemName)
{
    private readonly string range = string.Format(T.RuleFailure_NumberRange, min?.ToString(CultureInfo.InvariantCulture) ?? "-∞",
        max?.ToString(CultureInfo.InvariantCulture) ?? "+∞");

    protected override string? Check(string value)
    {
        if (!FlexibleNumber.TryParse(value, out var number)) return Message(T.RuleFailure_NotNumber);
        return number < (min ?? decimal.MinValue) || number > (max ?? decimal.MaxValue) ? Message(range) : null;
    }
}

/// <summary>日期范围: a date within [min, max].</summary>
public sealed class DateRangeCheck(int field, string itemName, DateOnly? min, DateOnly? max) : ValueCheck(field, itemName)
{
    private readonly string range = string.Format(T.RuleFailure_DateRange, min?.ToString("yyyy-MM-dd") ?? "", max?.ToString("yyyy-MM-dd") ?? "");

    protected override string? Check(string value)
    {
        if (!FlexibleDate.TryParse(value, out var date, out _)) return Message(T.RuleFailure_NotDate);
        var day = DateOnly.FromDateTime(date);
        return day < (min ?? DateOnly.MinValue) || day > (max ?? DateOnly.MaxValue) ? Message(range) : null;
    }
}

/// <summary>日期可解析: a date in one of the styles the cleansers read.</summary>
public sealed class DateParsableCheck(int field, string itemName) : ValueCheck(field, itemName)
{
    protected override string? Check(string value) => FlexibleDate.TryParse(value, out _, out _) ? null : Message(T.RuleFailure_NotDate);
}

/// <summary>日期时效: a date no older than N days before today.</summary>
public sealed class DateFreshnessCheck(int field, string itemName, DateOnly oldest, int days) : ValueCheck(field, itemName)
{
    private readonly string detail = string.Format(T.RuleFailure_DateFreshness, days);

    protected override string? Check(string value)
    {
        if (!FlexibleDate.TryParse(value, out var date, out _)) return Message(T.RuleFailure_NotDate);
        return DateOnly.FromDateTime(date) < oldest ? Message(detail) : null;
    }
}

/// <summary>引用一致: the value exists in another resource's field.</summary>
public sealed class ReferenceCheck(int field, string itemName, IReadOnlySet<string> values, string target) : ValueCheck(field, itemName)
{
    private readonly string detail = string.Format(T.RuleFailure_Reference, target);

    protected override string? Check(string value) => values.Contains(value) ? null : Message(detail);
}
