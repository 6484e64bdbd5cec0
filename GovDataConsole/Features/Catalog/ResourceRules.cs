using System.Text.RegularExpressions;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Features.Catalog;

/// <summary>Each catalog field's rule, returning a Chinese message or null. Shared by the dialog, the service and the workbook import.</summary>
public static partial class ResourceRules
{
    public const int NameMaxLength = 100;
    public const int SummaryMaxLength = 1000;
    public const int ItemCodeMaxLength = 50;
    public const int DescriptionMaxLength = 500;
    public const int MaxStringLength = 4000;
    public const int MaxDecimalDigits = 38;

    [GeneratedRegex(@"^(?<dept>[0-9A-Z]{4,20})/(?<seq>\d{5})$")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex ItemCodePattern();

    /// <summary>Resource codes follow 部门代码/五位序号, e.g. 330100GAJ/00001, with the owning department's code.</summary>
    public static string? Code(string? code, string departmentCode)
    {
        var match = CodePattern().Match(code?.Trim() ?? "");
        if (!match.Success) return string.Format(T.Catalog_CodeFormat, departmentCode);
        return match.Groups["dept"].Value == departmentCode ? null : string.Format(T.Catalog_CodeDepartment, departmentCode);
    }

    public static string? Name(string? name) =>
        string.IsNullOrWhiteSpace(name) || name.Trim().Length > NameMaxLength ? T.Catalog_NameInvalid : null;

    public static string? Summary(string? summary) => summary?.Trim().Length > SummaryMaxLength ? T.Catalog_SummaryTooLong : null;

    public static string? ShareCondition(ShareType shareType, string? condition) =>
        shareType == ShareType.Conditional && string.IsNullOrWhiteSpace(condition) ? T.Catalog_ShareConditionRequired
        : condition?.Trim().Length > SummaryMaxLength ? T.Catalog_SummaryTooLong : null;

    public static string? ItemCode(string? code) =>
        code is null || code.Trim().Length is 0 or > ItemCodeMaxLength || !ItemCodePattern().IsMatch(code.Trim()) ? T.Catalog_ItemCodeInvalid : null;

    public static string? ItemName(string? name) =>
        string.IsNullOrWhiteSpace(name) || name.Trim().Length > NameMaxLength ? T.Catalog_ItemNameInvalid : null;

    public static string? ItemLength(ItemDataType type, int? length, int? precision) => type switch
    {
        ItemDataType.String when length is null or < 1 or > MaxStringLength => T.Catalog_StringLength,
        ItemDataType.Decimal when length is null or < 1 or > MaxDecimalDigits => T.Catalog_DecimalLength,
        ItemDataType.Decimal when precision is < 0 || precision > length => T.Catalog_DecimalPrecision,
        _ => null,
    };

    public static string? Description(string? description) => description?.Trim().Length > DescriptionMaxLength ? T.Catalog_DescriptionTooLong : null;
}
