namespace GovDataConsole.Features.Organization;

/// <summary>A department as grids and detail views show it.</summary>
public sealed record DepartmentRow(
    int Id, string Code, string Name, string CreditCode, int? ParentId, string? ParentName,
    string? ContactPerson, string? ContactPhone, bool Enabled)
{
    public DepartmentForm ToForm() => new()
    {
        Code = Code, Name = Name, CreditCode = CreditCode, ParentId = ParentId, ContactPerson = ContactPerson, ContactPhone = ContactPhone,
    };
}

/// <summary>A department as a select list shows it.</summary>
public sealed record DepartmentOption(int Id, string Code, string Name);

public sealed record DepartmentQuery : Shared.GridRequest
{
    public string? Search { get; init; }
    public bool? Enabled { get; init; }
}
