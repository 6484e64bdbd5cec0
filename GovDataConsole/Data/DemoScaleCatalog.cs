using System.Globalization;
using GovDataConsole.Features.Catalog;
using GovDataConsole.Quality;
using GovDataConsole.Standards;
using T = GovDataConsole.Resources.UiText;
using Subject = GovDataConsole.Data.DemoScaleNames.Subject;

namespace GovDataConsole.Data;

/// <summary>
/// The scaled demo's resource shapes: the info items and version-1 quality rules of a person, entity or matter resource,
/// and for a failing row of a rule a value and the message the check engine writes for it (same resource strings).
/// </summary>
internal static class DemoScaleCatalog
{
    public sealed record Item(string Code, string Name, ItemDataType Type, int? Length, bool Required, bool Key, SensitivityKind Sensitivity, bool Gender = false)
    {
        public InfoItemForm Form(int? genderDictionary) => new()
        {
            Code = Code, Name = Name, DataType = Type, Length = Length, Required = Required, IsKey = Key, Sensitivity = Sensitivity,
            DictionaryId = Gender ? genderDictionary : null,
        };
    }

    /// <summary>A rule with the item it looks at (the first of its fields); none for the batch-level rule.</summary>
    public sealed record Rule(QualityRule Definition, Item? Item)
    {
        public bool PerBatch => Item is null;
    }

    public sealed record Shape(IReadOnlyList<Item> Items, IReadOnlyList<Rule> Rules);

    private static readonly Item ResidentIdItem = new("SFZH", "公民身份号码", ItemDataType.String, 18, true, true, SensitivityKind.ResidentId);
    private static readonly Item PersonName = new("XM", "姓名", ItemDataType.String, 50, true, false, SensitivityKind.PersonName);
    private static readonly Item GenderItem = new("XB", "性别", ItemDataType.String, 1, true, false, SensitivityKind.None, Gender: true);
    private static readonly Item MobileItem = new("SJHM", "手机号码", ItemDataType.String, 11, false, false, SensitivityKind.Mobile);
    private static readonly Item HomeAddress = new("ZZ", "住址", ItemDataType.String, 200, false, false, SensitivityKind.Address);
    private static readonly Item RegisteredOn = new("DJRQ", "登记日期", ItemDataType.Date, null, true, false, SensitivityKind.None);

    private static readonly Item CreditCodeKey = new("TYSHXYDM", "统一社会信用代码", ItemDataType.String, 18, true, true, SensitivityKind.CreditCode);
    private static readonly Item EntityName = new("MC", "名称", ItemDataType.String, 200, true, false, SensitivityKind.None);
    private static readonly Item Representative = new("FDDBR", "法定代表人", ItemDataType.String, 50, true, false, SensitivityKind.PersonName);
    private static readonly Item Domicile = new("ZS", "住所", ItemDataType.String, 200, false, false, SensitivityKind.Address);
    private static readonly Item Licence = new("XKZH", "许可证号", ItemDataType.String, 50, false, false, SensitivityKind.None);
    private static readonly Item ValidUntil = new("YXQZ", "有效期至", ItemDataType.Date, null, false, false, SensitivityKind.None);

    private static readonly Item CaseNumber = new("BH", "业务编号", ItemDataType.String, 50, true, true, SensitivityKind.None);
    private static readonly Item Party = new("DSRMC", "当事人名称", ItemDataType.String, 200, true, false, SensitivityKind.None);
    private static readonly Item PartyCode = new("TYSHXYDM", "统一社会信用代码", ItemDataType.String, 18, false, false, SensitivityKind.CreditCode);
    private static readonly Item HandledOn = new("BLRQ", "办理日期", ItemDataType.Date, null, true, false, SensitivityKind.None);
    private static readonly Item Outcome = new("BLJG", "办理结果", ItemDataType.String, 200, false, false, SensitivityKind.None);
    private static readonly Item Officer = new("CBR", "承办人", ItemDataType.String, 50, false, false, SensitivityKind.PersonName);

    private static Rule Define(string key, RuleTemplate template, Item item, RuleSeverity severity, decimal weight, decimal threshold, string name) =>
        new(new QualityRule(key, template, [item.Code], RuleTemplateCatalog.Defaults(template), severity, weight, threshold, Name: name), item);

    /// <summary>Every resource's batch-level rule: handed in by the task's due date (a late batch fails it once).</summary>
    private static readonly Rule OnTime = new(new QualityRule("R7", RuleTemplate.ReceivedInCycle, [], RuleTemplateCatalog.Defaults(RuleTemplate.ReceivedInCycle),
        RuleSeverity.Major, 2, 0, Name: "按更新周期按时报送"), null);

    public static readonly IReadOnlyDictionary<Subject, Shape> Shapes = new Dictionary<Subject, Shape>
    {
        [Subject.Person] = new([ResidentIdItem, PersonName, GenderItem, MobileItem, HomeAddress, RegisteredOn],
        [
            Define("R1", RuleTemplate.NotBlank, PersonName, RuleSeverity.Critical, 3, 1, "姓名不能为空"),
            Define("R2", RuleTemplate.ResidentId, ResidentIdItem, RuleSeverity.Critical, 3, 1, "公民身份号码符合 GB 11643"),
            Define("R3", RuleTemplate.InDictionary, GenderItem, RuleSeverity.Major, 2, 1, "性别代码符合 GB/T 2261.1"),
            Define("R4", RuleTemplate.Mobile, MobileItem, RuleSeverity.Minor, 1, 3, "手机号码格式正确"),
            Define("R5", RuleTemplate.DateParsable, RegisteredOn, RuleSeverity.Major, 2, 1, "登记日期为有效日期"),
            Define("R6", RuleTemplate.Unique, ResidentIdItem, RuleSeverity.Critical, 3, 0, "公民身份号码不重复"),
            OnTime,
        ]),
        [Subject.Entity] = new([CreditCodeKey, EntityName, Representative, Domicile, Licence, ValidUntil],
        [
            Define("R1", RuleTemplate.CreditCode, CreditCodeKey, RuleSeverity.Critical, 3, 1, "统一社会信用代码符合 GB 32100"),
            Define("R2", RuleTemplate.NotBlank, EntityName, RuleSeverity.Critical, 3, 1, "名称不能为空"),
            Define("R3", RuleTemplate.NotBlank, Representative, RuleSeverity.Major, 2, 1, "法定代表人不能为空"),
            Define("R4", RuleTemplate.DateParsable, ValidUntil, RuleSeverity.Major, 2, 1, "有效期至为有效日期"),
            Define("R5", RuleTemplate.NotBlank, Licence, RuleSeverity.Minor, 1, 2, "许可证号应填写"),
            Define("R6", RuleTemplate.Unique, CreditCodeKey, RuleSeverity.Critical, 3, 0, "统一社会信用代码不重复"),
            OnTime,
        ]),
        [Subject.Matter] = new([CaseNumber, Party, PartyCode, HandledOn, Outcome, Officer],
        [
            Define("R1", RuleTemplate.NotBlank, CaseNumber, RuleSeverity.Critical, 3, 1, "业务编号不能为空"),
            Define("R2", RuleTemplate.NotBlank, Party, RuleSeverity.Critical, 3, 1, "当事人名称不能为空"),
            Define("R3", RuleTemplate.CreditCode, PartyCode, RuleSeverity.Major, 2, 1, "统一社会信用代码符合 GB 32100"),
            Define("R4", RuleTemplate.DateParsable, HandledOn, RuleSeverity.Major, 2, 1, "办理日期为有效日期"),
            Define("R5", RuleTemplate.NotBlank, Outcome, RuleSeverity.Minor, 1, 2, "办理结果应填写"),
            Define("R6", RuleTemplate.Unique, CaseNumber, RuleSeverity.Critical, 3, 0, "业务编号不重复"),
            OnTime,
        ]),
    };

    private static readonly string[] Blanks = ["", "无", "-", "NULL", "/"];
    private static readonly string[] BadDates = ["2024年13月05日", "20230231", "2025/02/30", "二〇二四年五月", "0000-00-00", "2024-6-31"];
    private static readonly string[] BadGenders = ["男", "M", "9", "女性", "F"];

    /// <summary>A failing value of a row-level <paramref name="rule"/> in row <paramref name="row"/>, and the engine's message for it.</summary>
    public static (string? Value, string Message) Failure(Rule rule, int row, Random random)
    {
        var item = rule.Item!.Name;
        string Field(string detail) => string.Format(T.RuleFailure_Field, item, detail);
        switch (rule.Definition.Template)
        {
            case RuleTemplate.NotBlank:
                var blank = Blanks[random.Next(Blanks.Length)];
                return (blank.Length == 0 ? null : blank, string.Format(T.RuleFailure_NotBlank, item));
            case RuleTemplate.ResidentId:
                return (WithWrongCheck(ResidentIdBody(random), c => ResidentId.CheckCharacter(c)), Field(T.ResidentId_CheckCharacter));
            case RuleTemplate.CreditCode:
                return (WithWrongCheck(CreditCodeBody(random), c => UnifiedSocialCreditCode.CheckCharacter(c)), Field(T.CreditCode_CheckCharacter));
            case RuleTemplate.Mobile:
                return ($"1{random.Next(3, 10)}{random.Next(1_000_000, 10_000_000)}", Field(PhoneNumber.InvalidMobileMessage));
            case RuleTemplate.DateParsable:
                return (BadDates[random.Next(BadDates.Length)], Field(T.RuleFailure_NotDate));
            case RuleTemplate.InDictionary:
                return (BadGenders[random.Next(BadGenders.Length)], Field(string.Format(T.RuleFailure_InDictionary, "性别")));
            default:
                var first = Math.Max(2, row - random.Next(1, 400));
                var value = rule.Item.Sensitivity switch
                {
                    SensitivityKind.ResidentId => WithCheck(ResidentIdBody(random), c => ResidentId.CheckCharacter(c)),
                    SensitivityKind.CreditCode => WithCheck(CreditCodeBody(random), c => UnifiedSocialCreditCode.CheckCharacter(c)),
                    _ => $"{DateTime.UnixEpoch.AddDays(19_000 + random.Next(1_500)):yyyyMMdd}{random.Next(100_000):D5}",
                };
                return (value, string.Format(T.RuleFailure_Unique, item, string.Format(T.RuleFailure_UniqueSameBatch, first)));
        }
    }

    /// <summary>The first 17 characters of a Hangzhou resident ID of someone born 1950–2005.</summary>
    private static string ResidentIdBody(Random random)
    {
        var birth = new DateOnly(1950, 1, 1).AddDays(random.Next(20_000));
        return string.Create(CultureInfo.InvariantCulture, $"3301{random.Next(2, 28):D2}{birth:yyyyMMdd}{random.Next(1000):D3}");
    }

    /// <summary>The first 17 characters of an enterprise credit code registered in Hangzhou.</summary>
    private static string CreditCodeBody(Random random)
    {
        const string Digits = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        var serial = new string([.. Enumerable.Range(0, 9).Select(_ => Digits[random.Next(Digits.Length)])]);
        return $"913301{random.Next(2, 28):D2}{serial}";
    }

    private static string WithCheck(string body, Func<string, char> check) => body + check(body);

    private static string WithWrongCheck(string body, Func<string, char> check)
    {
        var right = check(body);
        return body + (right == '0' ? '1' : '0');
    }
}
