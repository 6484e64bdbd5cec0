using GovDataConsole.Features.Organization;

namespace GovDataConsole.Features.Catalog;

/// <summary>A department's information system (信息系统): the source a data resource comes from.</summary>
public class InformationSystem : IDepartmentOwned
{
    public int Id { get; private set; }
    public int DepartmentId { get; private set; }
    public Department? Department { get; private set; }
    public string Name { get; private set; } = "";
    public string? Description { get; private set; }

    private InformationSystem() { }

    public InformationSystem(int departmentId, string name, string? description)
    {
        DepartmentId = departmentId;
        Update(name, description);
    }

    public void Update(string name, string? description)
    {
        Name = name.Trim();
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
    }
}
