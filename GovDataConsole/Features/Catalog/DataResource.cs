using GovDataConsole.Features.Organization;
using GovDataConsole.Features.Shared;
using T = GovDataConsole.Resources.UiText;

namespace GovDataConsole.Features.Catalog;

/// <summary>A catalog data resource (数据资源) with its info items. Status: 草稿 → 已提交 → 已发布 → 已停用.</summary>
public class DataResource : IDepartmentOwned
{
    private readonly List<InfoItem> items = [];

    public int Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string? Summary { get; private set; }
    public int DepartmentId { get; private set; }
    public Department? Department { get; private set; }
    public int? InformationSystemId { get; private set; }
    public InformationSystem? InformationSystem { get; private set; }
    public ShareType ShareType { get; private set; }
    public string? ShareCondition { get; private set; }
    public OpenType OpenType { get; private set; }
    public UpdateCycle UpdateCycle { get; private set; }
    public SensitivityGrade SensitivityGrade { get; private set; }
    public ResourceStatus Status { get; private set; } = ResourceStatus.Draft;
    public int Version { get; private set; } = 1;
    public DateTime CreatedUtc { get; private set; } = DateTime.UtcNow;
    public DateTime UpdatedUtc { get; private set; } = DateTime.UtcNow;

    /// <summary>When the resource was first published: collection tasks start from this date.</summary>
    public DateTime? PublishedUtc { get; private set; }
    public IReadOnlyList<InfoItem> Items => items;

    private DataResource() { }

    public DataResource(ResourceForm form)
    {
        DepartmentId = form.DepartmentId;
        Apply(form);
    }

    /// <summary>Copies the form in, syncing items by code (update, add, remove). Published resources move to a new version.</summary>
    public void Apply(ResourceForm form)
    {
        Code = form.Code.Trim();
        Name = form.Name.Trim();
        Summary = Clean(form.Summary);
        InformationSystemId = form.InformationSystemId;
        ShareType = form.ShareType;
        ShareCondition = form.ShareType == ShareType.Conditional ? Clean(form.ShareCondition) : null;
        OpenType = form.OpenType;
        UpdateCycle = form.UpdateCycle;
        SensitivityGrade = form.SensitivityGrade;

        var incoming = form.Items.Select((f, i) => (Form: f, Order: i + 1)).ToList();
        items.RemoveAll(item => !incoming.Any(x => string.Equals(x.Form.Code.Trim(), item.Code, StringComparison.OrdinalIgnoreCase)));
        foreach (var (itemForm, order) in incoming)
        {
            var existing = items.FirstOrDefault(i => string.Equals(i.Code, itemForm.Code.Trim(), StringComparison.OrdinalIgnoreCase));
            if (existing is null) items.Add(new InfoItem(itemForm, order));
            else existing.Apply(itemForm, order);
        }
        UpdatedUtc = DateTime.UtcNow;
    }

    public ResourceForm ToForm() => new()
    {
        Code = Code, Name = Name, Summary = Summary, DepartmentId = DepartmentId, InformationSystemId = InformationSystemId,
        ShareType = ShareType, ShareCondition = ShareCondition, OpenType = OpenType, UpdateCycle = UpdateCycle,
        SensitivityGrade = SensitivityGrade, Items = items.OrderBy(i => i.SortOrder).Select(i => i.ToForm()).ToList(),
    };

    /// <summary>Called when content changed: a published resource gets a new version number.</summary>
    public bool BumpVersionIfPublished()
    {
        if (Status != ResourceStatus.Published) return false;
        Version++;
        return true;
    }

    public void Submit() => Move(ResourceStatus.Submitted, ResourceStatus.Draft);

    public void Publish(DateTime utcNow)
    {
        Move(ResourceStatus.Published, ResourceStatus.Draft, ResourceStatus.Submitted, ResourceStatus.Disabled);
        PublishedUtc ??= utcNow;
    }

    public void Disable() => Move(ResourceStatus.Disabled, ResourceStatus.Published);

    public void ReturnToDraft() => Move(ResourceStatus.Draft, ResourceStatus.Submitted);

    private void Move(ResourceStatus to, params ResourceStatus[] from)
    {
        if (!from.Contains(Status))
            throw new BusinessRuleException(string.Format(T.Catalog_StatusTransitionRefused, EnumLabels.Of(Status), EnumLabels.Of(to)));
        Status = to;
        UpdatedUtc = DateTime.UtcNow;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
