using GovDataConsole.Features.Organization;
using Microsoft.AspNetCore.Identity;

namespace GovDataConsole.Data;

/// <summary>A realistic demo: a province → city → district set of departments and one account per role.</summary>
public sealed class DemoSeed(AppDbContext db, UserManager<AppUser> users)
{
    public const string Password = "Demo@2026!";

    /// <summary>杭州市数据资源管理局: the city's departments (and the scaled demo's county bureaus) hang under it.</summary>
    public const string CityCode = "330100SJJ";

    public static readonly IReadOnlyList<(string UserName, string DisplayName, string Role, string DepartmentCode)> Accounts =
    [
        ("admin", "王建国", Roles.Admin, CityCode),
        ("steward", "李晓梅", Roles.Steward, CityCode),
        ("manager", "张志远", Roles.Manager, CityCode),
        ("gongan", "陈静", Roles.DepartmentStaff, "330100GAJ"),
        ("shichang", "刘洋", Roles.DepartmentStaff, "330100SCJ"),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        var province = Add("330000DSJ", "浙江省大数据发展管理局", "11330000MB19563015", null, "周明", "0571-87051234");
        await db.SaveChangesAsync(ct);
        var city = Add(CityCode, "杭州市数据资源管理局", "11330100MB1A83256D", province, "孙丽", "0571-85256789");
        await db.SaveChangesAsync(ct);
        Add("330100GAJ", "杭州市公安局", "11330100002489351G", city, "赵强", "0571-87280110");
        Add("330100SCJ", "杭州市市场监督管理局", "11330100002489466N", city, "钱芳", "0571-85169012");
        Add("330100RSJ", "杭州市人力资源和社会保障局", "11330100002489482C", city, "吴磊", "0571-12333000");
        Add("330100WJW", "杭州市卫生健康委员会", "11330100002489511P", city, "郑洁", "0571-87065432");
        var district = Add("330106SJJ", "杭州市西湖区数据资源管理局", "11330106MB0C24719D", city, "冯伟", "0571-87986543");
        await db.SaveChangesAsync(ct);
        Add("330106SCJ", "杭州市西湖区市场监督管理局", "113301060024962374", district, "陈晨", "0571-87981234");
        await db.SaveChangesAsync(ct);

        var byCode = db.Departments.Local.ToDictionary(d => d.Code);
        foreach (var (userName, displayName, role, deptCode) in Accounts)
        {
            var user = new AppUser
            {
                UserName = userName,
                DisplayName = displayName,
                Email = $"{userName}@example.gov.cn",
                EmailConfirmed = true,
                DepartmentId = byCode[deptCode].Id,
            };
            Check(await users.CreateAsync(user, Password));
            Check(await users.AddToRoleAsync(user, role));
        }
    }

    private Department Add(string code, string name, string creditCode, Department? parent, string contact, string phone)
    {
        var department = new Department(new DepartmentForm
        {
            Code = code, Name = name, CreditCode = creditCode, ParentId = parent?.Id, ContactPerson = contact, ContactPhone = phone,
        });
        db.Departments.Add(department);
        return department;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException("Demo seed failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
