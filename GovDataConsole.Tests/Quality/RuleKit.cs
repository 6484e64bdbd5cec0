using GovDataConsole.Quality;

namespace GovDataConsole.Tests.Quality;

/// <summary>A person-and-company test resource to compile rules against, and rules written tersely.</summary>
internal static class RuleKit
{
    public static readonly DateOnly Today = new(2026, 6, 30);

    /// <summary>Column order of the rows the tests write as "a|b|c".</summary>
    public static readonly string[] Codes = ["SFZH", "XM", "XB", "CSRQ", "LXDH", "YX", "YZBM", "XZQH", "TYSHXYDM", "ZCZB", "KSRQ", "JSRQ", "BZ"];

    private static readonly string[] Names = ["公民身份号码", "姓名", "性别", "出生日期", "联系电话", "电子邮箱", "邮政编码", "行政区划", "统一社会信用代码", "注册资本", "开始日期", "结束日期", "备注"];

    private static readonly CodeSet Gender = new("性别代码", new HashSet<string> { "0", "1", "2", "9" });

    public static CheckContext Context { get; } = new()
    {
        Codes = Codes,
        Names = Names,
        Today = Today,
        ItemDictionaries = new Dictionary<string, CodeSet> { ["XB"] = Gender },
        Dictionaries = new Dictionary<string, CodeSet> { ["GB2261.1-XB"] = Gender },
        References = new Dictionary<string, CodeSet>
        {
            [CheckContext.ReferenceKey("330100SCJ/00001", "TYSHXYDM")] = new("市场主体登记信息·统一社会信用代码", new HashSet<string> { "91350100M000100Y43" }),
        },
    };

    public static QualityRule Rule(RuleTemplate template, string[] fields, params (string Name, string Value)[] parameters)
    {
        var values = RuleTemplateCatalog.Defaults(template);
        foreach (var (name, value) in parameters) values[name] = value;
        return new QualityRule("R1", template, fields, values, RuleSeverity.Major, 1, 0);
    }

    /// <summary>A row with the given values at the named columns, empty elsewhere.</summary>
    public static string[] Row(params (string Code, string Value)[] values)
    {
        var row = new string[Codes.Length];
        Array.Fill(row, "");
        foreach (var (code, value) in values) row[Array.IndexOf(Codes, code)] = value;
        return row;
    }

    /// <summary>The failure message of a one-field rule on a value, or null when it passes.</summary>
    public static string? Check(RuleTemplate template, string field, string value, params (string Name, string Value)[] parameters) =>
        RuleCompiler.Compile(Rule(template, [field], parameters), Context).Check(Row((field, value)));
}
