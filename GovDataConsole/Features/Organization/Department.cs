namespace GovDataConsole.Features.Organization;

/// <summary>A government department (委办局) in the province → city → district hierarchy.</summary>
public class Department
{
    public int Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string CreditCode { get; private set; } = "";
    public int? ParentId { get; private set; }
    public Department? Parent { get; private set; }
    public string? ContactPerson { get; private set; }
    public string? ContactPhone { get; private set; }
    public bool Enabled { get; private set; } = true;
    public DateTime CreatedUtc { get; private set; } = DateTime.UtcNow;

    private Department() { }

    public Department(DepartmentForm form) => Apply(form);

    public void Apply(DepartmentForm form)
    {
        Code = form.Code.Trim();
        Name = form.Name.Trim();
        CreditCode = form.CreditCode.Trim().ToUpperInvariant();
        ParentId = form.ParentId;
        ContactPerson = string.IsNullOrWhiteSpace(form.ContactPerson) ? null : form.ContactPerson.Trim();
        ContactPhone = string.IsNullOrWhiteSpace(form.ContactPhone) ? null : form.ContactPhone.Trim();
    }

    public void SetEnabled(bool enabled) => Enabled = enabled;
}
