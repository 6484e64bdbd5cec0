namespace GovDataConsole.Data;

/// <summary>
/// What the scaled demo's departments and resources are called: county-level bureaus of Zhejiang (Hangzhou's counties
/// first), each with the resources such a bureau keeps. The abbreviations differ from the base demo's codes
/// (SJJ, GAJ, SCJ, RSJ, WJW, DSJ), so a scaled department code never names a base demo department.
/// </summary>
internal static class DemoScaleNames
{
    /// <summary>What a resource's rows describe; it decides the info items and the rules (<see cref="DemoScaleCatalog"/>).</summary>
    public enum Subject { Person, Entity, Matter }

    /// <param name="Suffix">The bureau after the county's name: 淳安县教育局; in a city district after the city's too: 杭州市上城区教育局.</param>
    /// <param name="Resources">Resource names, each with its subject: P person, E entity (企业/机构), M matter (办件/事项).</param>
    /// <param name="DistrictPattern">Where a district's bureau is named otherwise, from the city ({0}) and district ({1}).</param>
    public sealed record Bureau(string Suffix, string Abbreviation, string SystemName, string[] Resources, string? DistrictPattern = null)
    {
        public string NameIn(string city, string county) => !county.EndsWith('区') ? county + Suffix
            : DistrictPattern is null ? city + county + Suffix : string.Format(DistrictPattern, city, county);
    }

    public static readonly Bureau[] Bureaus =
    [
        new("公安局", "GAFJ", "警务综合信息系统",
            ["P常住人口登记信息", "P流动人口居住登记信息", "E机动车登记信息", "P机动车驾驶人信息", "P出入境证件办理信息", "P户籍迁移登记信息", "M治安处罚决定信息", "P旅馆业住宿登记信息", "M犬只登记信息", "M道路交通事故信息"], "{0}公安局{1}分局"),
        new("市场监督管理局", "SCJG", "市场监管业务系统",
            ["E市场主体登记信息", "E食品经营许可信息", "M行政处罚信息", "E特种设备登记信息", "M广告监测信息", "M产品质量抽检信息", "M消费投诉举报信息", "E个体工商户登记信息", "E计量器具检定信息", "E企业年度报告信息"]),
        new("人力资源和社会保障局", "RSSB", "人社一体化业务系统",
            ["P社会保险参保信息", "P就业登记信息", "P失业登记信息", "P职业技能等级证书信息", "E劳动合同备案信息", "M劳动保障监察案件信息", "P人才引进信息", "P养老金发放信息", "M工伤认定信息", "P创业补贴发放信息"]),
        new("卫生健康局", "WJJ", "卫生健康信息平台",
            ["E医疗机构执业登记信息", "P医师执业注册信息", "P护士执业注册信息", "P出生医学证明信息", "P预防接种信息", "P死亡医学证明信息", "E公共场所卫生许可信息", "P家庭医生签约信息", "M传染病报告信息", "E母婴保健技术服务信息"]),
        new("教育局", "JYJ", "教育管理公共服务平台",
            ["P中小学学籍信息", "E幼儿园基本信息", "P教师资格认定信息", "E学校基本信息", "P义务教育招生入学信息", "P学生资助发放信息", "E校外培训机构信息", "P教职工信息", "M学校安全检查信息", "P中考成绩信息"]),
        new("民政局", "MZJ", "民政综合业务系统",
            ["P婚姻登记信息", "P最低生活保障信息", "E社会组织登记信息", "E养老机构信息", "M殡葬服务信息", "P特困人员供养信息", "P残疾人两项补贴信息", "M地名信息", "P临时救助信息", "P收养登记信息"]),
        new("财政局", "CZJ", "财政一体化系统",
            ["E预算单位信息", "M政府采购合同信息", "M非税收入缴款信息", "M财政补助资金发放信息", "M行政事业单位资产信息", "M国库集中支付信息", "P会计人员信息", "M政府债务信息", "P惠民惠农补贴信息", "M票据领用核销信息"]),
        new("自然资源和规划局", "ZRGH", "自然资源业务系统",
            ["M不动产登记信息", "M建设用地规划许可信息", "M土地出让信息", "M建设工程规划许可信息", "M国土空间规划信息", "E矿产资源开采信息", "M地质灾害隐患点信息", "M土地执法案件信息", "E测绘成果信息", "M耕地保护信息"]),
        new("生态环境局", "STHJ", "生态环境综合管理系统",
            ["E排污许可信息", "M环境影响评价审批信息", "M环境行政处罚信息", "E重点排污单位信息", "M空气质量监测信息", "M水环境质量监测信息", "E危险废物经营许可信息", "M环境信访投诉信息", "E辐射安全许可信息", "E土壤污染重点监管单位信息"]),
        new("住房和城乡建设局", "ZJJ", "住房城乡建设业务系统",
            ["M商品房预售许可信息", "M建筑工程施工许可信息", "E建筑业企业资质信息", "M房屋租赁登记备案信息", "E物业服务企业信息", "P住房保障信息", "M房屋安全鉴定信息", "M工程质量监督信息", "E房地产开发企业信息", "M城镇老旧小区改造信息"]),
        new("交通运输局", "JTYS", "交通运输综合业务系统",
            ["E道路运输经营许可信息", "E营运车辆信息", "P从业资格证信息", "E出租汽车经营信息", "M交通行政处罚信息", "M公路建设项目信息", "M公交线路信息", "E网约车平台许可信息", "E驾驶员培训机构信息", "E水路运输许可信息"]),
        new("农业农村局", "NYNC", "农业农村数据平台",
            ["E农民专业合作社信息", "E家庭农场信息", "E农药经营许可信息", "E动物防疫条件合格证信息", "P农村土地承包经营权信息", "E种子生产经营许可信息", "M农产品质量安全检测信息", "P农机购置补贴信息", "P渔业捕捞许可信息", "P宅基地审批信息"]),
        new("商务局", "SWJ", "商务综合业务系统",
            ["E对外贸易经营者备案信息", "E外商投资企业信息", "E成品油零售经营许可信息", "E单用途预付卡备案信息", "E再生资源回收经营者备案信息", "E拍卖企业信息", "E汽车销售备案信息", "M商业网点信息", "E酒类流通备案信息", "E电子商务企业信息"]),
        new("文化和广电旅游体育局", "WGLT", "文化旅游公共服务平台",
            ["E旅行社信息", "E星级饭店信息", "E等级旅游景区信息", "E网络文化经营许可信息", "E娱乐场所许可信息", "M文物保护单位信息", "E演出经纪机构信息", "M公共图书馆服务信息", "P导游信息", "M文化市场行政处罚信息"]),
        new("应急管理局", "YJGL", "应急管理综合应用平台",
            ["E危险化学品经营许可信息", "M安全生产行政处罚信息", "E安全生产许可信息", "M应急避难场所信息", "E应急救援队伍信息", "M生产安全事故信息", "E烟花爆竹经营许可信息", "M重大危险源信息", "M自然灾害灾情信息", "E安全培训机构信息"]),
        new("医疗保障局", "YBJ", "医疗保障信息平台",
            ["P基本医疗保险参保信息", "E定点医药机构信息", "M医保结算信息", "P医疗救助信息", "P门诊慢特病认定信息", "M医保基金监管处罚信息", "P异地就医备案信息", "P长期护理保险信息", "M医保药品目录信息", "P医保待遇享受信息"]),
    ];

    /// <summary>The subject and name of a resource entry such as "P常住人口登记信息".</summary>
    public static (Subject Subject, string Name) Resource(string entry) => (entry[0] switch
    {
        'P' => Subject.Person,
        'E' => Subject.Entity,
        _ => Subject.Matter,
    }, entry[1..]);

    /// <summary>What departments say when they dispute, ask for time, or a steward sends rows back.</summary>
    public static readonly string[] DisputeReasons =
    [
        "该批记录为历史存量数据，源系统中已按当时标准登记，申请认定为例外。",
        "经核实，所列号码为境外人员证件号码，不适用本规则，申请按误报处理。",
        "源系统字段含义与目录不一致，已提请修订目录，在此之前申请例外处理。",
    ];

    public static readonly string[] ExtensionReasons =
    [
        "涉及数据需协调上级业务系统厂商修改，申请延期办理。",
        "问题数据量较大，需逐条核对纸质档案，申请延长整改期限。",
        "适逢业务系统升级改造，数据导出受限，申请延期。",
    ];

    public static readonly string[] RejectComments =
    [
        "复核发现仍有部分记录未按标准修正，请继续整改。",
        "部分记录修正后仍未通过规则校验，请对照问题清单逐条核实后重新提交。",
    ];
}
