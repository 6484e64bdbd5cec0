using System.Text.RegularExpressions;
using GovDataConsole.Standards;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Features.Organization;

/// <summary>The edit model of a department; <see cref="Validate"/> is the one place its rules live.</summary>
public sealed partial class DepartmentForm
{
    public const int CodeMaxLength = 20;
    public const int NameMaxLength = 100;

    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string CreditCode { get; set; } = "";
    public int? ParentId { get; set; }
    public string? ContactPerson { get; set; }
    public string? ContactPhone { get; set; }

    [GeneratedRegex("^[0-9A-Z]{4,20}$")]
    private static partial Regex CodePattern();

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!CodePattern().IsMatch(Code.Trim())) errors.Add(T.Department_CodeInvalid);
        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > NameMaxLength) errors.Add(T.Department_NameInvalid);
        if (!UnifiedSocialCreditCode.IsValid(CreditCode.Trim().ToUpperInvariant())) errors.Add(T.Department_CreditCodeInvalid);
        if (ContactPerson?.Trim().Length > 50) errors.Add(T.Department_ContactTooLong);
        if (!string.IsNullOrWhiteSpace(ContactPhone) && !PhoneNumber.IsMobileOrLandline(ContactPhone.Trim())) errors.Add(T.Department_PhoneInvalid);
        return errors;
    }
}
