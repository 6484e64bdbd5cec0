using GovDataConsole.Features.Catalog;
using GovDataConsole.Features.Organization;
using GovDataConsole.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace GovDataConsole.Data;

/// <summary>Demo catalog: systems and resources of 公安局, 市场监管局 and 人社局 in every status, with a version history.</summary>
public static class DemoCatalogSeed
{
    /// <summary>Demo resources were published this long ago, so collection has a few months of history.</summary>
    public const int PublishedDaysAgo = 100;

    private static readonly UserContext Seeder = new(null, "system", "系统初始化", null, null, null);

    public static async Task SeedAsync(AppDbContext db, CancellationToken ct)
    {
        var departments = await db.Departments.ToDictionaryAsync(d => d.Code, d => d.Id, ct);
        var dictionaries = await db.CodeDictionaries.ToDictionaryAsync(d => d.Code, d => d.Id, ct);
        int gongan = departments["330100GAJ"], shichang = departments["330100SCJ"], renshe = departments["330100RSJ"];

        var population = new InformationSystem(gongan, "人口信息管理系统", "全市常住人口与户籍管理");
        var registration = new InformationSystem(shichang, "市场主体登记系统", "企业与个体工商户登记注册");
        var insurance = new InformationSystem(renshe, "社会保险业务系统", "参保登记与缴费");
        db.InformationSystems.AddRange(population, registration, insurance);
        await db.SaveChangesAsync(ct);

        InfoItemForm Item(string code, string name, ItemDataType type, int? length = null, bool required = false, bool key = false,
            string? dictionary = null, SensitivityKind sensitivity = SensitivityKind.None, int? precision = null) => new()
        {
            Code = code, Name = name, DataType = type, Length = length, Precision = precision, Required = required, IsKey = key,
            DictionaryId = dictionary is null ? null : dictionaries[dictionary], Sensitivity = sensitivity,
        };

        var residents = new ResourceForm
        {
            Code = "330100GAJ/00001", Name = "常住人口基本信息", Summary = "本市常住人口的身份、户籍与联系方式", DepartmentId = gongan,
            InformationSystemId = population.Id, ShareType = ShareType.Conditional, ShareCondition = "仅限政务部门履职使用，需经公安局审批",
            OpenType = OpenType.NotOpen, UpdateCycle = UpdateCycle.Weekly, SensitivityGrade = SensitivityGrade.Important,
            Items =
            [
                Item("SFZH", "公民身份号码", ItemDataType.String, 18, key: true, sensitivity: SensitivityKind.ResidentId),
                Item("XM", "姓名", ItemDataType.String, 50, required: true, sensitivity: SensitivityKind.PersonName),
                Item("XB", "性别", ItemDataType.String, 1, required: true, dictionary: StandardDictionaries.Gender),
                Item("MZ", "民族", ItemDataType.String, 2, dictionary: StandardDictionaries.Ethnic),
                Item("CSRQ", "出生日期", ItemDataType.Date, required: true),
                Item("HJDZ", "户籍地址", ItemDataType.String, 200, sensitivity: SensitivityKind.Address),
            ],
        };
        var companies = new ResourceForm
        {
            Code = "330100SCJ/00001", Name = "市场主体登记信息", Summary = "企业法人及个体工商户的登记信息", DepartmentId = shichang,
            InformationSystemId = registration.Id, ShareType = ShareType.Unconditional, OpenType = OpenType.Unconditional,
            UpdateCycle = UpdateCycle.Monthly, SensitivityGrade = SensitivityGrade.General,
            Items =
            [
                Item("TYSHXYDM", "统一社会信用代码", ItemDataType.String, 18, key: true, sensitivity: SensitivityKind.CreditCode),
                Item("QYMC", "企业名称", ItemDataType.String, 200, required: true),
                Item("FDDBR", "法定代表人", ItemDataType.String, 50, required: true, sensitivity: SensitivityKind.PersonName),
                Item("ZCZB", "注册资本（万元）", ItemDataType.Decimal, 18, precision: 4),
                Item("CLRQ", "成立日期", ItemDataType.Date, required: true),
                Item("ZSXZQH", "住所所在行政区划", ItemDataType.String, 6, dictionary: StandardDictionaries.Division),
                Item("ZS", "住所", ItemDataType.String, 200, sensitivity: SensitivityKind.Address),
            ],
        };
        var penalties = new ResourceForm
        {
            Code = "330100SCJ/00002", Name = "行政处罚信息", Summary = "市场监管领域行政处罚决定", DepartmentId = shichang,
            InformationSystemId = registration.Id, ShareType = ShareType.Unconditional, OpenType = OpenType.Conditional,
            UpdateCycle = UpdateCycle.Weekly, SensitivityGrade = SensitivityGrade.General,
            Items =
            [
                Item("CFJDSWH", "处罚决定书文号", ItemDataType.String, 100, key: true),
                Item("TYSHXYDM", "统一社会信用代码", ItemDataType.String, 18, required: true, sensitivity: SensitivityKind.CreditCode),
                Item("CFJE", "罚款金额（元）", ItemDataType.Decimal, 18, precision: 2),
                Item("CFRQ", "处罚决定日期", ItemDataType.Date, required: true),
            ],
        };
        var insured = new ResourceForm
        {
            Code = "330100RSJ/00001", Name = "社会保险参保信息", Summary = "职工基本养老保险参保登记", DepartmentId = renshe,
            InformationSystemId = insurance.Id, ShareType = ShareType.Conditional, ShareCondition = "用于社保待遇资格核验",
            OpenType = OpenType.NotOpen, UpdateCycle = UpdateCycle.Monthly, SensitivityGrade = SensitivityGrade.Important,
            Items =
            [
                Item("SFZH", "公民身份号码", ItemDataType.String, 18, key: true, sensitivity: SensitivityKind.ResidentId),
                Item("XM", "姓名", ItemDataType.String, 50, required: true, sensitivity: SensitivityKind.PersonName),
                Item("SJHM", "手机号码", ItemDataType.String, 11, sensitivity: SensitivityKind.Mobile),
                Item("CBRQ", "参保日期", ItemDataType.Date, required: true),
            ],
        };

        var licences = new ResourceForm
        {
            Code = "330100WJW/00001", Name = "医疗机构执业登记信息", Summary = "医疗机构执业许可登记（待完善）", DepartmentId = departments["330100WJW"],
            ShareType = ShareType.Unconditional, OpenType = OpenType.Unconditional, UpdateCycle = UpdateCycle.Quarterly,
            SensitivityGrade = SensitivityGrade.General,
            Items =
            [
                Item("XKZH", "执业许可证号", ItemDataType.String, 50, key: true),
                Item("JGMC", "机构名称", ItemDataType.String, 200, required: true),
            ],
        };

        var lookups = await CatalogLookups.LoadAsync(db, ct);
        var residentResource = await AddAsync(db, residents, lookups, publish: true, ct);
        await AddAsync(db, companies, lookups, publish: true, ct);
        var penaltyResource = await AddAsync(db, penalties, lookups, publish: false, ct);
        penaltyResource.Submit();
        await AddAsync(db, insured, lookups, publish: true, ct);
        await AddAsync(db, licences, lookups, publish: false, ct);

        // A second version of the resident resource, so the detail page has history to compare.
        residents.Items.Add(Item("LXDH", "联系电话", ItemDataType.String, 11, sensitivity: SensitivityKind.Mobile));
        residentResource.Apply(residents);
        residentResource.BumpVersionIfPublished();
        await ResourceWriter.RecordVersionAsync(db, residentResource, ResourceSnapshot.Of(residents, lookups), Seeder, null, ct);
        await db.SaveChangesAsync(ct);
    }

    private static async Task<DataResource> AddAsync(AppDbContext db, ResourceForm form, CatalogLookups lookups, bool publish, CancellationToken ct)
    {
        var resource = new DataResource(form);
        db.DataResources.Add(resource);
        if (publish) resource.Publish(DateTime.UtcNow.AddDays(-PublishedDaysAgo));
        await db.SaveChangesAsync(ct);
        await ResourceWriter.RecordVersionAsync(db, resource, ResourceSnapshot.Of(form, lookups), Seeder, EnumLabels.Of(resource.Status), ct);
        await db.SaveChangesAsync(ct);
        return resource;
    }
}
