using ClosedXML.Excel;
using GovDataConsole.Ingest;
using GovDataConsole.Tests.Excel;

namespace GovDataConsole.Tests.Ingest;

/// <summary>Batch files as departments send them, and the info items they are for.</summary>
internal static class BatchWorkbooks
{
    public static IReadOnlyList<ExpectedColumn> Items { get; } =
    [
        new("XM", "姓名", true),
        new("SFZH", "公民身份号码", true),
        new("CSRQ", "出生日期"),
        new("SJHM", "手机号码"),
        new("XZQH", "行政区划代码", true),
    ];

    public static IReadOnlyList<string> Codes { get; } = Items.Select(i => i.Code).ToList();

    /// <summary>
    /// A department's own workbook: a 填写说明 sheet first, a hidden sheet, and sheet 人口信息 with a merged title row,
    /// a blank row, headers on row 3 in their own order with an extra 序号 and 备注 column, data from row 4.
    /// </summary>
    public static byte[] DepartmentOwn()
    {
        using var workbook = new XLWorkbook();
        workbook.AddWorksheet("填写说明").Cell(1, 1).Value = "请按下表填写，姓名和公民身份号码必填。";
        var data = workbook.AddWorksheet("人口信息");
        data.Cell(1, 1).Value = "2026年第一季度人口基础信息表";
        data.Range(1, 1, 1, 7).Merge();
        string[] headers = ["序号", "公民身份号码", "姓名", "行政区划代码", "手机号码", "出生日期", "备注"];
        for (var c = 0; c < headers.Length; c++) data.Cell(3, c + 1).Value = headers[c];
        object[][] rows =
        [
            [1, "110105199003071234", "张三", "110105", "13800138000", new DateTime(1990, 3, 7), ""],
            [2, "33010219851212002X", "李四", "330102", "", new DateTime(1985, 12, 12), "外出务工"],
        ];
        for (var r = 0; r < rows.Length; r++)
            for (var c = 0; c < rows[r].Length; c++)
                Put(data.Cell(4 + r, c + 1), rows[r][c]);
        data.Cell(7, 7).Value = "制表人：王五"; // only in an ignored column
        var hidden = workbook.AddWorksheet("字典");
        hidden.Cell(1, 1).Value = "姓名";
        hidden.Hide();
        return TestWorkbooks.Save(workbook);
    }

    /// <summary>The batch template filled in: hidden code row 1, labels with * on required ones in row 2, data from row 3.</summary>
    public static byte[] Template(bool withLabelRow = true)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("数据");
        var row = 1;
        for (var c = 0; c < Items.Count; c++) sheet.Cell(row, c + 1).Value = Items[c].Code;
        sheet.Row(row).Hide();
        if (withLabelRow)
        {
            row++;
            for (var c = 0; c < Items.Count; c++) sheet.Cell(row, c + 1).Value = (Items[c].Required ? "*" : "") + Items[c].Name;
        }
        Put(sheet.Cell(row + 1, 1), "张三");
        Put(sheet.Cell(row + 1, 2), "110105199003071234");
        Put(sheet.Cell(row + 1, 3), new DateTime(1990, 3, 7));
        Put(sheet.Cell(row + 1, 5), "110105");
        return TestWorkbooks.Save(workbook);
    }

    public static byte[] OneSheet(params object[][] rows)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("数据");
        for (var r = 0; r < rows.Length; r++)
            for (var c = 0; c < rows[r].Length; c++)
                if (rows[r][c] is not null) Put(sheet.Cell(r + 1, c + 1), rows[r][c]);
        return TestWorkbooks.Save(workbook);
    }

    /// <summary>Strings stay text (ClosedXML's Value setter would turn "110105" into a number).</summary>
    public static void Put(IXLCell cell, object value)
    {
        if (value is string text) cell.SetValue(text);
        else cell.Value = value;
    }
}
