using GovDataConsole.Features.Shared;

namespace GovDataConsole.Features.Catalog;

public sealed record ResourceRow(
    int Id, string Code, string Name, int DepartmentId, string DepartmentName, string? SystemName, ShareType ShareType,
    OpenType OpenType, UpdateCycle UpdateCycle, SensitivityGrade SensitivityGrade, ResourceStatus Status, int Version,
    int ItemCount, DateTime UpdatedUtc);

public sealed record ResourceQuery : GridRequest
{
    public string? Search { get; set; }
    public int? DepartmentId { get; set; }
    public ShareType? ShareType { get; set; }
    public UpdateCycle? UpdateCycle { get; set; }
    public ResourceStatus? Status { get; set; }
}

public sealed record InfoItemRow(
    string Code, string Name, ItemDataType DataType, int? Length, int? Precision, bool Required, bool IsKey,
    string? DictionaryName, SensitivityKind Sensitivity, string? Description);

public sealed record VersionRow(int Version, string ChangedBy, DateTime ChangedUtc, string? Note);

public sealed record ResourceDetail(
    ResourceRow Resource, string? Summary, string? ShareCondition, IReadOnlyList<InfoItemRow> Items, IReadOnlyList<VersionRow> Versions);

public sealed record SystemOption(int Id, int DepartmentId, string Name);

public sealed record DictionaryOption(int Id, string Code, string Name);
