using GovDataConsole.Data;
using GovDataConsole.Features.Catalog;
using GovDataConsole.Features.Organization;
using GovDataConsole.Ingest;

namespace GovDataConsole.Bench;

/// <summary>A department and published resources whose 20 info items match <see cref="BenchData.Columns"/>, written straight to the database.</summary>
internal static class ImportBenchResource
{
    private static readonly Dictionary<string, int> TextLengths = new()
    {
        ["XM"] = 50, ["XB"] = 1, ["SFZH"] = 18, ["MZ"] = 2, ["SJHM"] = 11, ["HJDZ"] = 200, ["XZQH"] = 6, ["JZDZ"] = 200,
        ["GZDW"] = 100, ["TYSHXYDM"] = 18, ["ZT"] = 10, ["BZ"] = 500,
    };

    private static readonly Dictionary<string, SensitivityKind> Sensitivities = new()
    {
        ["XM"] = SensitivityKind.PersonName, ["SFZH"] = SensitivityKind.ResidentId, ["SJHM"] = SensitivityKind.Mobile,
        ["HJDZ"] = SensitivityKind.Address, ["JZDZ"] = SensitivityKind.Address, ["TYSHXYDM"] = SensitivityKind.CreditCode,
    };

    public static async Task<int> CreateDepartmentAsync(AppDbContext db, CancellationToken ct)
    {
        var department = new Department(new DepartmentForm { Code = "BENCH01", Name = "基准测试局", CreditCode = "11330100000000001X" });
        db.Departments.Add(department);
        await db.SaveChangesAsync(ct);
        return department.Id;
    }

    public static async Task<DataResource> CreateAsync(AppDbContext db, int departmentId, int number, CancellationToken ct)
    {
        var form = new ResourceForm
        {
            Code = $"BENCH01/{number:D5}", Name = $"基准人口信息{number}", DepartmentId = departmentId, UpdateCycle = UpdateCycle.Monthly,
            Items = BenchData.Columns.Select((c, i) => Item(c, BenchData.Kinds[i])).ToList(),
        };
        var resource = new DataResource(form);
        resource.Publish(DateTime.UtcNow);
        db.DataResources.Add(resource);
        await db.SaveChangesAsync(ct);
        return resource;
    }

    private static InfoItemForm Item(ExpectedColumn column, BenchData.Kind kind)
    {
        var item = new InfoItemForm
        {
            Code = column.Code, Name = column.Name, Required = column.Required,
            Sensitivity = Sensitivities.GetValueOrDefault(column.Code, SensitivityKind.None),
        };
        switch (kind)
        {
            case BenchData.Kind.Text:
                (item.DataType, item.Length) = (ItemDataType.String, TextLengths[column.Code]);
                break;
            case BenchData.Kind.Number when column.Code == "JTRK":
                item.DataType = ItemDataType.Integer;
                break;
            case BenchData.Kind.Number:
                // Coordinates are doubles printed shortest-round-trip: allow their full precision.
                (item.DataType, item.Length, item.Precision) = (ItemDataType.Decimal, 20, column.Code == "NSR" ? 2 : 15);
                break;
            case BenchData.Kind.Date:
                item.DataType = ItemDataType.Date;
                break;
            default:
                item.DataType = ItemDataType.DateTime;
                break;
        }
        return item;
    }
}
