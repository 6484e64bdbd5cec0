using GovDataConsole.Standards;

namespace GovDataConsole.Quality;

/// <summary>公民身份号码 (GB 11643-1999) with the rule's options for 15-digit IDs and the full division prefix.</summary>
public sealed class ResidentIdCheck(int field, string itemName, ResidentIdRules rules) : ValueCheck(field, itemName)
{
    protected override string? Check(string value)
    {
        var result = ResidentId.Validate(value, rules);
        return result.IsValid ? null : Message(result.Message!);
    }
}

/// <summary>统一社会信用代码 (GB 32100-2015).</summary>
public sealed class CreditCodeCheck(int field, string itemName) : ValueCheck(field, itemName)
{
    protected override string? Check(string value) => UnifiedSocialCreditCode.Describe(UnifiedSocialCreditCode.Validate(value)) is { } d ? Message(d) : null;
}

/// <summary>手机号码.</summary>
public sealed class MobileCheck(int field, string itemName) : ValueCheck(field, itemName)
{
    protected override string? Check(string value) => PhoneNumber.IsMobile(value) ? null : Message(PhoneNumber.InvalidMobileMessage);
}

/// <summary>电子邮箱.</summary>
public sealed class EmailCheck(int field, string itemName) : ValueCheck(field, itemName)
{
    protected override string? Check(string value) => Email.IsValid(value) ? null : Message(Email.InvalidMessage);
}

/// <summary>邮政编码.</summary>
public sealed class PostcodeCheck(int field, string itemName) : ValueCheck(field, itemName)
{
    protected override string? Check(string value) => Postcode.IsValid(value) ? null : Message(Postcode.InvalidMessage);
}

/// <summary>行政区划代码 (GB/T 2260), optionally required to be in the seeded table.</summary>
public sealed class DivisionCodeCheck(int field, string itemName, bool requireKnown) : ValueCheck(field, itemName)
{
    protected override string? Check(string value) => DivisionCode.Describe(DivisionCode.Validate(value, requireKnown)) is { } d ? Message(d) : null;
}

/// <summary>A check between a resident ID column and another column; skipped when either is empty or the ID is unreadable.</summary>
public abstract class IdPairCheck(int idField, int otherField) : RowCheck(otherField)
{
    private static readonly ResidentIdRules Readable = new(DateOnly.MaxValue) { AllowLegacy = true, AllowLowerCaseX = true };

    public override IReadOnlyList<int> Fields => [idField, Field];

    /// <summary>The last ID read on this thread: a row's ID is read once for all of its ID pair checks.</summary>
    [ThreadStatic] private static (string Value, ResidentIdResult Result)? last;

    public override string? Check(ReadOnlySpan<string> row)
    {
        var other = row[Field];
        if (other.Length == 0 || row[idField].Length == 0) return null;
        var id = Read(row[idField]);
        return id.BirthDate is null ? null : Compare(id, other);
    }

    private static ResidentIdResult Read(string value)
    {
        if (last is not { } known || !ReferenceEquals(known.Value, value)) last = known = (value, ResidentId.Validate(value, Readable));
        return known.Result;
    }

    protected abstract string? Compare(ResidentIdResult id, string other);
}

/// <summary>出生日期与身份证一致.</summary>
public sealed class BirthDateMatchesIdCheck(int idField, int dateField, string message) : IdPairCheck(idField, dateField)
{
    protected override string? Compare(ResidentIdResult id, string other) =>
        Cleansing.FlexibleDate.TryParse(other, out var date, out _) && DateOnly.FromDateTime(date) == id.BirthDate ? null : message;
}

/// <summary>性别与身份证一致: the gender code equals the ID's gender digit (odd: male code, even: female code).</summary>
public sealed class GenderMatchesIdCheck(int idField, int genderField, string maleCode, string femaleCode, string message) : IdPairCheck(idField, genderField)
{
    protected override string? Compare(ResidentIdResult id, string other) =>
        other.Trim() == (id.GenderDigit % 2 == 1 ? maleCode : femaleCode) ? null : message;
}

/// <summary>区划与身份证一致: the first N digits of the division code equal the ID's.</summary>
public sealed class DivisionMatchesIdCheck(int idField, int divisionField, int digits, string message) : IdPairCheck(idField, divisionField)
{
    protected override string? Compare(ResidentIdResult id, string other) =>
        other.Length >= digits && id.Value!.AsSpan(0, digits).SequenceEqual(other.AsSpan(0, digits)) ? null : message;
}
